// The catalog in the browser: search as you type, facets with counts, state in the URL,
// keyboard navigation. Plain ES module, no framework. Contract data only ever reaches the
// page through textContent and attribute setters, never as HTML.
/* global HTMLElement, HTMLInputElement, Element, URLSearchParams, CSS, CustomEvent */
import { fieldsOf, fileSlug, indexSteps, oneEditApart, rank, shardOf, words } from './engine.js';
import { data, FIRST_LINES } from './search-data.js';

const MISSING = '(missing)';
const PAGE = 50;
/** Without a query, the bulk of the search data starts to load after this long. */
const QUIET_MS = 1500;
/** Background work (building the index, ranking one-letter queries ahead) runs in slices this long. */
const SLICE_MS = 8;
/**
 * Up to this many contracts the whole index is built at once (tens of ms): sooner than a
 * keystroke typed meanwhile could fetch the shards it needs.
 */
const AT_ONCE = 5000;
/** The one-letter queries ranked ahead, once the index is built: they match the most rows. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Recent queries whose ranking is kept (besides the letters): backspace and retyping are free. */
const RECENT = 12;

// The module runs `async`, as soon as it is here; the page must be parsed first.
if (document.readyState === 'loading')
  await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));

const body = document.body;
const root = body.dataset.root || '';
const build = body.dataset.build || '';
const input = /** @type {HTMLInputElement} */ (document.getElementById('q'));

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
else if (document.getElementById('drawn')) drawn(document.getElementById('drawn'));

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

  // Until the whole manifest is here, a query is answered from the index shards its words
  // need and the row chunks its first results need (search/meta.json, terms/, ahead/, rows/).
  let meta;
  try {
    meta = await data.meta;
  } catch (error) {
    count.textContent = `The search data could not be loaded (${error.message}); the list shows the first contracts.`;
    return;
  }
  pages = meta.pages;
  staleTitles = meta.titles ?? staleTitles;
  const initialList = [...list.childNodes];
  const initialCount = count.textContent;
  const initialMore = [...more.childNodes];
  const { loadShards, linesOf } = data;
  let seq = 0;
  let firstDrawn = () => {};

  let m = null;
  let descriptions = null;
  let index = null;
  let builtIndex = () => {};
  const indexBuilt = new Promise((resolve) => (builtIndex = resolve));
  let shown = PAGE;
  const openFacets = new Set();
  let n = meta.rows;
  let all = [];
  let facets = [];

  // While a query is being answered, background work waits (see `sliced`): the query's own
  // steps (its files arriving, ranking, drawing) come first.
  let answering = 0;
  let answered = null;
  let release = () => {};
  const busy = () => answered;

  /** Draws the current state; `typing` (a keystroke) lets the facets wait for an idle moment. */
  function render(typing = false) {
    if (answering++ === 0) answered = new Promise((resolve) => (release = resolve));
    void update(typing).finally(() => {
      if (--answering === 0) {
        answered = null;
        release();
      }
    });
  }

  /** Answers the current state: from the whole data once it is here, else from shards and chunks. */
  async function update(typing) {
    const my = ++seq;
    const q = state.q.trim();
    let hits = null;
    if (q) {
      if (!index) {
        try {
          // Whichever comes first: the files this query needs, or the whole index.
          await Promise.race([loadShards(q), indexBuilt]);
        } catch (error) {
          if (my === seq) count.textContent = `The search data could not be loaded (${error.message}).`;
          return;
        }
        if (my !== seq) return;
      }
      hits = index ? ranked(q) : rank(data.partial(), q);
    }
    if (m) return renderAll(hits, typing);
    if (state.filters.size) {
      count.textContent = 'Loading the filters…';
      return;
    }
    if (!hits) {
      count.textContent = initialCount;
      list.replaceChildren(...initialList);
      more.replaceChildren(...initialMore);
      return;
    }
    const total = hits.rows.length;
    const page = Array.from(hits.rows.subarray(0, shown));
    // The first few lines as soon as their chunks are here, then the rest of the page.
    for (const [from, to] of [
      [0, Math.min(page.length, FIRST_LINES)],
      [10, page.length],
    ]) {
      if (from >= to && from > 0) break;
      let lines;
      try {
        lines = await linesOf(page.slice(from, to));
      } catch (error) {
        if (my === seq) count.textContent = `The search data could not be loaded (${error.message}).`;
        return;
      }
      if (my !== seq) return;
      const items = lines.map((line, i) => resultLine(line, matchOf(hits, page[from + i]), null, q));
      if (from === 0) {
        count.textContent = countText(total, n);
        list.replaceChildren(...items);
        performance.mark('dcr-results'); // for `npm run bench -- site`
        firstDrawn();
        renderMore(total, q);
      } else list.append(...items);
    }
  }

  function renderMore(total, q) {
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

  /** The whole manifest: facets count over every row from now on. */
  async function loadAll() {
    try {
      m = await fetchJson('search/manifest.json');
    } catch (error) {
      count.textContent = `The filters could not be loaded (${error.message}); search still works.`;
      return;
    }
    n = m.id.length;
    all = Int32Array.from({ length: n }, (_, i) => i);
    facets = facetDefs.map(([key, label]) => facetColumn(m, key, label));
    render();
    body.dataset.ready = 'manifest';
    // Descriptions are not needed for the first result; they join search when they arrive.
    try {
      const text = await fetchJson('search/text.json');
      descriptions = text.d;
      lines.clear();
      render();
    } catch {
      // search still works on every other field
    }
    // The whole index, for typos in a word's first letters, once the reader has the page:
    // built in slices that let every keystroke through (answered from the shards meanwhile),
    // then the one-letter queries ranked ahead, the costliest to rank at typing time.
    body.dataset.ready = 'indexing';
    const slice = n <= AT_ONCE ? Infinity : SLICE_MS;
    index = await sliced(indexSteps(m, descriptions ?? undefined), busy, slice);
    builtIndex();
    body.dataset.ready = 'ranking';
    render();
    await sliced(rankAhead(), busy, SLICE_MS);
    body.dataset.ready = 'all';
  }

  // Rankings of the whole index by query (rows best first, and what matched), with their facet
  // counts once counted without filters: those ranked ahead for good, RECENT others.
  const rankings = new Map();
  const kept = new Set();
  function ranked(query) {
    const q = query.toLowerCase(); // as the engine reads it
    let hits = rankings.get(q);
    if (hits) {
      if (!kept.has(q)) {
        rankings.delete(q); // most recent last
        rankings.set(q, hits);
      }
      return hits;
    }
    const { rows, mask } = rank(index, q);
    hits = { rows, mask, counts: null };
    if (rankings.size >= kept.size + RECENT)
      for (const key of rankings.keys())
        if (!kept.has(key)) {
          rankings.delete(key);
          break;
        }
    rankings.set(q, hits);
    return hits;
  }

  /**
   * Ranks ahead, for good, the one-letter queries and the two-letter starts of words that
   * reach more than half the rows (`co` of `example.com`): these match the most rows, and cost
   * the most to rank as they are typed.
   */
  function* rankAhead() {
    const ahead = (q) => {
      kept.add(q);
      const hits = ranked(q);
      hits.counts ??= countAll(hits.rows);
    };
    for (const letter of LETTERS) {
      yield;
      ahead(letter);
    }
    const reach = new Map();
    const { terms, postings, rows } = index;
    for (let i = 0; i < terms.length; i++) {
      if (i % 5000 === 0) yield;
      const term = terms[i];
      if (term.length < 2 || !/^[\p{L}\p{N}]{2}/u.test(term)) continue;
      const start = term.slice(0, 2);
      reach.set(start, (reach.get(start) ?? 0) + postings.get(term).length);
    }
    for (const [start, codes] of reach)
      if (codes > rows / 2) {
        yield;
        ahead(start);
      }
  }

  // Per facet: the value names and, for every row, its value codes packed in typed arrays
  // (row r's codes are vals[start[r]] … vals[start[r + 1] - 1]): counting allocates nothing.
  function packed(key, label, values, codesOf) {
    const start = new Int32Array(n + 1);
    const vals = [];
    for (let row = 0; row < n; row++) {
      for (const c of codesOf(row)) vals.push(c);
      start[row + 1] = vals.length;
    }
    // One value on every row: row r's code is vals[r].
    const single = start.every((at, row) => at === row);
    return { key, label, values, start, vals: Int32Array.from(vals), single };
  }

  function facetColumn(m, key, label) {
    const one = (names, col, missing) =>
      packed(key, label, missing ? [...names, MISSING] : names, (row) => [
        col[row] < 0 ? names.length : col[row],
      ]);
    switch (key) {
      case 'owner':
        return packed(key, label, m.dict.people, (row) => new Set([...m.so[row], ...m.io[row]]));
      case 'tag':
        return packed(key, label, [...m.dict.tags, MISSING], (row) =>
          m.tags[row].length ? new Set(m.tags[row]) : [m.dict.tags.length],
        );
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
        return packed(key, label, [], () => []);
    }
  }

  /** Facet counts over these rows, no filter chosen: facet by facet, in tight loops. */
  function countAll(rows) {
    const counts = facets.map((f) => new Int32Array(f.values.length));
    for (let k = 0; k < facets.length; k++) {
      const { start, vals, single } = facets[k];
      const count = counts[k];
      if (single) for (let i = 0; i < rows.length; i++) count[vals[rows[i]]]++;
      else
        for (let i = 0; i < rows.length; i++)
          for (let j = start[rows[i]]; j < start[rows[i] + 1]; j++) count[vals[j]]++;
    }
    return counts;
  }

  let allCounts = null;
  // Result lines below the first screen, and after a keystroke the facet counts, are drawn when
  // the browser is idle (a new keystroke cancels them): the first screen of results is all a
  // keystroke waits for. A line is about 5.5rem high.
  let later = 0;
  const firstScreen = () => Math.max(6, Math.ceil(window.innerHeight / 88) + 1);

  function renderAll(hits, typing = false) {
    const q = state.q.trim();
    const rows = hits ? hits.rows : all;
    // Selected values per facet (1 = chosen); a value the data does not know selects nothing.
    const selected = facets.map((f) => {
      const chosen = state.filters.get(f.key);
      if (!chosen || chosen.size === 0) return null;
      const sel = new Uint8Array(f.values.length);
      for (const v of chosen) {
        const c = f.values.indexOf(v);
        if (c >= 0) sel[c] = 1;
      }
      return sel;
    });
    let counts;
    const has = (f, sel, row) => {
      for (let j = f.start[row]; j < f.start[row + 1]; j++) if (sel[f.vals[j]]) return true;
      return false;
    };
    const add = (f, count, row) => {
      for (let j = f.start[row]; j < f.start[row + 1]; j++) count[f.vals[j]]++;
    };
    // The rows that pass every filter, in order. A facet's own counts ignore its own filter,
    // so a row failing only that facet still counts there.
    let passing = rows;
    const K = facets.length;
    if (selected.every((sel) => !sel)) {
      // No filter (as while typing): every row counts; kept with a ranking kept for later.
      if (hits) counts = hits.counts ??= countAll(rows);
      else counts = allCounts ??= countAll(rows);
    } else {
      counts = facets.map((f) => new Int32Array(f.values.length));
      const out = [];
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        let fails = 0;
        let failed = -1;
        for (let k = 0; k < K; k++) {
          const sel = selected[k];
          if (sel && !has(facets[k], sel, row)) {
            fails++;
            failed = k;
            if (fails > 1) break;
          }
        }
        if (fails === 0) {
          out.push(row);
          for (let k = 0; k < K; k++) add(facets[k], counts[k], row);
        } else if (fails === 1) {
          add(facets[failed], counts[failed], row);
        }
      }
      passing = Int32Array.from(out);
    }
    cancelIdle(later);
    if (!typing) renderFacets(counts, selected);
    renderFilters();
    // The list as shown, for "Download this list" (export.js); the ids only when asked for.
    document.dispatchEvent(
      new CustomEvent('dcr:results', {
        detail: {
          ids: () => Array.from(passing, (row) => m.id[row]),
          page: (id) => new URL(contractHref(id), location.href).href,
          q,
          filters: state.filters,
        },
      }),
    );
    const total = passing.length;
    count.textContent = countText(total, n);
    const upTo = Math.min(total, shown);
    const first = Math.min(upTo, firstScreen());
    const line = (row) => shownLine(row, matchOf(hits, row), q);
    show(list, Array.from(passing.subarray(0, first), line));
    if (first < upTo || typing)
      later = idle(
        () => {
          if (first < upTo) list.append(...Array.from(passing.subarray(first, upTo), line));
          if (typing) renderFacets(counts, selected);
        },
        { timeout: 200 },
      );
    if (hits) performance.mark('dcr-results');
    renderMore(total, q);
  }

  // Facet lists keep their elements from keystroke to keystroke: a value's line is made once,
  // then only its count, its box and the order change.
  const facetViews = new Map();

  function facetView(f, section) {
    let view = facetViews.get(f.key);
    if (view) return view;
    const summary = el('summary');
    const details = el('details', { open: openFacets.has(f.key) }, summary);
    const tail = el('ul');
    details.append(tail);
    details.addEventListener('toggle', () => {
      if (details.open === openFacets.has(f.key)) return;
      if (details.open) openFacets.add(f.key);
      else openFacets.delete(f.key);
      render();
    });
    view = { head: el('ul'), details, summary, tail, items: new Map() };
    section.replaceChildren(el('h2', { text: f.label }), view.head);
    facetViews.set(f.key, view);
    return view;
  }

  // Result lines, kept by row while the data stays the same: typing on, most lines are shown again.
  const lines = new Map();
  function shownLine(row, hit, q) {
    let line = lines.get(row);
    if (!line) {
      if (lines.size >= 2000) lines.clear();
      const data = manifestLine(m, descriptions, row);
      line = { data, li: lineBase(data, toggle), key: '' };
      lines.set(row, line);
    }
    // What matched changes with the query only where an owner matched (the line names them).
    const key = hit ? `${hit.fields.join()}\n${hit.fields.includes('owner') ? q : ''}` : '';
    if (line.key !== key) {
      line.li.querySelector(':scope > .matched')?.remove();
      if (hit) line.li.append(matchedLine(line.data, hit, q));
      line.key = key;
    }
    return line.li;
  }

  function renderFacets(counts, selected) {
    facets.forEach((f, k) => {
      const section = facetsEl.querySelector(`section[data-facet="${CSS.escape(f.key)}"]`);
      const view = facetView(f, section);
      const order = [];
      for (let c = 0; c < f.values.length; c++) if (counts[k][c] > 0 || selected[k]?.[c]) order.push(c);
      order.sort((a, b) => counts[k][b] - counts[k][a] || (f.values[a] < f.values[b] ? -1 : 1));
      const item = (c) => {
        let it = view.items.get(c);
        if (!it) {
          const box = el('input', { type: 'checkbox', 'data-facet': f.key, 'data-value': f.values[c] });
          const count = el('span', { class: 'count' });
          const li = el(
            'li',
            {},
            el('label', {}, box, ' ', el('span', { class: 'value' }, ...breakable(f.values[c])), ' ', count),
          );
          it = { li, box, count };
          view.items.set(c, it);
        }
        const text = String(counts[k][c]);
        if (it.count.textContent !== text) it.count.textContent = text;
        it.box.checked = selected[k]?.[c] === 1;
        return it.li;
      };
      show(view.head, order.slice(0, 12).map(item));
      if (order.length > 12) {
        // The long tail is built only while its list is open: typing stays fast on big catalogs.
        view.summary.textContent = `${order.length - 12} more`;
        show(view.tail, view.details.open ? order.slice(12, 500).map(item) : []);
        if (!view.details.isConnected) section.append(view.details);
      } else if (view.details.isConnected) view.details.remove();
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
    render(true);
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

  body.dataset.ready = 'shards';
  // A query in the URL gets its first results before the bulk of the data starts to load;
  // without one, the bulk waits for a first query's results or a quiet moment, so that a
  // first keystroke does not share a slow link with megabytes it does not need.
  if (state.q.trim() && !state.filters.size) await update();
  else if (!state.filters.size)
    await new Promise((resolve) => {
      firstDrawn = resolve;
      setTimeout(resolve, QUIET_MS);
    });
  await loadAll();
}

/**
 * Runs generator steps in slices of `slice` ms, yielding to input and rendering between
 * slices, and waiting while `busy()` gives a promise (a query being answered).
 */
async function sliced(steps, busy, slice) {
  // A page may set a shorter slice before app.js runs: the browser tests use 0 (one step a slice).
  const length = globalThis.dcrSliceMs ?? slice;
  for (;;) {
    for (let wait = busy(); wait; wait = busy()) await wait;
    const end = performance.now() + length;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < end);
    await pause();
  }
}

/** When the browser is idle (soon after, where it cannot tell). */
const idle = globalThis.requestIdleCallback ?? ((run) => setTimeout(run, 50));
const cancelIdle = globalThis.cancelIdleCallback ?? clearTimeout;

/** A new task after every pending one: background priority where the browser has it. */
const pause = () =>
  globalThis.scheduler?.postTask
    ? globalThis.scheduler.postTask(() => {}, { priority: 'background' })
    : new Promise((resolve) => setTimeout(resolve, 0));

/** How many contracts a list shows: `12 of 300 contracts`, or `300 contracts` for all. */
const countText = (total, n) =>
  total === n ? `${n} ${n === 1 ? 'contract' : 'contracts'}` : `${total} of ${n} contracts`;

/** What a result line says matched, from a ranking (`rank` in engine.js); none without a query. */
const matchOf = (ranked, row) => (ranked ? { fields: fieldsOf(ranked.mask[row]) } : undefined);

/** A status or freshness badge: a link to the list filtered by it (a toggle on the home page). */
function badge(kind, value, param, toggle) {
  const a = el('a', {
    class: `badge ${kind}-${value}`,
    href: `${root}index.html?${param}=${encodeURIComponent(value)}`,
    text: value,
  });
  if (toggle)
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      toggle(param, value, true);
    });
  return a;
}

/**
 * Stale badge titles from the search data (`titles` of search/meta.json and the manifest),
 * `{days}` for the days: a dcr contract's, an ODCS file's. The build words them as
 * `dcr stale` does (src/site/messages.ts).
 */
let staleTitles = [];

/**
 * The freshness badge; a stale one says for how many days, as the build writes it (parts.ts).
 * `days`: whole days since the last update, counted by the build as `dcr stale` counts them
 * (-1 when unknown); `odcs`: the contract is an ODCS file.
 */
function freshBadge(value, days, odcs, toggle) {
  const a = badge('fresh', value, 'freshness', toggle);
  if (value === 'stale' && days >= 0) {
    a.textContent = `stale: ${days} ${days === 1 ? 'day' : 'days'}`;
    const title = staleTitles[odcs ? 1 : 0];
    if (title) a.title = title.replace('{days}', String(days));
  }
  return a;
}

/** Whether a manifest row's contract is an ODCS file. */
const odcsRows = new WeakMap();
const isOdcsRow = (m, row) => {
  if (!odcsRows.has(m)) odcsRows.set(m, new Set(m.odcs ?? []));
  return odcsRows.get(m).has(row);
};

const contractHref = (id) => `${root}contracts/${encodeURIComponent(fileSlug(id))}.html`;

/** Person and table pages: `static` (a file each) or `client` (drawn from the data); see search/meta.json. */
let pages = 'client';

/** A result line's data from the manifest, in the shape of a row chunk's line (src/site/search/shards.ts RowLine). */
function manifestLine(m, descriptions, row) {
  const owners = [...new Set([...m.so[row], ...m.io[row]])].map((p) => m.dict.people[p]);
  return [
    m.id[row],
    m.dict.status[m.status[row]],
    m.dict.fresh[m.fresh[row]],
    m.dict.host[m.host[row]],
    m.dict.db[m.db[row]],
    m.dict.itype[m.itype[row]],
    m.tables[row],
    descriptions?.[row] ?? null,
    owners,
    m.age[row],
    isOdcsRow(m, row) ? 1 : 0,
  ];
}

/** The owners of a line that a query's words matched (by prefix or with one typo). */
function matchedPeople(owners, q) {
  const qWords = words(q);
  return owners.filter((p) => {
    const pWords = words(p);
    return qWords.some((w) =>
      pWords.some((pw) => pw.startsWith(w) || (w.length >= 4 && oneEditApart(w, pw))),
    );
  });
}

/** One line of a result list, as the build renders it (src/site/pages/parts.ts resultItem). */
function resultLine(line, hit, toggle, q) {
  const li = lineBase(line, toggle);
  if (hit) li.append(matchedLine(line, hit, q));
  return li;
}

/** A result line without what matched: the same for every query. */
function lineBase(line, toggle) {
  const [id, status, fresh, host, db, itype, tables, d, , age, odcs] = line;
  const h3 = el('h3', {}, el('a', { class: 'job', href: contractHref(id), text: id }), ' ');
  h3.append(badge('status', status, 'status', toggle), ' ', freshBadge(fresh, age, odcs === 1, toggle));
  const li = el('li', { class: 'result' }, h3);
  if (d) li.append(el('p', { class: 'desc', text: d }));
  const meta = `${host}/${db} · ${itype}${tables.length ? ` · ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? '…' : ''}` : ''}`;
  li.append(el('p', { class: 'meta', text: meta }));
  return li;
}

/** Which fields of a result line a query matched. */
function matchedLine(line, hit, q) {
  const matched = el('p', { class: 'matched', text: `matched: ${hit.fields.join(', ')}` });
  // A person match links to the person's page: "who is alice?" is answered there.
  const people = hit.fields.includes('owner') ? matchedPeople(line[8], q) : [];
  if (people.length)
    matched.append(
      ' (',
      ...people.flatMap((p, i) => [...(i ? [', '] : []), el('a', { href: personHref(p), text: p })]),
      ')',
    );
  return matched;
}

/** Puts these children in a list, unless they are already there in this order. */
function show(list, items) {
  const now = list.children;
  if (now.length === items.length && items.every((item, i) => now[i] === item)) return;
  list.replaceChildren(...items);
}

/** Text that may wrap after each `@` and `.` (e-mail addresses, host names), not inside a word. */
function breakable(text) {
  const out = [];
  text.split(/(?=[@.])/).forEach((part, i) => out.push(...(i ? [document.createElement('wbr')] : []), part));
  return out;
}

const personHref = (email) =>
  pages === 'static'
    ? `${root}people/${encodeURIComponent(fileSlug(email.toLowerCase()))}.html`
    : `${root}people/index.html?email=${encodeURIComponent(email.toLowerCase())}`;

const looksLikeEmail = (text) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

/** An owner: a link to their page, and a mailto link when it is an address. */
function personLink(email) {
  const span = el('span', { class: 'person' }, el('a', { href: personHref(email) }, ...breakable(email)));
  if (looksLikeEmail(email))
    span.append(
      ' ',
      el('a', { class: 'mail', href: `mailto:${email}`, 'aria-label': `email ${email}`, text: '✉' }),
    );
  return span;
}

const peopleLinks = (names) => {
  const out = [];
  names.forEach((p, i) => out.push(...(i ? [', '] : []), personLink(p)));
  return out;
};

/**
 * The person or table page of a large catalog, drawn from the manifest (and the table's
 * shard): the build writes one such page instead of a file per person and per table.
 */
async function drawn(article) {
  const kind = article.dataset.kind;
  const params = new URLSearchParams(location.search);
  const name = (kind === 'person' ? params.get('email')?.toLowerCase() : params.get('name')) ?? '';
  const status = document.getElementById('drawn-status');
  const h1 = article.querySelector('h1');
  const site = document.querySelector('.brand')?.textContent ?? '';
  try {
    const m = await fetchJson('search/manifest.json');
    staleTitles = m.titles ?? staleTitles;
    if (kind === 'person') {
      h1.textContent = name;
      document.title = `${name} · ${site}`;
      const code = m.dict.people.indexOf(name);
      const source = [];
      const ingestion = [];
      if (code >= 0)
        for (let row = 0; row < m.id.length; row++) {
          if (m.so[row].includes(code)) source.push(row);
          if (m.io[row].includes(code)) ingestion.push(row);
        }
      if (code < 0) {
        status.textContent = 'No contract names this person.';
        return;
      }
      const text = await fetchJson('search/text.json').catch(() => ({ d: null }));
      const links = el('p', {});
      if (looksLikeEmail(name))
        links.append(el('a', { href: `mailto:${name}`, text: 'Send an email' }), ' · ');
      links.append(
        el('a', {
          href: `${root}index.html?owner=${encodeURIComponent(name)}`,
          text: 'search with this owner',
        }),
      );
      const section = (id, heading, rows) =>
        el(
          'section',
          { 'aria-labelledby': id },
          el('h2', { id, text: heading(rows.length) }),
          rows.length
            ? el('ol', { class: 'results' }, ...rows.map((row) => resultLine(manifestLine(m, text.d, row))))
            : el('p', { text: 'None.' }),
        );
      const contracts = (k) => `${k} ${k === 1 ? 'contract' : 'contracts'}`;
      status.replaceWith(
        links,
        section('owns', (k) => `Owns the source of ${contracts(k)}`, source),
        section('ingests', (k) => `Ingests ${contracts(k)}`, ingestion),
      );
    } else {
      h1.replaceChildren('Table ', el('code', { text: name }));
      document.title = `Table ${name} · ${site}`;
      const shard = await fetchJson(`tables/${shardOf(name, Number(article.dataset.shards))}.json`);
      const entry = Object.hasOwn(shard, name) ? shard[name] : null;
      if (!entry) {
        status.textContent = 'No contract lists this table.';
        return;
      }
      const names = entry.n;
      const intro = el('p', {}, 'Listed as ');
      names.forEach((t, i) => intro.append(...(i ? [', '] : []), el('code', { text: t })));
      const k = entry.r.length;
      intro.append(
        ` by ${k} ${k === 1 ? 'contract' : 'contracts'}. Before you change or drop it, talk to the owners below.`,
      );
      const people = m.dict.people;
      const rows = entry.r.map((row) =>
        el(
          'tr',
          {},
          el(
            'td',
            {},
            el('a', { href: contractHref(m.id[row]), text: m.id[row] }),
            ' ',
            badge('status', m.dict.status[m.status[row]], 'status'),
            ' ',
            freshBadge(m.dict.fresh[m.fresh[row]], m.age[row], isOdcsRow(m, row)),
          ),
          el(
            'td',
            {},
            ...m.tables[row]
              .filter((t) => names.includes(t))
              .flatMap((t, i) => [...(i ? [', '] : []), el('code', { text: t })]),
          ),
          el('td', {}, ...peopleLinks(m.so[row].map((p) => people[p]))),
          el('td', {}, ...peopleLinks(m.io[row].map((p) => people[p]))),
        ),
      );
      const head = el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Contract', 'As', 'Source owner', 'Ingestion owner'].map((t) =>
            el('th', { scope: 'col', text: t }),
          ),
        ),
      );
      status.replaceWith(
        intro,
        el(
          'table',
          { class: 'who' },
          el('caption', { class: 'visually-hidden', text: `Contracts reading ${name}` }),
          head,
          el('tbody', {}, ...rows),
        ),
      );
    }
  } catch (error) {
    status.textContent = `The catalog data could not be loaded (${error.message}).`;
  } finally {
    body.dataset.ready = 'all';
  }
}
