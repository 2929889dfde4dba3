import type { ChangeKind, FileChange, RepoContext, TableChange } from '../types.js';
import {
  baseName,
  builds,
  folderConfig,
  inFileConfig,
  modelConfig,
  parseProject,
  projectOf,
  projectProperties,
  propertiesConfigs,
  underPaths,
  type DbtProject,
  type ModelConfig,
} from './dbt-project.js';

type Side = 'before' | 'after';

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const key = (c: ModelConfig | undefined): string =>
  c === undefined || !builds(c) ? '-' : JSON.stringify([c.relation, c.materialized, c.schema, c.database]);

/** How a relation's config change shows: built now and not before is a create, the reverse a drop. */
function changeKind(before: ModelConfig | undefined, after: ModelConfig | undefined): ChangeKind {
  const was = before !== undefined && builds(before);
  const is = after !== undefined && builds(after);
  if (!was && is) return 'create';
  if (was && !is) return 'drop';
  return before && after && before.relation !== after.relation ? 'rename' : 'alter';
}

function located(
  change: FileChange,
  table: string,
  before: ModelConfig | undefined,
  after: ModelConfig | undefined,
  line: number,
  side: Side,
  note: string,
): TableChange {
  const kind = changeKind(before, after);
  const text = (side === 'after' ? change.after : change.before) ?? '';
  const c: TableChange = {
    table: kind === 'rename' ? before!.relation : table,
    kind,
    line,
    evidence: (text.split(/\r?\n/)[line - 1] ?? '').trim().slice(0, 200),
    note,
  };
  if (kind === 'rename') c.renamedTo = after!.relation;
  if (side === 'before') c.side = 'before';
  return c;
}

const firstLine = (lines: ReadonlySet<number>): number | undefined => [...lines].sort((a, b) => a - b)[0];

/** The models of a project at one side: name → the folders it lies in and its file's SQL. */
function modelsOf(
  project: DbtProject,
  repo: RepoContext,
  side: Side,
): Map<string, { parts: string[]; sql: string }> {
  const out = new Map<string, { parts: string[]; sql: string }>();
  for (const p of project.modelPaths) {
    const base = project.root ? `${project.root}/${p}` : p;
    for (const file of repo.list(`${base}/**/*.sql`, side)) {
      const parts = underPaths(project, [p], file);
      if (parts) out.set(baseName(file), { parts, sql: repo.read(file, side) ?? '' });
    }
    // Models known only from a properties file (the file itself not at hand): its folder.
    for (const file of repo.list(`${base}/**/*.{yml,yaml}`, side)) {
      const text = repo.read(file, side);
      if (text === undefined || !/^models\s*:/m.test(text)) continue;
      const folder = underPaths(project, [p], file)?.slice(0, -1) ?? [];
      for (const name of propertiesConfigs(text).keys())
        if (!out.has(name)) out.set(name, { parts: [...folder, name], sql: '' });
    }
  }
  return out;
}

/**
 * A changed `dbt_project.yml`: every model (already there on both sides) whose folder-level
 * config now builds another relation (alias, schema, database), another kind of relation
 * (materialized) or none (enabled, ephemeral). Models that set the key themselves are unmoved.
 */
export function projectFileChanges(change: FileChange, repo: RepoContext | undefined): TableChange[] {
  if (!repo || change.before === undefined || change.after === undefined) return [];
  const root = dirOf(change.path);
  const before = parseProject(root, change.before);
  const after = parseProject(root, change.after);
  if (!before || !after) return [];
  const modelsBefore = modelsOf(before, repo, 'before');
  const modelsAfter = modelsOf(after, repo, 'after');
  const propsBefore = projectProperties(before, repo, 'before');
  const propsAfter = projectProperties(after, repo, 'after');
  const added = firstLine(change.addedLines);
  const [line, side]: [number, Side] =
    added !== undefined ? [added, 'after'] : [firstLine(change.removedLines) ?? 1, 'before'];
  const out: TableChange[] = [];
  for (const [name, a] of modelsAfter) {
    const b = modelsBefore.get(name);
    if (!b) continue;
    const cb = modelConfig(
      name,
      folderConfig(before.models, before.name, b.parts),
      propsBefore.get(name) ?? {},
      inFileConfig(b.sql),
    );
    const ca = modelConfig(
      name,
      folderConfig(after.models, after.name, a.parts),
      propsAfter.get(name) ?? {},
      inFileConfig(a.sql),
    );
    if (key(cb) === key(ca)) continue;
    out.push(located(change, ca.relation, cb, ca, line, side, 'dbt_project.yml folder config changed'));
  }
  return out;
}

/**
 * A changed properties file: a model entry whose `config:` now builds another relation or none
 * (alias, schema, database, materialized, enabled). Descriptions, tests and columns build nothing.
 */
export function propertiesChanges(change: FileChange, repo: RepoContext | undefined): TableChange[] {
  const before = change.before !== undefined ? propertiesConfigs(change.before) : new Map();
  const after = change.after !== undefined ? propertiesConfigs(change.after) : new Map();
  const out: TableChange[] = [];
  const lineOf = (text: string | undefined, name: string): number => {
    const i = (text ?? '')
      .split(/\r?\n/)
      .findIndex((l) => new RegExp(`name\\s*:\\s*['"]?${name}['"]?\\s*$`).test(l));
    return i < 0 ? 1 : i + 1;
  };
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    // A model added or removed with its properties entry is reported by its own file.
    if (!before.has(name) || !after.has(name)) continue;
    const layers = (side: Side, props: Record<string, unknown>): ModelConfig => {
      const project = projectOf(change.path, repo, side);
      const parts = project ? underPaths(project, project.modelPaths, change.path) : undefined;
      const folder =
        project && parts ? folderConfig(project.models, project.name, [...parts.slice(0, -1), name]) : {};
      return modelConfig(name, folder, props);
    };
    const cb = layers('before', before.get(name)!);
    const ca = layers('after', after.get(name)!);
    if (key(cb) === key(ca)) continue;
    out.push(
      located(
        change,
        ca.relation,
        cb,
        ca,
        lineOf(change.after, name),
        'after',
        'dbt model config changed in a properties file',
      ),
    );
  }
  return out;
}
