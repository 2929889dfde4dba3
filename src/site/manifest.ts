import type { CatalogEntry } from './catalog-entry.js';
import { frequencyBand } from './frequency-band.js';
import type { Manifest } from './search/engine.js';

/** Assigns each distinct value a small number, in order of first appearance. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

const DAY_MS = 86_400_000;

/** The last update as days since 1970-01-01, or -1 when unknown (what a stale badge counts from). */
export const updateDay = (lastUpdated: string | undefined): number =>
  lastUpdated ? Math.floor(Date.parse(lastUpdated) / DAY_MS) : -1;

/**
 * The column-per-field manifest that drives search and facets in the browser. Values that
 * repeat (hosts, owners, tags…) are stored once in a dictionary; rows hold their numbers.
 */
export function buildManifest(entries: readonly CatalogEntry[]): Manifest {
  const d = {
    host: new Dictionary(),
    db: new Dictionary(),
    stype: new Dictionary(),
    itype: new Dictionary(),
    status: new Dictionary(),
    band: new Dictionary(),
    fresh: new Dictionary(),
    people: new Dictionary(),
    tags: new Dictionary(),
  };
  const m: Manifest = {
    v: 1,
    id: [],
    dict: { host: [], db: [], stype: [], itype: [], status: [], band: [], fresh: [], people: [], tags: [] },
    host: [],
    db: [],
    stype: [],
    itype: [],
    status: [],
    band: [],
    fresh: [],
    so: [],
    io: [],
    tags: [],
    tables: [],
    upd: [],
  };
  for (const { contract: c, freshness, lastUpdated } of entries) {
    m.id.push(c.jobId);
    m.host.push(d.host.code(c.sourceHost));
    m.db.push(d.db.code(c.sourceDb));
    m.stype.push(c.sourceType === undefined ? -1 : d.stype.code(c.sourceType));
    m.itype.push(d.itype.code(c.ingestionType));
    m.status.push(d.status.code(c.status));
    m.band.push(d.band.code(frequencyBand(c)));
    m.fresh.push(d.fresh.code(freshness));
    m.so.push(c.owners.source.map((p) => d.people.code(p.toLowerCase())));
    m.io.push(c.owners.ingestion.map((p) => d.people.code(p.toLowerCase())));
    m.tags.push(c.tags.map((t) => d.tags.code(t)));
    m.tables.push(c.tables);
    m.upd.push(updateDay(lastUpdated));
  }
  for (const key of Object.keys(d) as (keyof typeof d)[]) m.dict[key] = d[key].values;
  return m;
}

/** Descriptions, row-aligned with the manifest, cut to what a result line shows and search needs. */
export const buildDescriptions = (entries: readonly CatalogEntry[], max = 300): (string | null)[] =>
  entries.map((e) => (e.contract.description ? e.contract.description.slice(0, max) : null));
