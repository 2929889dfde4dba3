import type { CatalogEntry } from '../site/catalog-entry.js';
import { entryJson } from '../site/build.js';
import { tablePageKey } from '../site/links.js';
import { buildDescriptions, buildManifest } from '../site/manifest.js';
import { buildIndex, type Manifest, type SearchIndex } from '../site/search/engine.js';

/** One build of the catalog, as the server answers from it. Replaced whole on rebuild. */
export interface ServeState {
  siteDir: string;
  entries: readonly CatalogEntry[];
  byJobId: ReadonlyMap<string, CatalogEntry>;
  byTable: ReadonlyMap<string, CatalogEntry[]>;
  manifest: Manifest;
  index: SearchIndex;
  generated: string;
  /** Pre-serialised entry JSON, so a list request does not rebuild it. */
  json: ReadonlyMap<CatalogEntry, ReturnType<typeof entryJson>>;
}

export function serveState(siteDir: string, entries: readonly CatalogEntry[], now: Date): ServeState {
  const byJobId = new Map<string, CatalogEntry>();
  const byTable = new Map<string, CatalogEntry[]>();
  for (const e of entries) {
    byJobId.set(e.contract.jobId.toLowerCase(), e);
    for (const key of new Set(e.contract.tables.map(tablePageKey))) {
      if (key === undefined) continue;
      const list = byTable.get(key) ?? [];
      list.push(e);
      byTable.set(key, list);
    }
  }
  const manifest = buildManifest(entries);
  return {
    siteDir,
    entries,
    byJobId,
    byTable,
    manifest,
    index: buildIndex(manifest, buildDescriptions(entries)),
    generated: now.toISOString(),
    json: new Map(entries.map((e) => [e, entryJson(e)])),
  };
}
