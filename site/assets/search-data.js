// The search data of the home page before the whole manifest is here: search/meta.json (which
// the page preloads), the index files a query's words need and the row chunks of its first
// results. A module of its own, small and loaded `async` by every page: it runs as soon as it
// is here, so a query in the URL has its files on the way while the browser still parses and
// lays out the page and fetches app.js. app.js imports the same instance.
/* global URLSearchParams */
import { aheadMatch, rank, searchFiles } from './engine.js';

/** The first lines of a result page: drawn as soon as these are here, then the rest. */
export const FIRST_LINES = 10;

const metaLink = document.querySelector('link[rel="preload"][href*="search/meta.json"]');
/** The home page's search data; null on other pages. */
export const data = metaLink ? searchData(metaLink.href) : null;
const urlQuery = new URLSearchParams(location.search).get('q')?.trim();
if (data && urlQuery) data.first(urlQuery).catch(() => {}); // app.js tries again and says what failed

/**
 * Loads the search data a query needs before the whole manifest is here: `search/meta.json`
 * (at `metaHref`, as the page preloads it), then per query the files its words need (the
 * matches computed ahead for short words, else index shards) and the row chunks of its first
 * results. Each file is fetched once; a failed one is tried again when next needed.
 */
function searchData(metaHref) {
  const base = new URL(metaHref);
  const get = async (path) => {
    const res = await fetch(new URL(`../${path}${base.search}`, base));
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  const meta = fetch(base).then((res) => {
    if (!res.ok) throw new Error(`search/meta.json: HTTP ${res.status}`);
    return res.json();
  });
  const loaded = new Map();
  const once = (path, take) => {
    if (!loaded.has(path)) {
      const loading = get(path).then(take);
      loading.catch(() => loaded.delete(path));
      loaded.set(path, loading);
    }
    return loaded.get(path);
  };
  // What the shards and the files computed ahead have brought so far. The engine is given a
  // new index object after each load, so that its cache of word matches never outlives what
  // they were made of.
  const postings = new Map();
  const ahead = new Map();
  let partial = null;
  const partialIndex = (m) => {
    if (partial === null || partial.terms.length !== postings.size || partial.known !== ahead.size)
      partial = { terms: [...postings.keys()].sort(), postings, rows: m.rows, ahead, known: ahead.size };
    return partial;
  };
  /** Loads what a query needs: the matches computed ahead for its short words, else their index shards. */
  async function loadShards(q) {
    const m = await meta;
    const need = searchFiles(m.shards, m.ahead ?? [], q);
    await Promise.all([
      ...need.shards.map((i) =>
        once(`search/terms/${i}.json`, (terms) => {
          for (const [term, gaps] of Object.entries(terms)) {
            const list = new Array(gaps.length);
            let code = 0;
            for (let j = 0; j < gaps.length; j++) list[j] = code += gaps[j];
            postings.set(term, list);
          }
        }),
      ),
      ...need.ahead.map((i) =>
        once(`search/ahead/${i}.json`, (file) => ahead.set(m.ahead[i], aheadMatch(m.rows, file))),
      ),
    ]);
    partialIndex(m);
  }
  /** The result lines of some rows, from their row chunks. */
  async function linesOf(rows) {
    const m = await meta;
    return Promise.all(
      rows.map((row) =>
        once(`search/rows/${Math.floor(row / m.chunk)}.json`, (lines) => lines).then(
          (lines) => lines[row % m.chunk],
        ),
      ),
    );
  }
  return {
    meta,
    loadShards,
    linesOf,
    /** The index the loaded files make. */
    partial: () => partial,
    /** Fetches what the first results of a query need: its index files, then its first lines. */
    async first(q) {
      await loadShards(q);
      await linesOf(Array.from(rank(partial, q).rows.subarray(0, FIRST_LINES)));
    },
  };
}
