// The YAML parser is loaded on first use, so a change without dbt files never loads it.
import { yaml } from '../../util/yaml-lazy.js';
import type { RepoContext } from '../types.js';

type Side = 'before' | 'after';
type Config = Record<string, unknown>;

/** Configs that decide which relation a model builds, and whether it builds one. */
export const RELATION_KEYS = ['enabled', 'materialized', 'alias', 'schema', 'database'] as const;

/** Globs of the files that decide a dbt relation's name and whether it is built. */
export const DBT_CONTEXT_GLOBS = [
  '**/dbt_project.yml',
  '**/models/**/*.sql',
  '**/models/**/*.{yml,yaml}',
  '**/seeds/**/*.{yml,yaml}',
];

/** A dbt project as its `dbt_project.yml` describes it. */
export interface DbtProject {
  /** The folder holding dbt_project.yml ('' at the repository root). */
  root: string;
  name: string | undefined;
  modelPaths: string[];
  seedPaths: string[];
  models: Config;
  seeds: Config;
}

const asMap = (v: unknown): Config => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Config) : {});
const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;

/** Parses a dbt_project.yml text (undefined when it is not YAML). */
export function parseProject(root: string, text: string): DbtProject | undefined {
  let doc: Config;
  try {
    doc = asMap(yaml().parse(text, { uniqueKeys: false }));
  } catch {
    return undefined;
  }
  return {
    root,
    name: typeof doc.name === 'string' ? doc.name : undefined,
    modelPaths: strings(doc['model-paths'] ?? doc['source-paths'], ['models']),
    seedPaths: strings(doc['seed-paths'] ?? doc['data-paths'], ['seeds']),
    models: asMap(doc.models),
    seeds: asMap(doc.seeds),
  };
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const baseName = (path: string): string =>
  path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
const join = (a: string, b: string): string => (a ? `${a}/${b}` : b);

/** The dbt project a file belongs to at one side: the nearest dbt_project.yml above it. */
export function projectOf(path: string, repo: RepoContext | undefined, side: Side): DbtProject | undefined {
  if (!repo) return undefined;
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    const text = repo.read(join(dir, 'dbt_project.yml'), side);
    if (text !== undefined)
      return cached(repo, `project\u0000${side}\u0000${dir}`, () => parseProject(dir, text));
    if (dir === '') return undefined;
  }
}

/** Where a file lies under one of the project's paths: the folders below it and its name, or undefined. */
export function underPaths(project: DbtProject, paths: string[], path: string): string[] | undefined {
  for (const p of paths) {
    const prefix = `${join(project.root, p.replace(/\/+$/, ''))}/`;
    if (path.startsWith(prefix))
      return [...path.slice(prefix.length).split('/').slice(0, -1), baseName(path)];
  }
  return undefined;
}

const CONFIG_KEYS = new Set<string>([...RELATION_KEYS, 'tags', 'docs', 'persist_docs', 'full_refresh']);

/**
 * The folder-level config of `dbt_project.yml` for a resource at `parts` (folders, then its
 * name): `+key` entries (and bare config keys) of the project's block and every folder block
 * on the way down, the deepest winning.
 */
export function folderConfig(tree: Config, projectName: string | undefined, parts: string[]): Config {
  const out: Config = {};
  const apply = (level: Config): void => {
    for (const [k, v] of Object.entries(level)) {
      const key = k.startsWith('+') ? k.slice(1) : k;
      if (k.startsWith('+') || (CONFIG_KEYS.has(key) && (v === null || typeof v !== 'object'))) out[key] = v;
    }
  };
  apply(tree);
  let level = asMap(projectName !== undefined ? tree[projectName] : undefined);
  if (projectName === undefined || !(projectName in tree)) return out;
  apply(level);
  for (const part of parts) {
    const next = level[part];
    if (!next || typeof next !== 'object') break;
    level = asMap(next);
    apply(level);
  }
  return out;
}

/** `{{ config(materialized='table', alias="x") }}` in a model file: its literal relation keys. */
export function inFileConfig(sql: string): Config {
  const out: Config = {};
  for (const m of sql.matchAll(/\{\{-?\s*config\s*\(([\s\S]*?)\)\s*-?\}\}/g)) {
    for (const kv of m[1]!.matchAll(/\b(\w+)\s*=\s*(?:(['"])([^'"]*)\2|(true|false|True|False))/g)) {
      out[kv[1]!] = kv[3] ?? /^t/i.test(kv[4]!);
    }
  }
  return out;
}

/** The `models:` (or `seeds:`) entries of a properties file: name → its `config:` block. */
export function propertiesConfigs(text: string, key: 'models' | 'seeds' = 'models'): Map<string, Config> {
  const out = new Map<string, Config>();
  let doc: Config;
  try {
    doc = asMap(yaml().parse(text, { uniqueKeys: false }));
  } catch {
    return out;
  }
  const list = doc[key];
  if (!Array.isArray(list)) return out;
  for (const entry of list) {
    const e = asMap(entry);
    if (typeof e.name === 'string') out.set(e.name, { ...asMap(e.config) });
  }
  return out;
}

/** A model's relation-deciding config: its own (file, then properties) over the folder's. */
export interface ModelConfig {
  enabled: boolean;
  materialized: string;
  relation: string;
  schema?: string;
  database?: string;
}

/** Whether a model (or seed) with this config builds a relation. */
export const builds = (c: ModelConfig): boolean => c.enabled && c.materialized !== 'ephemeral';

/** Combines folder, properties and file configs into the relation a model builds. */
export function modelConfig(name: string, ...layers: Config[]): ModelConfig {
  const merged: Config = Object.assign({}, ...layers);
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && !/\{\{|\{%/.test(v) ? v : undefined;
  const c: ModelConfig = {
    enabled: merged.enabled !== false && merged.enabled !== 'false',
    materialized: text(merged.materialized) ?? (merged.materialized === undefined ? 'view' : 'unknown'),
    relation: text(merged.alias) ?? name,
  };
  if (merged.schema !== undefined) c.schema = String(merged.schema);
  if (merged.database !== undefined) c.database = String(merged.database);
  return c;
}

/** Per repository context (one diff): what was already read, by project folder and side. */
const memo = new WeakMap<RepoContext, Map<string, unknown>>();
function cached<T>(repo: RepoContext, key: string, make: () => T): T {
  let m = memo.get(repo);
  if (!m) memo.set(repo, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** Properties configs of every model of a project at one side, by model name. */
export function projectProperties(project: DbtProject, repo: RepoContext, side: Side): Map<string, Config> {
  return cached(repo, `props\u0000${side}\u0000${project.root}`, () => readProperties(project, repo, side));
}

function readProperties(project: DbtProject, repo: RepoContext, side: Side): Map<string, Config> {
  const out = new Map<string, Config>();
  for (const p of project.modelPaths) {
    for (const file of repo.list(`${join(project.root, p)}/**/*.{yml,yaml}`, side)) {
      const text = repo.read(file, side);
      if (text === undefined || !/^models\s*:/m.test(text)) continue;
      for (const [name, config] of propertiesConfigs(text)) out.set(name, config);
    }
  }
  return out;
}

/** The effective config of the model at `path` at one side, from the repository. */
export function effectiveModelConfig(
  path: string,
  sql: string,
  repo: RepoContext | undefined,
  side: Side,
): ModelConfig | undefined {
  const project = projectOf(path, repo, side);
  if (!project || !repo) return undefined;
  const parts = underPaths(project, project.modelPaths, path);
  if (!parts) return undefined;
  const name = baseName(path);
  const props = projectProperties(project, repo, side).get(name) ?? {};
  return modelConfig(name, folderConfig(project.models, project.name, parts), props, inFileConfig(sql));
}
