// "Download this list": the home page's current result list (query and filters applied) as CSV
// or JSON, for the impact lists people paste into tickets. Which contracts, in which order,
// comes from app.js (its `dcr:results` event); their fields from registry.json, so the JSON is
// a registry.json of its own (schema/registry.schema.json) with the view it came from.
/* global Blob, Element */
(function () {
  'use strict';
  var box = document.querySelector('.export-buttons');
  if (!box) return;
  var body = document.body;
  var current = null;
  var registry = null;
  var status = document.createElement('span');
  status.className = 'export-status';
  status.setAttribute('aria-live', 'polite');
  box.after(status);

  document.addEventListener('dcr:results', function (ev) {
    current = ev.detail;
    box.hidden = false;
  });

  function load() {
    if (!registry) {
      var url = (body.dataset.root || '') + 'registry.json?v=' + encodeURIComponent(body.dataset.build || '');
      registry = fetch(url).then(function (res) {
        if (!res.ok) throw new Error('registry.json: HTTP ' + res.status);
        return res.json();
      });
      registry.catch(function () {
        registry = null; // try again on the next click
      });
    }
    return registry;
  }

  var COLUMNS = [
    'contract',
    'status',
    'freshness',
    'last_updated',
    'source_host',
    'source_db',
    'source_type',
    'tables',
    'source_owners',
    'ingestion_owners',
    'ingestion_type',
    'frequency_minutes',
    'tags',
    'description',
    'page',
  ];

  /** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets show it as text. */
  function cell(value) {
    var text = value === undefined || value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(reg, rows, view) {
    var lines = [COLUMNS.join(',')];
    rows.forEach(function (i) {
      var c = reg.contracts[i];
      var k = reg.catalog[i] || {};
      lines.push(
        [
          c.jobId,
          c.status,
          k.freshness,
          k.lastUpdated ? k.lastUpdated.slice(0, 10) : '',
          c.sourceHost,
          c.sourceDb,
          c.sourceType,
          c.tables.join('; '),
          c.owners.source.join('; '),
          c.owners.ingestion.join('; '),
          c.ingestionType,
          c.frequencyMinutes,
          c.tags.join('; '),
          c.description,
          view.page(c.jobId),
        ]
          .map(cell)
          .join(','),
      );
    });
    // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  function json(reg, rows, view) {
    var filters = {};
    view.filters.forEach(function (values, key) {
      filters[key] = Array.from(values);
    });
    return JSON.stringify(
      {
        version: 1,
        generated: reg.generated,
        view: { q: view.q, filters: filters, url: location.href },
        contracts: rows.map(function (i) {
          return reg.contracts[i];
        }),
        catalog: rows.map(function (i) {
          return reg.catalog[i];
        }),
      },
      null,
      2,
    );
  }

  function fileName(view, ext) {
    var words = [view.q];
    view.filters.forEach(function (values) {
      values.forEach(function (v) {
        words.push(v);
      });
    });
    var slug = words
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
    return 'contracts' + (slug ? '-' + slug : '') + '.' + ext;
  }

  box.addEventListener('click', function (ev) {
    var button = ev.target instanceof Element ? ev.target.closest('button[data-export]') : null;
    if (!button || !current) return;
    var view = current;
    var format = button.dataset.export;
    button.disabled = true;
    status.textContent = '';
    load()
      .then(function (reg) {
        var at = new Map();
        reg.contracts.forEach(function (c, i) {
          at.set(c.jobId, i);
        });
        var rows = view
          .ids()
          .map(function (id) {
            return at.get(id);
          })
          .filter(function (i) {
            return i !== undefined;
          });
        var text = format === 'csv' ? csv(reg, rows, view) : json(reg, rows, view);
        var type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text], { type: type }));
        a.download = fileName(view, format);
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(function () {
          URL.revokeObjectURL(a.href);
        }, 60000);
        status.textContent = rows.length + (rows.length === 1 ? ' contract' : ' contracts') + ' downloaded.';
      })
      .catch(function (error) {
        status.textContent = 'The download failed: ' + error.message + '.';
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
