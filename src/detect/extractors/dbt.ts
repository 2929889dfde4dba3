import { changesOnBothSides } from '../sql/sides.js';
import type { ExtractOptions, Extractor, FileChange, TableChange } from '../types.js';
import { projectFileChanges, propertiesChanges } from './dbt-config-changes.js';
import { dbtModelChanges } from './dbt-model.js';
import {
  baseName,
  builds,
  DBT_CONTEXT_GLOBS,
  effectiveModelConfig,
  projectOf,
  underPaths,
} from './dbt-project.js';
import { dbtSourceTables } from './dbt-sources.js';

const SKIPPED = /(?:^|\/)(?:target|dbt_packages|dbt_modules|node_modules|logs)\//;
const MODEL_DIR = /(?:^|\/)(?:models|snapshots)\//;

const isYaml = (path: string): boolean => /\.ya?ml$/i.test(path);
const isSourcesYaml = (path: string, text: string): boolean => isYaml(path) && /^sources\s*:/m.test(text);
const isPropertiesYaml = (path: string, text: string): boolean =>
  isYaml(path) && /^models\s*:/m.test(text) && /^\s*-?\s*name\s*:/m.test(text);
const isProjectFile = (path: string): boolean => /(?:^|\/)dbt_project\.yml$/.test(path);
const isSeed = (path: string): boolean => /\.csv$/i.test(path) && /(?:^|\/)seeds\//.test(path);
const isModel = (path: string, text: string): boolean =>
  /\.sql$/i.test(path) &&
  MODEL_DIR.test(path) &&
  (/\{[{%]/.test(text) || /^\s*(?:--[^\n]*\n\s*)*(?:select|with)\b/i.test(text));

const SOURCE_NOTE =
  'dbt source definition changed: the project reads this table, the file does not change it';

/** A source definition is what the project reads: shown apart (possible), never as a certain change. */
function sourceChanges(change: FileChange): TableChange[] {
  return changesOnBothSides(change, (text) => {
    try {
      return dbtSourceTables(text);
    } catch {
      return [];
    }
  }).map((c) => ({ ...c, confidence: 'possible', note: SOURCE_NOTE }));
}

/** A seed (CSV) is loaded as a table named after the file: added creates it, edited rewrites its rows. */
function seedChanges(change: FileChange, options: ExtractOptions): TableChange[] {
  const path = change.status === 'deleted' ? change.path : change.path;
  const project = projectOf(path, options.repo, change.status === 'deleted' ? 'before' : 'after');
  if (options.repo && (!project || !underPaths(project, project.seedPaths, path))) return [];
  const header = (text: string | undefined): string => (text ?? '').split(/\r?\n/)[0]?.trim() ?? '';
  const table = baseName(path);
  if (change.status === 'added') return [{ table, kind: 'create', line: 1, evidence: header(change.after) }];
  if (change.status === 'deleted')
    return [{ table, kind: 'drop', line: 1, side: 'before', evidence: header(change.before) }];
  if (change.addedLines.size === 0 && change.removedLines.size === 0) {
    if (change.oldPath && baseName(change.oldPath) !== table)
      return [
        {
          table: baseName(change.oldPath),
          kind: 'rename',
          renamedTo: table,
          line: 1,
          evidence: header(change.after),
        },
      ];
    return [];
  }
  const line = [...change.addedLines].sort((a, b) => a - b)[0] ?? 1;
  const changes: TableChange[] = [];
  if (change.oldPath && baseName(change.oldPath) !== table)
    changes.push({ table: baseName(change.oldPath), kind: 'rename', renamedTo: table, line, evidence: '' });
  const headerChanged = change.addedLines.has(1) || change.removedLines.has(1);
  changes.push({
    table,
    kind: headerChanged ? 'alter' : 'data',
    line,
    evidence: ((change.after ?? '').split(/\r?\n/)[line - 1] ?? '').trim().slice(0, 200),
  });
  return changes;
}

/** A model file: the relation its effective config builds (none for ephemeral or disabled models). */
function modelChanges(change: FileChange, options: ExtractOptions): TableChange[] {
  const repo = options.repo;
  const before =
    change.before !== undefined
      ? effectiveModelConfig(change.oldPath ?? change.path, change.before, repo, 'before')
      : undefined;
  const after =
    change.after !== undefined ? effectiveModelConfig(change.path, change.after, repo, 'after') : undefined;
  const buildsBefore = change.before !== undefined && (before === undefined || builds(before));
  const buildsAfter = change.after !== undefined && (after === undefined || builds(after));
  if (!buildsBefore && !buildsAfter) return [];
  if (buildsBefore && !buildsAfter && change.after !== undefined)
    return dbtModelChanges({ ...change, status: 'deleted' }, { before: before?.relation }).map((c) => ({
      ...c,
      note: 'the model no longer builds a relation (ephemeral or disabled)',
    }));
  if (!buildsBefore && buildsAfter && change.before !== undefined)
    return dbtModelChanges({ ...change, status: 'added' }, { after: after?.relation });
  return dbtModelChanges(change, { before: before?.relation, after: after?.relation });
}

/**
 * dbt projects: model and snapshot `.sql` files (each builds one relation, named after the file
 * or its alias, unless ephemeral or disabled), seeds (CSV files loaded as tables), model configs
 * in properties files and folder configs in `dbt_project.yml` (read with the repository's
 * models), and source definitions (what the project reads: possible, never certain). Compiled
 * output (`target/`) and installed packages are skipped.
 */
export const dbtExtractor: Extractor = {
  id: 'dbt',
  contextGlobs: DBT_CONTEXT_GLOBS,
  matches: (path, text) =>
    !SKIPPED.test(path) &&
    (isProjectFile(path) ||
      isSeed(path) ||
      isSourcesYaml(path, text) ||
      isPropertiesYaml(path, text) ||
      isModel(path, text)),
  extract(change, options) {
    if (isProjectFile(change.path)) return projectFileChanges(change, options.repo);
    if (isSeed(change.path)) return seedChanges(change, options);
    if (/\.sql$/i.test(change.path)) return modelChanges(change, options);
    const text = change.after ?? change.before ?? '';
    const out: TableChange[] = [];
    if (/^sources\s*:/m.test(text) || /^sources\s*:/m.test(change.before ?? ''))
      out.push(...sourceChanges(change));
    if (/^models\s*:/m.test(text) || /^models\s*:/m.test(change.before ?? ''))
      out.push(...propertiesChanges(change, options.repo));
    return out;
  },
};
