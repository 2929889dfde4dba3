import type { CatalogEntry } from './catalog-entry.js';
import { isOdcsFile } from '../contract/odcs-file.js';
import { frequencyBand } from './frequency-band.js';
import { siteMessages } from './messages.js';
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

/** The days a stale badge shows (CatalogEntry.ageDays, as `dcr stale` counts them), or -1 when unknown. */
export const ageOf = (e: CatalogEntry): number => e.ageDays ?? -1;

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
    age: [],
    odcs: [],
    titles: siteMessages.staleTitles(),
  };
  for (const e of entries) {
    const { contract: c, freshness } = e;
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
    m.age.push(ageOf(e));
    if (isOdcsFile(c.file)) m.odcs.push(m.id.length - 1);
  }
  for (const key of Object.keys(d) as (keyof typeof d)[]) m.dict[key] = d[key].values;
  return m;
}

/** Descriptions, row-aligned with the manifest, cut to what a result line shows and search needs. */
export const buildDescriptions = (entries: readonly CatalogEntry[], max = 300): (string | null)[] =>
  entries.map((e) => (e.contract.description ? e.contract.description.slice(0, max) : null));
