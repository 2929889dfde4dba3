/**
 * The catalog's search engine. It has no imports on purpose: the site build copies the
 * compiled file to `assets/engine.js`, so the browser and `dcr serve` run the same code.
 *
 * Input is the manifest (one column per field, dictionary-encoded, built at site-build
 * time); the inverted index over its terms is built on first use (tens of ms at 10k rows).
 */

/** Column-per-field description of every contract: `search/manifest.json`. */
export interface Manifest {
  v: 1;
  /** Job ids, sorted; a row number is an index into every column. */
  id: string[];
  /** Value dictionaries, referenced by index from the columns below. */
  dict: {
    host: string[];
    db: string[];
    stype: string[];
    itype: string[];
    status: string[];
    band: string[];
    fresh: string[];
    people: string[];
    tags: string[];
  };
  host: number[];
  db: number[];
  /** -1 when the contract gives no source type. */
  stype: number[];
  itype: number[];
  status: number[];
  band: number[];
  fresh: number[];
  /** Source owners and ingestion owners: indexes into dict.people. */
  so: number[][];
  io: number[][];
  tags: number[][];
  tables: string[][];
  /** Last update as days since 1970-01-01, or -1 when unknown. */
  upd: number[];
}

/** Searchable fields, in the order of their numeric codes. */
export const FIELDS = ['job id', 'table', 'tag', 'owner', 'host', 'database', 'description'] as const;
const WEIGHT = [10, 8, 5, 5, 4, 4, 2];
const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;

export interface SearchIndex {
  /** Sorted unique terms. */
  terms: string[];
  /** Postings per term: row * 8 + field code. */
  postings: Map<string, number[]>;
  rows: number;
}

export interface Hit {
  row: number;
  score: number;
  /** Names of the fields that matched (from FIELDS). */
  fields: string[];
}

/** Lower-cased words of a value: letters and digits, split on anything else (`.`, `_`, `@`). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Builds the inverted index over every field (descriptions when given). */
export function buildIndex(m: Manifest, descriptions?: readonly (string | null)[]): SearchIndex {
  const postings = new Map<string, number[]>();
  const add = (term: string, row: number, field: number) => {
    const code = row * 8 + field;
    const list = postings.get(term);
    if (list === undefined) postings.set(term, [code]);
    else if (list[list.length - 1] !== code) list.push(code);
  };
  // Whole values are terms too, so `orders_post` and `public.ord` match by prefix.
  const value = (text: string, row: number, field: number) => {
    const lower = text.toLowerCase();
    add(lower, row, field);
    for (const w of words(lower)) if (w !== lower) add(w, row, field);
  };
  const hosts = m.dict.host;
  const dbs = m.dict.db;
  const people = m.dict.people;
  const tags = m.dict.tags;
  for (let row = 0; row < m.id.length; row++) {
    value(m.id[row]!, row, 0);
    for (const t of m.tables[row]!) value(t, row, 1);
    for (const t of m.tags[row]!) value(tags[t]!, row, 2);
    for (const p of m.so[row]!) value(people[p]!, row, 3);
    for (const p of m.io[row]!) value(people[p]!, row, 3);
    value(hosts[m.host[row]!]!, row, 4);
    value(dbs[m.db[row]!]!, row, 5);
    const d = descriptions?.[row];
    if (d) for (const w of words(d)) add(w, row, 6);
  }
  const terms = [...postings.keys()].sort();
  return { terms, postings, rows: m.id.length };
}

/** True when a and b differ by one insertion, deletion, substitution or adjacent swap. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Row -> [score, field mask] for one query word: prefix matches, else typo matches. */
function matchWord(index: SearchIndex, word: string): Map<number, [number, number]> {
  const found = new Map<number, [number, number]>();
  const take = (term: string, kind: number) => {
    for (const code of index.postings.get(term)!) {
      const row = Math.floor(code / 8);
      const field = code % 8;
      const score = WEIGHT[field]! * kind;
      const prev = found.get(row);
      if (prev === undefined) found.set(row, [score, 1 << field]);
      else {
        if (score > prev[0]) prev[0] = score;
        prev[1] |= 1 << field;
      }
    }
  };
  const { terms } = index;
  for (let i = lowerBound(terms, word); i < terms.length && terms[i]!.startsWith(word); i++) {
    take(terms[i]!, terms[i] === word ? EXACT : PREFIX);
  }
  // One typo is forgiven in words long enough for a typo to be a typo, not another word.
  if (word.length >= 4) {
    for (const term of terms) {
      if (term.length >= word.length - 1 && term.length <= word.length + 1 && oneEditApart(word, term))
        take(term, TYPO);
    }
  }
  return found;
}

/**
 * Every row matching all words of the query, best first: exact job-id matches, then exact
 * table matches, then by field weight and match kind (exact, prefix, typo), then job id.
 */
export function search(index: SearchIndex, m: Manifest, query: string): Hit[] {
  const q = query.trim().toLowerCase();
  const qWords = [...new Set(q.split(/\s+/).filter((w) => w.length > 0))];
  if (qWords.length === 0) return [];
  const perWord = qWords.map((w) => matchWord(index, w)).sort((a, b) => a.size - b.size);
  const hits: Hit[] = [];
  for (const [row, [score0, mask0]] of perWord[0]!) {
    let score = score0;
    let mask = mask0;
    let all = true;
    for (let k = 1; k < perWord.length; k++) {
      const other = perWord[k]!.get(row);
      if (other === undefined) {
        all = false;
        break;
      }
      score += other[0];
      mask |= other[1];
    }
    if (!all) continue;
    if (m.id[row]!.toLowerCase() === q) score += 1000;
    else if (m.tables[row]!.some((t) => exactTable(t, q))) score += 500;
    hits.push({ row, score, fields: FIELDS.filter((_, f) => (mask & (1 << f)) !== 0) });
  }
  hits.sort((a, b) => b.score - a.score || a.row - b.row);
  return hits;
}

/** A query names a table when it equals the whole name or its last part (`orders` for `public.orders`). */
function exactTable(table: string, q: string): boolean {
  const t = table.toLowerCase();
  if (t === q) return true;
  const dot = t.lastIndexOf('.');
  return dot >= 0 && t.slice(dot + 1).replace(/^["`[]|["`\]]$/g, '') === q;
}

/**
 * A file name for any text (an email, a table name with quotes or dots): lower-case letters,
 * digits, `_ - . @` are kept, everything else (and upper case, so case-insensitive file
 * systems cannot merge two names) becomes `~hex~`. A leading dot is encoded too, so no page
 * is a dotfile and `..` cannot be a name. Here so that the browser links exactly as the build names.
 */
export function fileSlug(text: string): string {
  let out = '';
  for (const ch of text) {
    const keep = /[a-z0-9_@-]/.test(ch) || (ch === '.' && out !== '');
    out += keep ? ch : `~${ch.codePointAt(0)!.toString(16)}~`;
  }
  return out === '' ? '~' : out;
}

/** Which of `shards` files holds a key (FNV-1a over UTF-16 units): the build and the browser agree. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, shards);
}
