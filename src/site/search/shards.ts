import type { CatalogEntry } from '../catalog-entry.js';
import { buildIndex, matchWord, NAME, nameBonus, type Manifest, type SearchIndex } from './engine.js';
import { isOdcsFile } from '../../contract/odcs-file.js';
import { ageOf } from '../manifest.js';

/**
 * The search index cut into files for a first result without the whole manifest:
 * `search/meta.json` lists the shards; `search/terms/<n>.json` holds the posting lists of
 * the terms that start with one shard's key (`{ term: [deltas of row * 8 + field] }`);
 * `search/rows/<n>.json` holds what a result line shows for ROWS_PER_CHUNK rows;
 * `search/ahead/<n>.json` holds the matches of a short word (or one-part name) whose prefix
 * reaches many shards, computed by the build (see `aheadFile`).
 */
export interface SearchMeta {
  v: 2;
  rows: number;
  /** Rows per `search/rows/<n>.json`. */
  chunk: number;
  /**
   * Shard keys, in file order: a term is in the shard whose key is the longest that starts
   * its shard text (a word itself; a name term NAME + its bare name, so names are apart).
   */
  shards: string[];
  /** Person and table pages: a file each (`static`) or drawn in the browser (`client`). */
  pages: 'static' | 'client';
  /**
   * Sorted; `search/ahead/<n>.json` holds the matches of the n-th: a word (`{ r, v }`) or
   * NAME + a one-part name (`{ r, b }`), whose prefix reaches more than AHEAD_ABOVE shards.
   * Absent in sites built before it (none computed ahead).
   */
  ahead?: string[];
  /** Stale badge titles, as in the manifest (`Manifest.titles`). */
  titles: [string, string];
}

/** Matches computed ahead for a word: rows as gaps; per row score * 128 + field mask. */
export interface AheadWord {
  r: number[];
  v: number[];
}
/** Name bonuses computed ahead for a one-part name: rows as gaps; per row its bonus. */
export interface AheadName {
  r: number[];
  b: number[];
}

/** id, status, freshness, host, db, ingestion type, tables, description, owners, days since the last update (as `dcr stale` counts them at the build's clock, or -1), 1 for an ODCS file (else 0). */
export type RowLine = [
  string,
  string,
  string,
  string,
  string,
  string,
  string[],
  string | null,
  string[],
  number,
  0 | 1,
];

export const ROWS_PER_CHUNK = 100;
/** A result line names this many tables, then `…` (one more is kept so the browser knows). */
const SHOWN_TABLES = 5;
/** A shard is split by one more letter of its key above about this many bytes of JSON. */
const SHARD_BYTES = 48_000;
/** Keys stop growing here (names such as `refunds_50007` share long starts). */
const MAX_KEY = 32;
/**
 * A word or one-part name whose prefix reaches more shards than this has its matches
 * computed by the build: a first keystroke (`c`) fetches one file, not hundreds of shards.
 */
const AHEAD_ABOVE = 2;

/** The text a term is filed under: a word by itself, a name term by NAME and its bare name. */
export const shardText = (term: string): string =>
  term[0] === NAME ? term.slice(0, term.indexOf(NAME, 1)) : term;

interface Sized {
  term: string;
  key: string;
  bytes: number;
}

/** Groups terms by growing prefixes of their key until each group is small enough. */
function split(
  items: Sized[],
  depth: number,
  prefix: string,
  out: Map<string, Sized[]>,
  limit: number,
): void {
  const total = items.reduce((sum, i) => sum + i.bytes, 0);
  if (total <= limit || depth >= MAX_KEY) {
    out.set(prefix, items);
    return;
  }
  const groups = new Map<string, Sized[]>();
  const short: Sized[] = [];
  for (const item of items) {
    if (item.key.length <= depth) short.push(item);
    else {
      const k = item.key.slice(0, depth + 1);
      const list = groups.get(k);
      if (list === undefined) groups.set(k, [item]);
      else list.push(item);
    }
  }
  if (short.length) out.set(prefix, short);
  for (const [k, list] of groups) split(list, depth + 1, k, out, limit);
}

/** Posting list as gaps between sorted codes: small numbers, and runs that compress well. */
function deltas(codes: readonly number[]): number[] {
  // The index adds codes in row and field order, so a list is nearly always sorted already.
  let ascending = true;
  for (let i = 1; i < codes.length && ascending; i++) ascending = codes[i - 1]! < codes[i]!;
  const sorted = ascending ? codes : [...new Set(codes)].sort((a, b) => a - b);
  const out = new Array<number>(sorted.length);
  let last = 0;
  for (let i = 0; i < sorted.length; i++) {
    out[i] = sorted[i]! - last;
    last = sorted[i]!;
  }
  return out;
}

/**
 * The words and NAME + names worth computing ahead: prefixes of shard keys that reach more
 * than AHEAD_ABOVE shards (the shards `shardsFor` would fetch for them).
 */
export function aheadKeys(keys: readonly string[]): string[] {
  const reach = new Map<string, number>();
  for (const k of keys) {
    for (let len = k.startsWith(NAME) ? 2 : 1; len < k.length; len++) {
      const p = k.slice(0, len);
      reach.set(p, (reach.get(p) ?? 0) + 1);
    }
  }
  // Keys that are prefixes of p (its ancestors and the '' shard) are reached too.
  return [...reach]
    .filter(
      ([p, below]) => below + keys.filter((k) => k.length < p.length && p.startsWith(k)).length > AHEAD_ABOVE,
    )
    .map(([p]) => p)
    .sort();
}

/** The matches of one word, or the name bonuses of NAME + a one-part name, over the whole index. */
export function aheadFile(index: SearchIndex, key: string): AheadWord | AheadName {
  const r: number[] = [];
  const values: number[] = [];
  let last = 0;
  const put = (row: number, value: number) => {
    r.push(row - last);
    values.push(value);
    last = row;
  };
  if (key.startsWith(NAME)) {
    const bonus = nameBonus(index, key.slice(1)) ?? new Int32Array(0);
    for (let row = 0; row < bonus.length; row++) if (bonus[row]! > 0) put(row, bonus[row]!);
    return { r, b: values };
  }
  const match = matchWord(index, key);
  for (const row of match.rows) put(row, match.score[row]! * 128 + match.mask[row]!);
  return { r, v: values };
}

/** The files of the sharded index (paths relative to the site root), meta.json first. */
export function* shardFiles(
  entries: readonly CatalogEntry[],
  m: Manifest,
  descriptions: readonly (string | null)[],
  pages: SearchMeta['pages'],
  index: SearchIndex = buildIndex(m, descriptions),
  shardBytes = SHARD_BYTES,
): Generator<[string, string]> {
  const sized: Sized[] = [];
  for (const [term, list] of index.postings)
    sized.push({ term, key: shardText(term), bytes: term.length + 4 + list.length * 4 });
  const groups = new Map<string, Sized[]>();
  split(sized, 0, '', groups, shardBytes);
  const keys = [...groups.keys()].sort();
  const ahead = aheadKeys(keys);
  const meta: SearchMeta = {
    v: 2,
    rows: m.id.length,
    chunk: ROWS_PER_CHUNK,
    shards: keys,
    pages,
    ahead,
    titles: m.titles,
  };
  yield ['search/meta.json', JSON.stringify(meta)];
  for (let i = 0; i < ahead.length; i++)
    yield [`search/ahead/${i}.json`, JSON.stringify(aheadFile(index, ahead[i]!))];
  for (let i = 0; i < keys.length; i++) {
    const shard: Record<string, number[]> = {};
    for (const { term } of groups.get(keys[i]!)!.sort((a, b) => (a.term < b.term ? -1 : 1)))
      shard[term] = deltas(index.postings.get(term)!);
    yield [`search/terms/${i}.json`, JSON.stringify(shard)];
  }
  for (let start = 0; start < entries.length; start += ROWS_PER_CHUNK) {
    const lines: RowLine[] = entries.slice(start, start + ROWS_PER_CHUNK).map((e, i) => {
      const c = e.contract;
      const owners = [...new Set([...c.owners.source, ...c.owners.ingestion].map((p) => p.toLowerCase()))];
      return [
        c.jobId,
        c.status,
        e.freshness,
        c.sourceHost,
        c.sourceDb,
        c.ingestionType,
        c.tables.slice(0, SHOWN_TABLES + 1),
        descriptions[start + i] ?? null,
        owners,
        ageOf(e),
        isOdcsFile(c.file) ? 1 : 0,
      ];
    });
    yield [`search/rows/${start / ROWS_PER_CHUNK}.json`, JSON.stringify(lines)];
  }
}
