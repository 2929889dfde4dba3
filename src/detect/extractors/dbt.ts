import { changesOnBothSides } from '../sql/sides.js';
import type { Extractor } from '../types.js';
import { dbtModelChanges } from './dbt-model.js';
import { dbtSourceTables } from './dbt-sources.js';

const SKIPPED = /(?:^|\/)(?:target|dbt_packages|dbt_modules|node_modules|logs)\//;
const MODEL_DIR = /(?:^|\/)(?:models|snapshots)\//;

const isSourcesYaml = (path: string, text: string): boolean =>
  /\.ya?ml$/i.test(path) && /^sources\s*:/m.test(text);
const isModel = (path: string, text: string): boolean =>
  /\.sql$/i.test(path) &&
  MODEL_DIR.test(path) &&
  (/\{[{%]/.test(text) || /^\s*(?:--[^\n]*\n\s*)*(?:select|with)\b/i.test(text));

/**
 * dbt projects: a changed source table definition in a properties file (`sources:`), and model
 * or snapshot `.sql` files, each of which builds one relation named after the file (or its
 * `alias`). Compiled output (`target/`) and installed packages are skipped.
 */
export const dbtExtractor: Extractor = {
  id: 'dbt',
  matches: (path, text) => !SKIPPED.test(path) && (isSourcesYaml(path, text) || isModel(path, text)),
  extract(change) {
    if (/\.sql$/i.test(change.path)) return dbtModelChanges(change);
    return changesOnBothSides(change, (text) => {
      try {
        return dbtSourceTables(text);
      } catch {
        return [];
      }
    });
  },
};
