// The catalog in the browser: search as you type, facets with counts, state in the URL,
// keyboard navigation. Plain ES module, no framework. Contract data only ever reaches the
// page through textContent and attribute setters, never as HTML.
/* global HTMLElement, HTMLInputElement, Element, URLSearchParams, CSS */
import { buildIndex, fileSlug, search } from './engine.js';

const body = document.body;
const root = body.dataset.root || '';
const build = body.dataset.build || '';
const input = /** @type {HTMLInputElement} */ (document.getElementById('q'));
const MISSING = '(missing)';
const PAGE = 50;

const typing = (el) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

// `/` focuses the search box on every page.
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !typing(ev.target)) {
    ev.preventDefault();
    input.focus();
    input.select();
  }
});

if (body.dataset.page === 'home') home();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = new Map();
  for (const [k, v] of params) {
    if (k === 'q') continue;
    if (!filters.has(k)) filters.set(k, new Set());
    filters.get(k).add(v);
  }
  return { q: params.get('q') ?? '', filters };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const [k, values] of state.filters) for (const v of values) params.append(k, v);
  const s = params.toString();
  return s ? `?${s}` : location.pathname;
}

async function fetchJson(path) {
  const res = await fetch(`${root}${path}?v=${encodeURIComponent(build)}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

async function home() {
  const form = input.form;
  const facetsEl = document.getElementById('facets');
  const list = document.getElementById('results');
  const count = document.getElementById('count');
  const more = document.getElementById('more');
  const filtersEl = document.getElementById('filters');
  const facetDefs = [...facetsEl.querySelectorAll('section.facet')].map((s) => [
    s.dataset.facet,
    s.querySelector('h2').textContent,
  ]);

  let state = readState();
  input.value = state.q;
  form.addEventListener('submit', (ev) => ev.preventDefault());

  let m;
  try {
    m = await fetchJson('search/manifest.json');
  } catch (error) {
    count.textContent = `The search data could not be loaded (${error.message}); the list shows the first contracts.`;
    return;
  }
  let descriptions = null;
  let index = null;
  let shown = PAGE;
  const openFacets = new Set();
  const n = m.id.length;

  // Per facet: the value names and each row's value codes.
  const facets = facetDefs.map(([key, label]) => facetColumn(m, key, label));

  function facetColumn(m, key, label) {
    const one = (names, col, missing) => {
      const values = missing ? [...names, MISSING] : names;
      return { key, label, values, codes: (row) => [col[row] < 0 ? names.length : col[row]] };
    };
    switch (key) {
      case 'owner':
        return {
          key,
          label,
          values: m.dict.people,
          codes: (row) => [...new Set([...m.so[row], ...m.io[row]])],
        };
      case 'tag':
        return {
          key,
          label,
          values: [...m.dict.tags, MISSING],
          codes: (row) => (m.tags[row].length ? [...new Set(m.tags[row])] : [m.dict.tags.length]),
        };
      case 'host':
        return one(m.dict.host, m.host);
      case 'db':
        return one(m.dict.db, m.db);
      case 'type':
        return one(m.dict.stype, m.stype, true);
      case 'ingestion':
        return one(m.dict.itype, m.itype);
      case 'frequency':
        return one(m.dict.band, m.band);
      case 'status':
        return one(m.dict.status, m.status);
      case 'freshness':
        return one(m.dict.fresh, m.fresh);
      default:
        return { key, label, values: [], codes: () => [] };
    }
  }

  function render() {
    const q = state.q.trim();
    let rows;
    let hits = null;
    if (q) {
      index ??= buildIndex(m, descriptions ?? undefined);
      hits = new Map();
      rows = [];
      for (const h of search(index, m, q)) {
        hits.set(h.row, h);
        rows.push(h.row);
      }
    } else {
      rows = Array.from({ length: n }, (_, i) => i);
    }
    // Selected value codes per facet; a value the data does not know selects nothing.
    const selected = facets.map((f) => {
      const chosen = state.filters.get(f.key);
      if (!chosen || chosen.size === 0) return null;
      return new Set([...chosen].map((v) => f.values.indexOf(v)));
    });
    const counts = facets.map((f) => new Array(f.values.length).fill(0));
    const matching = [];
    const codes = new Array(facets.length);
    for (const row of rows) {
      let fails = 0;
      let failed = -1;
      for (let k = 0; k < facets.length; k++) {
        codes[k] = facets[k].codes(row);
        const sel = selected[k];
        if (sel && !codes[k].some((c) => sel.has(c))) {
          fails++;
          failed = k;
          if (fails > 1) break;
        }
      }
      if (fails === 0) {
        matching.push(row);
        for (let k = 0; k < facets.length; k++) for (const c of codes[k]) counts[k][c]++;
      } else if (fails === 1) {
        for (const c of codes[failed]) counts[failed][c]++;
      }
    }
    renderFacets(counts, selected);
    renderFilters();
    const total = matching.length;
    count.textContent =
      total === n ? `${n} ${n === 1 ? 'contract' : 'contracts'}` : `${total} of ${n} contracts`;
    list.replaceChildren(...matching.slice(0, shown).map((row) => resultItem(row, hits?.get(row))));
    more.replaceChildren();
    if (total > shown) {
      const button = el('button', { type: 'button', text: `Show ${Math.min(PAGE, total - shown)} more` });
      button.addEventListener('click', () => {
        shown += PAGE;
        render();
      });
      more.append(button);
    } else if (total === 0) {
      more.textContent = q
        ? `Nothing matches “${q}”. Check the spelling, or remove a filter.`
        : 'No contract matches these filters.';
    }
  }

  function renderFacets(counts, selected) {
    facets.forEach((f, k) => {
      const section = facetsEl.querySelector(`section[data-facet="${CSS.escape(f.key)}"]`);
      const order = f.values.map((_, c) => c).filter((c) => counts[k][c] > 0 || selected[k]?.has(c));
      order.sort((a, b) => counts[k][b] - counts[k][a] || (f.values[a] < f.values[b] ? -1 : 1));
      const item = (c) => {
        const box = el('input', {
          type: 'checkbox',
          'data-facet': f.key,
          'data-value': f.values[c],
          checked: selected[k]?.has(c) ?? false,
        });
        return el(
          'li',
          {},
          el(
            'label',
            {},
            box,
            ' ',
            el('span', { class: 'value', text: f.values[c] }),
            ' ',
            el('span', { class: 'count', text: String(counts[k][c]) }),
          ),
        );
      };
      const head = order.slice(0, 12).map(item);
      const parts = [el('h2', { text: f.label }), el('ul', {}, ...head)];
      if (order.length > 12) {
        // The long tail is built only while its list is open: typing stays fast on big catalogs.
        const open = openFacets.has(f.key);
        const details = el('details', { open }, el('summary', { text: `${order.length - 12} more` }));
        if (open) details.append(el('ul', {}, ...order.slice(12, 500).map(item)));
        details.addEventListener('toggle', () => {
          if (details.open === openFacets.has(f.key)) return;
          if (details.open) openFacets.add(f.key);
          else openFacets.delete(f.key);
          render();
        });
        parts.push(details);
      }
      section.replaceChildren(...parts);
    });
  }

  function renderFilters() {
    const chips = [];
    for (const [key, values] of state.filters) {
      for (const v of values) {
        const b = el('button', {
          type: 'button',
          class: 'chip',
          'aria-label': `remove filter ${key}: ${v}`,
          text: `${key}: ${v} ×`,
        });
        b.addEventListener('click', () => toggle(key, v, false));
        chips.push(b);
      }
    }
    filtersEl.replaceChildren(...chips);
  }

  function badge(kind, value, param) {
    const a = el('a', {
      class: `badge ${kind}-${value}`,
      href: `${root}index.html?${param}=${encodeURIComponent(value)}`,
      text: value,
    });
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      toggle(param, value, true);
    });
    return a;
  }

  function resultItem(row, hit) {
    const id = m.id[row];
    const h3 = el(
      'h3',
      {},
      el('a', { class: 'job', href: `${root}contracts/${encodeURIComponent(fileSlug(id))}.html`, text: id }),
      ' ',
    );
    h3.append(
      badge('status', m.dict.status[m.status[row]], 'status'),
      ' ',
      badge('fresh', m.dict.fresh[m.fresh[row]], 'freshness'),
    );
    const li = el('li', { class: 'result' }, h3);
    const d = descriptions?.[row];
    if (d) li.append(el('p', { class: 'desc', text: d }));
    const tables = m.tables[row];
    const meta = `${m.dict.host[m.host[row]]}/${m.dict.db[m.db[row]]} · ${m.dict.itype[m.itype[row]]}${tables.length ? ` · ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? '…' : ''}` : ''}`;
    li.append(el('p', { class: 'meta', text: meta }));
    if (hit) li.append(el('p', { class: 'matched', text: `matched: ${hit.fields.join(', ')}` }));
    return li;
  }

  function toggle(key, value, on) {
    const set = state.filters.get(key) ?? new Set();
    if (on) set.add(value);
    else set.delete(value);
    if (set.size) state.filters.set(key, set);
    else state.filters.delete(key);
    shown = PAGE;
    history.pushState(null, '', stateUrl(state));
    render();
  }

  facetsEl.addEventListener('change', (ev) => {
    const box = ev.target;
    if (box instanceof HTMLInputElement && box.dataset.facet)
      toggle(box.dataset.facet, box.dataset.value, box.checked);
  });
  // Pre-rendered facet links become toggles once the data is here.
  facetsEl.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('a[data-facet]') : null;
    if (a) {
      ev.preventDefault();
      toggle(a.dataset.facet, a.dataset.value, true);
    }
  });

  let timer;
  input.addEventListener('input', () => {
    state.q = input.value;
    shown = PAGE;
    render();
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(null, '', stateUrl(state)), 250);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = list.querySelector('a.job');
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    } else if (ev.key === 'Enter') {
      const first = list.querySelector('a.job');
      if (first && state.q.trim()) location.href = first.href;
    } else if (ev.key === 'Escape') {
      input.value = '';
      state.q = '';
      render();
      history.replaceState(null, '', stateUrl(state));
    }
  });
  list.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp' && ev.key !== 'Escape') return;
    const links = [...list.querySelectorAll('a.job')];
    const i = links.indexOf(document.activeElement);
    ev.preventDefault();
    if (ev.key === 'Escape' || (ev.key === 'ArrowUp' && i <= 0)) input.focus();
    else links[Math.min(links.length - 1, Math.max(0, i + (ev.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  });
  window.addEventListener('popstate', () => {
    state = readState();
    input.value = state.q;
    shown = PAGE;
    render();
  });

  render();
  body.dataset.ready = 'manifest';
  // Descriptions are not needed for the first result; they join search when they arrive.
  try {
    const text = await fetchJson('search/text.json');
    descriptions = text.d;
    index = null;
    render();
  } catch {
    // search still works on every other field
  }
  body.dataset.ready = 'all';
}
