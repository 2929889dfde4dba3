import type { Contract } from '../contract/types.js';
import { Registry } from '../registry/registry.js';
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
  /** The contracts as the guard sees them, for table lookups with its matching rules. */
  registry: Registry;
  /** The entry of each of the registry's contracts. */
  byContract: ReadonlyMap<Contract, CatalogEntry>;
  manifest: Manifest;
  index: SearchIndex;
  generated: string;
  /** Pre-serialised entry JSON, so a list request does not rebuild it. */
  json: ReadonlyMap<CatalogEntry, ReturnType<typeof entryJson>>;
}

/** A ServeState put together a slice of entries at a time (as they arrive from a build process). */
export class ServeStateParts {
  private readonly entries: CatalogEntry[] = [];
  private readonly byJobId = new Map<string, CatalogEntry>();
  private readonly byTable = new Map<string, CatalogEntry[]>();
  private readonly json = new Map<CatalogEntry, ReturnType<typeof entryJson>>();

  add(slice: readonly CatalogEntry[]): void {
    for (const e of slice) {
      this.entries.push(e);
      this.byJobId.set(e.contract.jobId.toLowerCase(), e);
      this.json.set(e, entryJson(e));
      for (const key of new Set(e.contract.tables.map(tablePageKey))) {
        if (key === undefined) continue;
        const list = this.byTable.get(key) ?? [];
        list.push(e);
        this.byTable.set(key, list);
      }
    }
  }

  finish(siteDir: string, generated: string, manifest: Manifest, index: SearchIndex): ServeState {
    const { entries, byJobId, byTable, json } = this;
    // Built on the first table lookup, not while a new build goes online (it parses every table name).
    let registry: Registry | undefined;
    let byContract: Map<Contract, CatalogEntry> | undefined;
    return {
      siteDir,
      entries,
      byJobId,
      byTable,
      get registry() {
        return (registry ??= new Registry(entries.map((e) => e.contract)));
      },
      get byContract() {
        return (byContract ??= new Map(entries.map((e) => [e.contract, e])));
      },
      manifest,
      index,
      generated,
      json,
    };
  }
}

export function serveState(siteDir: string, entries: readonly CatalogEntry[], now: Date): ServeState {
  const parts = new ServeStateParts();
  parts.add(entries);
  const manifest = buildManifest(entries);
  return parts.finish(siteDir, now.toISOString(), manifest, buildIndex(manifest, buildDescriptions(entries)));
}
