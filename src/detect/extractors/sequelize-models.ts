import { literalAt, positional, propIn, readParenArgs, type Arg } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { signature, type SchemaEntry, type SchemaModel } from '../lang/model-schema.js';
import { ormTable, pluralize } from '../lang/naming.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { RepoContext } from '../types.js';

/**
 * Where a project sets Sequelize's global model options (`define: { freezeTableName: true }`):
 * sequelize-cli's config, the file that builds the `new Sequelize(...)` instance.
 */
export const SEQUELIZE_CONFIG_GLOBS = [
  '**/config/{config,database,db,sequelize}.{js,cjs,mjs,ts,json}',
  '**/{models,db,database,sequelize,sequelize-db}/index.{js,cjs,mjs,ts}',
  '**/{sequelize,database,db}.{js,cjs,mjs,ts}',
  '**/.sequelizerc',
];

/** Whether the project's global `define` options freeze table names (one side of the diff). */
export function frozenByConfig(repo: RepoContext | undefined, side: 'before' | 'after'): boolean {
  if (!repo) return false;
  for (const glob of SEQUELIZE_CONFIG_GLOBS) {
    for (const path of repo.list(glob, side)) {
      const text = repo.read(path, side) ?? '';
      if (/["']?define["']?\s*:\s*\{[^}]*["']?freezeTableName["']?\s*:\s*true/.test(text)) return true;
    }
  }
  return false;
}

/** Attribute options that live only in the application: validation, getters and setters. */
const APP_ONLY = new Set(['validate', 'get', 'set']);
/** Model options that live only in the application. */
const APP_OPTIONS = new Set([
  'hooks',
  'scopes',
  'defaultScope',
  'validate',
  'getterMethods',
  'setterMethods',
  'instanceMethods',
  'classMethods',
  'sequelize',
  'modelName',
]);

/** The key of an object-literal member, including methods (`get() {}`) and quoted keys. */
function memberKey(src: Source, a: Arg): string | undefined {
  if (a.key !== undefined) return a.key;
  const head = src.masked.slice(a.start, a.end);
  if (/^\s*(["'])_*\1\s*:/.test(head)) return literalAt(src, a.start);
  return /^\s*(?:async\s+)?(?:get\s+|set\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(head)?.[1];
}

/** The signature of an object literal at `open` without the members `skip` names (recursively one level). */
function objectSig(src: Source, open: number, skip: ReadonlySet<string>): string {
  if (src.masked[open] !== '{') return '';
  return readParenArgs(src, open)
    .args.filter((a) => !skip.has(memberKey(src, a) ?? ''))
    .map((a) => signature(src, a.start, a.end))
    .filter((s) => s !== '')
    .sort()
    .join(',');
}

/** The entries of an attributes object: one per column, its definition without validators or accessors. */
function attributeEntries(src: Source, open: number): SchemaEntry[] {
  if (src.masked[open] !== '{') return [];
  const entries: SchemaEntry[] = [];
  for (const a of readParenArgs(src, open).args) {
    const name = memberKey(src, a);
    if (!name || /^\s*\.\.\./.test(src.masked.slice(a.start, a.end))) continue;
    let v = a.value;
    while (/\s/.test(src.masked[v] ?? '')) v++;
    const sig = src.masked[v] === '{' ? objectSig(src, v, APP_ONLY) : signature(src, v, a.end);
    entries.push({
      key: `column:${name}`,
      sig,
      line: lineOf(src, a.start + (src.masked.slice(a.start).search(/\S/) || 0)),
    });
  }
  return entries;
}

/** The entries of a model's options: everything but hooks, scopes and validators. */
function optionEntries(src: Source, open: number | undefined): SchemaEntry[] {
  if (open === undefined || src.masked[open] !== '{') return [];
  return readParenArgs(src, open)
    .args.filter((a) => !APP_OPTIONS.has(memberKey(src, a) ?? ''))
    .map((a) => ({ key: `option:${signature(src, a.start, a.end)}`, sig: '', line: lineOf(src, a.start) }))
    .filter((e) => e.key !== 'option:');
}

/** The table of a model: `tableName`, else the model name (plural unless `freezeTableName`, here or globally). */
function tableFor(src: Source, optionsAt: number | undefined, modelName: string, frozen: boolean): string {
  if (optionsAt !== undefined && src.masked[optionsAt] === '{') {
    const end = matchBracket(src, optionsAt);
    const explicit = propIn(src, optionsAt, end, 'tableName');
    const schema = propIn(src, optionsAt, end, 'schema');
    const model = propIn(src, optionsAt, end, 'modelName') ?? modelName;
    const freeze = /\bfreezeTableName\s*:\s*(true|false)\b/.exec(src.masked.slice(optionsAt, end));
    const isFrozen = freeze ? freeze[1] === 'true' : frozen;
    return ormTable(explicit ?? (isFrozen ? model : pluralize(model)), schema);
  }
  return ormTable(frozen ? modelName : pluralize(modelName));
}

const skipSpace = (src: Source, k: number): number => {
  while (k < src.masked.length && /\s/.test(src.masked[k]!)) k++;
  return k;
};

/**
 * Models with their effective schema: `sequelize.define('User', attrs, options)`,
 * `User.init(attrs, options)` (columns without validators and accessors; options without hooks
 * and scopes). `frozen`: the project freezes table names globally.
 */
export function modelSchemas(text: string, frozen: boolean): { src: Source; models: SchemaModel[] } {
  const src = scanSource(text, 'js');
  const models: SchemaModel[] = [];
  for (const site of findCalls(src, ['define', 'init'], false)) {
    const args = positional(site.call);
    let modelName: string | undefined;
    let attrs: Arg | undefined;
    let options: Arg | undefined;
    if (site.name === 'define') {
      modelName = args[0] ? literalAt(src, args[0].value) : undefined;
      [, attrs, options] = args;
    } else {
      modelName = /^(\w+)\s*\.\s*$/.exec(site.receiver)?.[1];
      [attrs, options] = args;
      if (!modelName || !new RegExp(`class\\s+${modelName}\\s+extends\\s+Model\\b`).test(src.masked))
        continue;
    }
    if (!modelName) continue;
    const optionsAt = options ? skipSpace(src, options.value) : undefined;
    models.push({
      name: modelName,
      table: tableFor(src, optionsAt, modelName, frozen),
      line: site.startLine,
      entries: [
        ...(attrs ? attributeEntries(src, skipSpace(src, attrs.value)) : []),
        ...optionEntries(src, optionsAt),
      ],
    });
  }
  return { src, models };
}
