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
  const postings = new Map<string, number[]>();
  for (let row = 0; row < m.id.length; row++) {
    rowTerms(m, row, descriptions?.[row], (term, field) => {
      const code = row * 8 + field;
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [code]);
      else if (list[list.length - 1] !== code) list.push(code);
    });
  }
  const terms = [...postings.keys()].sort();
  return { terms, postings, rows: m.id.length };
}

/**
 * The index shards (by number, from `search/meta.json`'s keys) that hold every term a query
 * can match: for each word, the word shards its prefix reaches; for its last name part, the
 * name shards. Words are filed by themselves, names by NAME and their bare name.
 */
export function shardsFor(keys: readonly string[], query: string): number[] {
  const wanted: [string, boolean][] = words(query).map((w) => [w, false]);
  const name = nameParts(query).at(-1);
  if (name) wanted.push([NAME + name, true]);
  const out = new Set<number>();
  for (const [w, isName] of wanted)
    keys.forEach((k, i) => {
      if ((k === '' || k.startsWith(NAME) === isName) && (k.startsWith(w) || w.startsWith(k))) out.add(i);
    });
  return [...out];
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

/** The rows one query word matched: per row its best score and the fields that matched (0 = no match). */
interface WordMatch {
  rows: number[];
  score: Int32Array;
  mask: Uint8Array;
}

/**
 * Terms a one-edit typo of a word may be, grouped by length and by their first and by their
 * second letter: one edit keeps the first letter, or moves the second one into first place
 * or the first one into second place. Built on the first typo lookup, then kept.
 */
const DIGIT = /\p{N}/u;
const typoGroups = new WeakMap<SearchIndex, Map<string, string[]>>();
function typoCandidates(index: SearchIndex, word: string): Set<string> {
  let groups = typoGroups.get(index);
  if (groups === undefined) {
    groups = new Map();
    const put = (key: string, term: string) => {
      const list = groups!.get(key);
      if (list === undefined) groups!.set(key, [term]);
      else list.push(term);
    };
    for (const term of index.terms) {
      if (term[0] === NAME || DIGIT.test(term)) continue;
      put(`0${term[0]}${term.length}`, term);
      if (term.length > 1) put(`1${term[1]}${term.length}`, term);
    }
    typoGroups.set(index, groups);
  }
  const found = new Set<string>();
  for (let len = word.length - 1; len <= word.length + 1; len++)
    for (const key of [`0${word[0]}`, `0${word[1]}`, `1${word[0]}`, `1${word[1]}`])
      for (const term of groups.get(key + len) ?? []) found.add(term);
  return found;
}

/** Best score and field mask per row for one query word: prefix matches, and typo matches. */
function matchWord(index: SearchIndex, word: string): WordMatch {
  const score = new Int32Array(index.rows);
  const mask = new Uint8Array(index.rows);
  const rows: number[] = [];
  const take = (term: string, kind: number) => {
    for (const code of index.postings.get(term)!) {
      const row = code >>> 3;
      const field = code & 7;
      const s = WEIGHT[field]! * kind;
      if (mask[row] === 0) {
        rows.push(row);
        score[row] = s;
      } else if (s > score[row]!) score[row] = s;
      mask[row] = mask[row]! | (1 << field);
    }
  };
  const { terms } = index;
  for (let i = lowerBound(terms, word); i < terms.length && terms[i]!.startsWith(word); i++) {
    take(terms[i]!, terms[i] === word ? EXACT : PREFIX);
  }
  // One typo is forgiven in words long enough for a typo to be a typo, not another word;
  // never in numbers (`table_1235` is another table than `table_1234`, not a typo of it).
  if (word.length >= 4 && !DIGIT.test(word)) {
    for (const term of typoCandidates(index, word)) if (oneEditApart(word, term)) take(term, TYPO);
  }
  return { rows, score, mask };
}

/** The field names of a mask, one shared array per mask. */
const FIELD_SETS: readonly string[][] = Array.from({ length: 1 << FIELDS.length }, (_, mask) =>
  FIELDS.filter((_f, f) => (mask & (1 << f)) !== 0),
);

/** Sort keys hold the score above the row number; rows stay below 2^21 (two million). */
const ROW_BITS = 2 ** 21;

/** Bonuses of a query that names a job or a table: whole, or the start of one. */
const EXACT_JOB = 1000;
const EXACT_TABLE = 500;
const NAME_PREFIX = 100;

/**
 * Per row, the best name bonus of a query read as a name typed in SQL: the query's parts
 * must equal the last parts of the name (`refund_reconciliation`, `finance.refund_reconciliation`,
 * `"db"."finance"."refund_reconciliation"`), the last one whole (exact) or its start.
 */
function nameBonus(index: SearchIndex, query: string): Map<number, number> {
  const bonus = new Map<number, number>();
  const q = nameParts(query);
  const last = q[q.length - 1]!;
  if (last === '' || q.length > 4) return bonus;
  const { terms } = index;
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
    for (const code of index.postings.get(term)!) {
      const row = code >>> 3;
      const b = exact ? ((code & 7) === 0 ? EXACT_JOB : EXACT_TABLE) : NAME_PREFIX;
      if (b > (bonus.get(row) ?? 0)) bonus.set(row, b);
    }
  }
  return bonus;
}

/**
 * Every row matching all words of the query, best first: exact job-id matches, then exact
 * table matches (bare, `schema.table` or `db.schema.table`, quotes and brackets ignored),
 * then names that start with the query, then by field weight and match kind (exact, prefix,
 * typo), then job id. The query is split into words exactly as indexed values are.
 * (The manifest argument is no longer read; it stays for callers of the older signature.)
 */
export function search(index: SearchIndex, _m: unknown, query: string): Hit[] {
  const qWords = [...new Set(words(query))];
  if (qWords.length === 0) return [];
  const perWord = qWords.map((w) => matchWord(index, w)).sort((a, b) => a.rows.length - b.rows.length);
  const first = perWord[0]!;
  const bonus = nameBonus(index, query);
  const keys: number[] = [];
  const masks = new Uint8Array(index.rows);
  for (const row of first.rows) {
    let score = first.score[row]!;
    let mask = first.mask[row]!;
    let k = 1;
    for (; k < perWord.length; k++) {
      const other = perWord[k]!;
      if (other.mask[row] === 0) break;
      score += other.score[row]!;
      mask |= other.mask[row]!;
    }
    if (k < perWord.length) continue;
    score += bonus.get(row) ?? 0;
    masks[row] = mask;
    keys.push((2 ** 31 - score) * ROW_BITS + row);
  }
  // Numbers sort natively in a typed array: best score first, then row (job id) order.
  const sorted = Float64Array.from(keys).sort();
  const hits: Hit[] = new Array<Hit>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!;
    const row = key % ROW_BITS;
    hits[i] = { row, score: 2 ** 31 - (key - row) / ROW_BITS, fields: FIELD_SETS[masks[row]!]! };
  }
  return hits;
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
