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
  /** Whole days since the last update at the build's clock (as `dcr stale` counts them), or -1 when unknown. */
  age: number[];
  /** The rows whose contract is an ODCS file (`*.odcs.yaml`), in order. */
  odcs: number[];
  /** Stale badge titles, `{days}` for the days: a dcr contract's, an ODCS file's (owners mark them reviewed differently). */
  titles: [string, string];
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
  /**
   * Matches computed ahead, by the build (`search/prefix/<n>.json`): per query word, its
   * WordMatch; per NAME + a one-part name query, its name bonus per row. A browser that has
   * these for a short word need not fetch every shard the word's prefix reaches.
   */
  ahead?: Map<string, WordMatch | Int32Array>;
}

export interface Hit {
  row: number;
  score: number;
  /** Names of the fields that matched (from FIELDS). */
  fields: string[];
}

/**
 * Lower-cased words of a value or of a query: letters and digits, split on anything else
 * (`.`, `_`, `@`, quotes, brackets, spaces). The build and the browser split with this one
 * function, so `refund_reconcil`, `finance.refund_reconciliation` and `refund reconcil` all
 * become words that indexed table names hold.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Marks a name term (a whole job id or table name) apart from word terms. */
export const NAME = '\u0001';

/**
 * The parts of a name as typed in SQL: quotes and brackets dropped, lower case, split on
 * dots (`"Finance".[Refund]` → `finance`, `refund`). A query's last part may be empty
 * (`finance.` while typing); a value's empty parts are dropped.
 */
export function nameParts(text: string): string[] {
  return text
    .trim()
    .toLowerCase()
    .replace(/["`[\]]/g, '')
    .split('.')
    .map((p) => p.trim());
}

/**
 * The name term of a table (`NAME bare NAME full`): filed under its bare name, so that a
 * bare, a schema-qualified and a database-qualified query all find it; a two-part name is
 * stored with the contract's database in front, so `db.schema.table` finds it too.
 */
export function tableNameTerm(table: string, db: string): string | undefined {
  const parts = nameParts(table).filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  if (parts.length === 2 && db) parts.unshift(...nameParts(db).filter((p) => p.length > 0));
  return `${NAME}${parts[parts.length - 1]}${NAME}${parts.join('.')}`;
}

/** The name term of a job id: the whole id, one part. */
export const jobNameTerm = (id: string) => `${NAME}${id.toLowerCase()}${NAME}${id.toLowerCase()}`;

/** Every term of one row, with its field code: what the index and the shard files hold. */
export function rowTerms(
  m: Manifest,
  row: number,
  description: string | null | undefined,
  add: (term: string, field: number) => void,
): void {
  const value = (text: string, field: number) => {
    for (const w of words(text)) add(w, field);
  };
  const id = m.id[row]!;
  add(jobNameTerm(id), 0);
  value(id, 0);
  const db = m.dict.db[m.db[row]!]!;
  for (const t of m.tables[row]!) {
    const name = tableNameTerm(t, db);
    if (name !== undefined) add(name, 1);
    value(t, 1);
  }
  for (const t of m.tags[row]!) value(m.dict.tags[t]!, 2);
  for (const p of m.so[row]!) value(m.dict.people[p]!, 3);
  for (const p of m.io[row]!) value(m.dict.people[p]!, 3);
  value(m.dict.host[m.host[row]!]!, 4);
  value(db, 5);
  if (description) value(description, 6);
}

/** Builds the inverted index over every field (descriptions when given). */
export function buildIndex(m: Manifest, descriptions?: readonly (string | null)[]): SearchIndex {
  return finish(indexSteps(m, descriptions, false));
}

/** Runs steps to their end, at once. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Rows, or terms, or comparisons of the sort, between two pauses of the steps below. */
const STEP = 2000;

/**
 * The index as `buildIndex` makes it, in small steps: the generator pauses (yields) every
 * few thousand rows or terms, so that a browser can answer a keystroke between two steps
 * (at 100,000 contracts the whole takes seconds). `prepare` is done as steps too.
 */
export function* indexSteps(
  m: Manifest,
  descriptions?: readonly (string | null)[],
  /** False where nothing waits for input (the build, the server): one native sort is faster. */
  pausing = true,
): Generator<void, SearchIndex> {
  const postings = new Map<string, number[]>();
  for (let from = 0; from < m.id.length; from += STEP) {
    addRows(m, descriptions, postings, from, Math.min(m.id.length, from + STEP));
    yield;
  }
  const terms = pausing ? yield* sortSteps([...postings.keys()]) : [...postings.keys()].sort();
  const index = { terms, postings, rows: m.id.length };
  yield* prepareSteps(index);
  return index;
}

/** Adds the terms of rows from … to - 1 to the postings. */
function addRows(
  m: Manifest,
  descriptions: readonly (string | null)[] | undefined,
  postings: Map<string, number[]>,
  from: number,
  to: number,
): void {
  let code = 0;
  const add = (term: string, field: number) => {
    const c = code + field;
    const list = postings.get(term);
    if (list === undefined) postings.set(term, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  for (let row = from; row < to; row++) {
    code = row * 8;
    rowTerms(m, row, descriptions?.[row], add);
  }
}

/**
 * Strings sorted as `Array.prototype.sort` sorts them (UTF-16 order), in steps: runs of a few
 * thousand sorted at once, then merged pairwise, pausing every few thousand strings.
 */
function* sortSteps(items: string[]): Generator<void, string[]> {
  const RUN = STEP * 8;
  let runs: string[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort());
    yield;
  }
  while (runs.length > 1) {
    const next: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (b === undefined) {
        next.push(a);
        continue;
      }
      const out = new Array<string>(a.length + b.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < out.length; k++) {
        out[k] = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
        if (k % (STEP * 4) === 0) yield;
      }
      next.push(out);
    }
    runs = next;
  }
  return runs[0] ?? [];
}

/**
 * The index shards (by number, from `search/meta.json`'s keys) that hold every term a query
 * can match: for each word, the word shards its prefix reaches; for its last name part, the
 * name shards. Words are filed by themselves, names by NAME and their bare name.
 */
export function shardsFor(keys: readonly string[], query: string): number[] {
  return searchFiles(keys, [], query).shards;
}

/**
 * The files a query needs: for each word, its matches computed ahead (a number into `ahead`,
 * sorted, from `search/meta.json`) or else the shards its prefix reaches; the same for the
 * last name part (ahead only when the query is a one-part name).
 */
export function searchFiles(
  keys: readonly string[],
  ahead: readonly string[],
  query: string,
): { shards: number[]; ahead: number[] } {
  const wanted: [string, boolean][] = [];
  const pre = new Set<number>();
  const known = (key: string) => {
    const i = lowerBound(ahead, key);
    if (ahead[i] !== key) return false;
    pre.add(i);
    return true;
  };
  for (const w of words(query)) if (!known(w)) wanted.push([w, false]);
  const parts = nameParts(query);
  const name = parts.at(-1);
  if (name && !(parts.length === 1 && known(NAME + name))) wanted.push([NAME + name, true]);
  const out = new Set<number>();
  for (const [w, isName] of wanted)
    keys.forEach((k, i) => {
      if ((k === '' || k.startsWith(NAME) === isName) && (k.startsWith(w) || w.startsWith(k))) out.add(i);
    });
  return { shards: [...out], ahead: [...pre] };
}

/** A file of `search/ahead/` as the engine uses it: a word's matches, or a name's bonuses per row. */
export function aheadMatch(
  rows: number,
  file: { r: number[]; v?: number[]; b?: number[] },
): WordMatch | Int32Array {
  let row = 0;
  if (file.b !== undefined) {
    const bonus = new Int32Array(rows);
    for (let i = 0; i < file.r.length; i++) bonus[(row += file.r[i]!)] = file.b[i]!;
    return bonus;
  }
  const v = file.v ?? [];
  const match: WordMatch = {
    rows: new Int32Array(file.r.length),
    score: new Int32Array(rows),
    mask: new Uint8Array(rows),
  };
  for (let i = 0; i < file.r.length; i++) {
    row += file.r[i]!;
    match.rows[i] = row;
    match.score[row] = v[i]! >> 7;
    match.mask[row] = v[i]! & 127;
  }
  return match;
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

/** The rows one query word matched, ascending; per row its best score and the fields that matched (0 = no match). */
export interface WordMatch {
  rows: Int32Array;
  score: Int32Array;
  mask: Uint8Array;
}

/**
 * The index as flat arrays, made once per index: the postings of term i (of the sorted terms)
 * are codes[start[i]] … codes[start[i + 1] - 1]; and the terms a one-edit typo of a word may
 * be, by number, grouped by length and by their first and by their second letter (one edit
 * keeps the first letter, or moves the second one into first place or the first one into
 * second place). Loops over typed arrays, no lookup per term: a one-letter query over
 * 100,000 rows reads its postings in a few milliseconds.
 */
interface Flat {
  start: Int32Array;
  codes: Int32Array;
  typos: Map<string, number[]>;
}
const DIGIT = /\p{N}/u;
const flats = new WeakMap<SearchIndex, Flat>();

/** Makes the flat arrays of an index now (the browser does so before the reader types). */
export function prepare(index: SearchIndex): void {
  finish(prepareSteps(index));
}

function* prepareSteps(index: SearchIndex): Generator<void, void> {
  if (flats.has(index)) return;
  const { terms, postings } = index;
  const start = new Int32Array(terms.length + 1);
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    start[i] = total;
    total += postings.get(terms[i]!)!.length;
    if (i % (STEP * 8) === 0) yield;
  }
  start[terms.length] = total;
  const codes = new Int32Array(total);
  const typos = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = typos.get(key);
    if (list === undefined) typos.set(key, [i]);
    else list.push(i);
  };
  for (let i = 0; i < terms.length; i++) {
    if (i % STEP === STEP - 1) yield;
    codes.set(postings.get(terms[i]!)!, start[i]!);
    const term = terms[i]!;
    if (term[0] === NAME || DIGIT.test(term)) continue;
    put(`0${term[0]}${term.length}`, i);
    if (term.length > 1) put(`1${term[1]}${term.length}`, i);
  }
  flats.set(index, { start, codes, typos });
}

function flat(index: SearchIndex): Flat {
  prepare(index);
  return flats.get(index)!;
}

/** Recent word matches of an index: typing `payments f`, `payments fi`… reuses `payments`. */
const recent = new WeakMap<SearchIndex, Map<string, WordMatch>>();
const RECENT = 8;

/** Best score and field mask per row for one query word: prefix matches, and typo matches. */
export function matchWord(index: SearchIndex, word: string): WordMatch {
  const ahead = index.ahead?.get(word);
  if (ahead !== undefined && !(ahead instanceof Int32Array)) return ahead;
  let cache = recent.get(index);
  if (cache === undefined) recent.set(index, (cache = new Map()));
  const known = cache.get(word);
  if (known !== undefined) return known;
  const { start, codes, typos } = flat(index);
  const n = index.rows;
  const score = new Int32Array(n);
  const mask = new Uint8Array(n);
  let touched = 0;
  const take = (from: number, to: number, kind: number) => {
    touched += takeCodes(codes, from, to, kind, score, mask);
  };
  const { terms } = index;
  const lo = lowerBound(terms, word);
  let hi = lo;
  while (hi < terms.length && terms[hi]!.startsWith(word)) hi++;
  if (lo < hi && terms[lo] === word) take(start[lo]!, start[lo + 1]!, EXACT);
  take(start[terms[lo] === word ? lo + 1 : lo]!, start[hi]!, PREFIX);
  // One typo is forgiven in words long enough for a typo to be a typo, not another word;
  // never in numbers (`table_1235` is another table than `table_1234`, not a typo of it).
  // (A term that starts with the word was taken above, as a prefix.)
  if (word.length >= 4 && !DIGIT.test(word)) {
    for (let len = word.length - 1; len <= word.length + 1; len++)
      for (const key of [`0${word[0]}`, `0${word[1]}`, `1${word[0]}`, `1${word[1]}`])
        for (const i of typos.get(key + len) ?? []) {
          const term = terms[i]!;
          if (!term.startsWith(word) && oneEditApart(word, term)) take(start[i]!, start[i + 1]!, TYPO);
        }
  }
  const match = { rows: ascending(touched, mask), score, mask };
  if (cache.size >= RECENT) cache.delete(cache.keys().next().value!);
  cache.set(word, match);
  return match;
}

/** Field weights, as a typed array for the hot loop below. */
const WEIGHTS = Int32Array.from(WEIGHT);

/**
 * Takes postings codes[from] … codes[to - 1] into a word's match: per row its best score and
 * the fields that matched. A plain function over typed arrays (the hot loop of a short word,
 * hundreds of thousands of codes at 100,000 rows). Returns how many rows it matched first.
 */
function takeCodes(
  codes: Int32Array,
  from: number,
  to: number,
  kind: number,
  score: Int32Array,
  mask: Uint8Array,
): number {
  let fresh = 0;
  for (let j = from; j < to; j++) {
    const code = codes[j]!;
    const row = code >>> 3;
    const field = code & 7;
    const s = WEIGHTS[field]! * kind;
    const old = mask[row]!;
    if (old === 0) {
      fresh++;
      score[row] = s;
    } else if (s > score[row]!) score[row] = s;
    mask[row] = old | (1 << field);
  }
  return fresh;
}

/** The rows of a mask in ascending order (`count` of them), read off the mask. */
function ascending(count: number, mask: Uint8Array): Int32Array {
  const rows = new Int32Array(count);
  for (let row = 0, k = 0; k < count; row++) if (mask[row] !== 0) rows[k++] = row;
  return rows;
}

/** The field names of a mask, one shared array per mask. */
const FIELD_SETS: readonly string[][] = Array.from({ length: 1 << FIELDS.length }, (_, mask) =>
  FIELDS.filter((_f, f) => (mask & (1 << f)) !== 0),
);

/** Bonuses of a query that names a job or a table: whole, or the start of one. */
const EXACT_JOB = 1000;
const EXACT_TABLE = 500;
const NAME_PREFIX = 100;

/**
 * Per row, the best name bonus of a query read as a name typed in SQL: the query's parts
 * must equal the last parts of the name (`refund_reconciliation`, `finance.refund_reconciliation`,
 * `"db"."finance"."refund_reconciliation"`), the last one whole (exact) or its start.
 * Undefined when no name matches.
 */
export function nameBonus(index: SearchIndex, query: string): Int32Array | undefined {
  const q = nameParts(query);
  const last = q[q.length - 1]!;
  if (last === '' || q.length > 4) return undefined;
  if (q.length === 1) {
    const ahead = index.ahead?.get(NAME + last);
    if (ahead instanceof Int32Array) return ahead;
  }
  let bonus: Int32Array | undefined;
  const { terms } = index;
  const { start: at, codes } = flat(index);
  const start = NAME + last;
  for (let i = lowerBound(terms, start); i < terms.length && terms[i]!.startsWith(start); i++) {
    const term = terms[i]!;
    const exact = term[start.length] === NAME;
    if (q.length > 1) {
      const full = term.slice(term.indexOf(NAME, 1) + 1).split('.');
      if (full.length < q.length) continue;
      let k = 0;
      while (k < q.length - 1 && full[full.length - q.length + k] === q[k]) k++;
      if (k < q.length - 1) continue;
    }
    bonus ??= new Int32Array(index.rows);
    for (let j = at[i]!; j < at[i + 1]!; j++) {
      const code = codes[j]!;
      const row = code >>> 3;
      const b = exact ? ((code & 7) === 0 ? EXACT_JOB : EXACT_TABLE) : NAME_PREFIX;
      if (b > bonus[row]!) bonus[row] = b;
    }
  }
  return bonus;
}

/** Every match of a query, best first (`rows`), with each row's score and matched fields. */
export interface Ranked {
  rows: Int32Array;
  /** Per row of the index (0 where it did not match). */
  score: Int32Array;
  mask: Uint8Array;
}

/**
 * Every row matching all words of the query, best first: exact job-id matches, then exact
 * table matches (bare, `schema.table` or `db.schema.table`, quotes and brackets ignored),
 * then names that start with the query, then by field weight and match kind (exact, prefix,
 * typo), then job id. The query is split into words exactly as indexed values are.
 * Typed arrays throughout, and a counting sort on the (small, integer) scores: a one-letter
 * query over 100,000 rows ranks them in a few milliseconds.
 */
export function rank(index: SearchIndex, query: string): Ranked {
  const n = index.rows;
  const qWords = [...new Set(words(query))];
  if (qWords.length === 0)
    return { rows: new Int32Array(0), score: new Int32Array(n), mask: new Uint8Array(n) };
  const perWord = qWords.map((w) => matchWord(index, w)).sort((a, b) => a.rows.length - b.rows.length);
  const bonus = nameBonus(index, query);
  const candidates = perWord[0]!.rows;
  const score = new Int32Array(n);
  const mask = new Uint8Array(n);
  const found = new Int32Array(candidates.length);
  let count = 0;
  if (perWord.length === 1) {
    // One word (most keystrokes, and those that match the most rows): every candidate is found.
    const { score: s1, mask: m1 } = perWord[0]!;
    found.set(candidates);
    count = candidates.length;
    for (let i = 0; i < count; i++) {
      const row = candidates[i]!;
      score[row] = s1[row]!;
      mask[row] = m1[row]!;
    }
  } else {
    for (let i = 0; i < candidates.length; i++) {
      const row = candidates[i]!;
      let s = 0;
      let mk = 0;
      let k = 0;
      for (; k < perWord.length; k++) {
        const other = perWord[k]!;
        const m = other.mask[row]!;
        if (m === 0) break;
        s += other.score[row]!;
        mk |= m;
      }
      if (k < perWord.length) continue;
      score[row] = s;
      mask[row] = mk;
      found[count++] = row;
    }
  }
  if (bonus !== undefined) for (let i = 0; i < count; i++) score[found[i]!]! += bonus[found[i]!]!;
  let max = 0;
  for (let i = 0; i < count; i++) if (score[found[i]!]! > max) max = score[found[i]!]!;
  // Counting sort, best score first; rows stay ascending (job id order) within a score.
  const start = new Int32Array(max + 2);
  for (let i = 0; i < count; i++) start[max - score[found[i]!]! + 1]!++;
  for (let s = 1; s < start.length; s++) start[s]! += start[s - 1]!;
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const row = found[i]!;
    rows[start[max - score[row]!]!++] = row;
  }
  return { rows, score, mask };
}

/** The field names of a mask (from FIELDS), one shared array per mask. */
export const fieldsOf = (mask: number): string[] => FIELD_SETS[mask]!;

/**
 * Every row matching all words of the query, best first, as `rank` orders them.
 * (The manifest argument is no longer read; it stays for callers of the older signature.)
 */
export function search(index: SearchIndex, _m: unknown, query: string): Hit[] {
  const { rows, score, mask } = rank(index, query);
  return Array.from(rows, (row) => ({ row, score: score[row]!, fields: FIELD_SETS[mask[row]!]! }));
}

/**
 * Longest slug, in bytes (slugs are ASCII). With `.html` it stays far below the 255-byte name
 * limit of common file systems (143 on eCryptfs), and a whole page path well inside 4096.
 */
export const MAX_SLUG = 120;

/**
 * A file name for any text (an email, a table name with quotes or dots): lower-case letters,
 * digits, `_ - . @` are kept, everything else (and upper case, so case-insensitive file
 * systems cannot merge two names) becomes `~hex~`. A leading dot is encoded too, so no page
 * is a dotfile and `..` cannot be a name. A slug longer than MAX_SLUG keeps its start and ends
 * in `~` + 16 hex digits of a hash of the whole + `~`: no escape has more than 6 hex digits, so
 * a shortened name never equals a name that was not shortened. Here so that the browser links
 * exactly as the build names.
 */
export function fileSlug(text: string): string {
  let out = '';
  for (const ch of text) {
    const keep = /[a-z0-9_@-]/.test(ch) || (ch === '.' && out !== '');
    out += keep ? ch : `~${ch.codePointAt(0)!.toString(16)}~`;
  }
  if (out === '') return '~';
  if (out.length <= MAX_SLUG) return out;
  let head = out.slice(0, MAX_SLUG - 18);
  // Cut before an escape rather than inside one: an odd count of `~` means one is open.
  if ((head.split('~').length - 1) % 2 === 1) head = head.slice(0, head.lastIndexOf('~'));
  return `${head}~${hash64(out)}~`;
}

/** 64 bits of a stable hash (two FNV-1a lanes over UTF-16 units, each with a final mix), as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const mix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  return hex(mix(a)) + hex(mix(b ^ a));
}

/** Which of `shards` files holds a key (FNV-1a over UTF-16 units): the build and the browser agree. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, shards);
}
