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

  /** The contracts of a list (in its order) as `{ generated, contracts, catalog }`. */
  function records(view) {
    var ids = view.ids();
    // A short list reads each contract's own file, not the whole registry (tens of MB at 100k).
    var few = box.dataset.few === undefined ? FEW : Number(box.dataset.few);
    if (ids.length <= few)
      return Promise.all(
        ids.map(function (id) {
          return fetch(view.page(id).replace(/\.html$/, '.json')).then(function (res) {
            if (!res.ok) throw new Error(id + ': HTTP ' + res.status);
            return res.json();
          });
        }),
      ).then(function (files) {
        return {
          generated: files[0].generated,
          contracts: files.map(function (f) {
            return f.contract;
          }),
          catalog: files.map(function (f) {
            return {
              contract: f.contract.jobId,
              freshness: f.freshness,
              lastUpdated: f.lastUpdated,
              lastChange: f.lastChange,
            };
          }),
        };
      });
    return load().then(function (reg) {
      var at = new Map();
      reg.contracts.forEach(function (c, i) {
        at.set(c.jobId, i);
      });
      var rows = ids
        .map(function (id) {
          return at.get(id);
        })
        .filter(function (i) {
          return i !== undefined;
        });
      return {
        generated: reg.generated,
        contracts: rows.map(function (i) {
          return reg.contracts[i];
        }),
        catalog: rows.map(function (i) {
          return reg.catalog[i];
        }),
      };
    });
  }

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

  /** Up to this many contracts (or data-few), a download reads their own files, not registry.json. */
  var FEW = 200;

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

  function csv(list, view) {
    var lines = [COLUMNS.join(',')];
    list.contracts.forEach(function (c, i) {
      var k = list.catalog[i];
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

  function json(list, view) {
    var filters = {};
    view.filters.forEach(function (values, key) {
      filters[key] = Array.from(values);
    });
    return JSON.stringify(
      {
        version: 1,
        generated: list.generated,
        view: { q: view.q, filters: filters, url: location.href },
        contracts: list.contracts,
        catalog: list.catalog,
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
    if (view.ids().length === 0) {
      status.textContent = 'Nothing to download: no contract matches.';
      return;
    }
    button.disabled = true;
    status.textContent = '';
    records(view)
      .then(function (list) {
        var n = list.contracts.length;
        var text = format === 'csv' ? csv(list, view) : json(list, view);
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
        status.textContent = n + (n === 1 ? ' contract' : ' contracts') + ' downloaded.';
      })
      .catch(function (error) {
        status.textContent = 'The download failed: ' + error.message + '.';
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
