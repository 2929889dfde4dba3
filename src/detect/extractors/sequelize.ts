import { literalAt, positional, propIn, type Arg } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { stringConstants } from '../lang/constants.js';
import { JS_DOWN, JS_UP, downRanges, inRanges } from '../lang/directions.js';
import { sniffDialect } from '../lang/embedded-sql.js';
import { migrationCallOps } from '../lang/migration-call.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable, pluralize } from '../lang/naming.js';
import {
  changesFromModels,
  changesFromOperations,
  type Model,
  type Operation,
  type Parsed,
} from '../lang/operations.js';
import { changesFromSchemas } from '../lang/model-schema.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import { SEQUELIZE_CONFIG_GLOBS, frozenByConfig, modelSchemas } from './sequelize-models.js';
import { isConsolidation } from '../lang/consolidation.js';
import { isModelDataMigration, modelDataChanges, SEQUELIZE_MODEL_GLOBS } from './sequelize-data.js';
import type { AlterDetail, ChangeKind, Extractor } from '../types.js';

const QI: Record<string, ChangeKind> = {
  createTable: 'create',
  dropTable: 'drop',
  renameTable: 'rename',
  bulkInsert: 'data',
  bulkUpdate: 'data',
  bulkDelete: 'data',
  upsert: 'data',
};
/** What each query interface alter changes, and whether its second argument names the column. */
const DETAILS: Record<string, { detail: AlterDetail; column?: true }> = {
  addColumn: { detail: 'add-column', column: true },
  removeColumn: { detail: 'drop-column', column: true },
  // changeColumn restates the whole definition: a type change is the strongest claim.
  changeColumn: { detail: 'column-type', column: true },
  renameColumn: { detail: 'rename-column', column: true },
  addIndex: { detail: 'index' },
  removeIndex: { detail: 'index' },
  addConstraint: { detail: 'constraint' },
  removeConstraint: { detail: 'constraint' },
};
const ALTERS = Object.keys(DETAILS);

function migrationOps(text: string): Parsed {
  const src = scanSource(text, 'js');
  const consts = stringConstants(src);
  const down = downRanges(src, JS_UP, JS_DOWN);
  const ops: Operation[] = [];
  const qi = new Set(['queryInterface', 'qi']);
  for (const m of src.masked.matchAll(UP_PARAM)) qi.add((m[1] ?? m[2])!);
  const tableArg = (a: Arg | undefined): string | null => {
    if (!a) return null;
    const direct = literalAt(src, a.value, consts);
    if (direct !== undefined) return ormTable(direct);
    if (src.masked[a.value] === '{') {
      const name = propIn(src, a.value, a.end, 'tableName');
      const schema = propIn(src, a.value, a.end, 'schema');
      return name ? ormTable(name, schema) : null;
    }
    return null;
  };
  for (const site of findCalls(src, [...Object.keys(QI), ...ALTERS, 'query'], false)) {
    const root = /^\w+/.exec(site.receiver)?.[0] ?? '';
    if (
      site.name === 'query'
        ? !/sequelize\s*\.\s*$/.test(site.receiver) && !qi.has(root)
        : !qi.has(root) || site.receiver.split('.').length > 2
    )
      continue;
    const found = migrationCallOps(
      src,
      site,
      inRanges(down, site.startLine),
      QI,
      tableArg,
      sniffDialect(text),
    );
    const shape = DETAILS[site.name];
    if (!shape) {
      ops.push(...found);
      continue;
    }
    // A column name held in a variable leaves the alter bare: dcr does not guess.
    const arg = positional(site.call)[1];
    const column = shape.column && arg ? literalAt(src, arg.value, consts) : undefined;
    const toArg = shape.detail === 'rename-column' ? positional(site.call)[2] : undefined;
    const to = toArg ? literalAt(src, toArg.value, consts) : undefined;
    for (const op of found)
      if (!shape.column) ops.push({ ...op, detail: shape.detail });
      else
        ops.push(
          column === undefined
            ? op
            : { ...op, detail: shape.detail, column, ...(to !== undefined ? { columnTo: to } : {}) },
        );
  }
  return { src, ops };
}

/** The table of a model: `tableName`, else the model name (plural unless `freezeTableName`). */
function tableFor(src: Source, optionsAt: number | undefined, modelName: string): string {
  if (optionsAt !== undefined && src.masked[optionsAt] === '{') {
    const end = matchBracket(src, optionsAt);
    const explicit = propIn(src, optionsAt, end, 'tableName');
    const schema = propIn(src, optionsAt, end, 'schema');
    const model = propIn(src, optionsAt, end, 'modelName') ?? modelName;
    const frozen = /\bfreezeTableName\s*:\s*true\b/.test(src.masked.slice(optionsAt, end));
    return ormTable(explicit ?? (frozen ? model : pluralize(model)), schema);
  }
  return ormTable(pluralize(modelName));
}

/** sequelize-typescript `@Table(options) class` models (and any define/init beside them), compared by lines. */
function modelSet(text: string): { src: Source; models: Model[] } {
  const src = scanSource(text, 'js');
  const models: Model[] = [];
  for (const site of findCalls(src, ['define', 'init'], false)) {
    const args = positional(site.call);
    let modelName: string | undefined;
    let options: Arg | undefined;
    if (site.name === 'define') {
      modelName = args[0] ? literalAt(src, args[0].value) : undefined;
      options = args[2];
    } else {
      modelName = /^(\w+)\s*\.\s*$/.exec(site.receiver)?.[1];
      options = args[1];
      if (!modelName || !new RegExp(`class\\s+${modelName}\\s+extends\\s+Model\\b`).test(src.masked))
        continue;
    }
    if (!modelName) continue;
    models.push({
      name: modelName,
      table: tableFor(src, options?.value, modelName),
      start: site.startLine,
      end: site.endLine,
    });
  }
  for (const m of src.masked.matchAll(/@Table\s*(\()?/g)) {
    const open = m[1] ? m.index + m[0].length - 1 : undefined;
    const after = open !== undefined ? matchBracket(src, open) : m.index + m[0].length;
    const cls = /^[\s\S]*?\bclass\s+(\w+)[^{]*\{/.exec(src.masked.slice(after, after + 2000));
    if (!cls) continue;
    const end = matchBracket(src, after + cls[0].length - 1);
    const optionsAt =
      open !== undefined ? open + 1 + /^\s*/.exec(src.masked.slice(open + 1))![0].length : undefined;
    models.push({
      name: cls[1]!,
      table: tableFor(src, optionsAt, cls[1]!),
      start: lineOf(src, m.index),
      end: lineOf(src, end - 1),
    });
  }
  return { src, models };
}

const MIGRATION_TEXT = /\bqueryInterface\b|\bQueryInterface\b/;
/** The first parameter of `up` (`up(qi, Sequelize)`, `up: async (context) =>`, umzug's `up({ context: qi })`). */
const UP_PARAM =
  /\bup\s*[:=]?\s*(?:async\s*)?(?:function\s*)?\(\s*(\w+)|\bup\s*[:=]?\s*(?:async\s*)?(?:function\s*)?\(\s*\{\s*context\s*:\s*(\w+)/g;
const QI_METHODS = [...Object.keys(QI), ...ALTERS].join('|');

/**
 * A Sequelize migration, by content: it names the query interface, or its `up` calls query
 * interface methods on its first parameter (whatever the parameter is called) in a file that
 * uses Sequelize.
 */
function isMigration(text: string): boolean {
  if (MIGRATION_TEXT.test(text)) return true;
  if (!/sequelize|DataTypes/i.test(text)) return false;
  for (const m of text.matchAll(UP_PARAM)) {
    const p = (m[1] ?? m[2])!;
    if (new RegExp(`\\b${p}\\s*\\.\\s*(?:${QI_METHODS})\\s*\\(`).test(text)) return true;
  }
  return false;
}

/** Sequelize: migrations (`queryInterface.*` in `up`) and model definitions. */
export const sequelizeExtractor: Extractor = {
  id: 'sequelize',
  contextGlobs: [...SEQUELIZE_CONFIG_GLOBS, ...SEQUELIZE_MODEL_GLOBS],
  matches: (path, text) =>
    /\.(c|m)?[jt]s$/.test(path) &&
    !isIgnoredPath(path) &&
    (isMigration(text) ||
      (/\bsequelize\b/i.test(text) && /\.define\s*\(|\.init\s*\(|@Table\b/.test(text)) ||
      isModelDataMigration(path, text)),
  extract: (change, options) => {
    const text = change.after ?? change.before ?? '';
    if (!isMigration(text) && isModelDataMigration(change.path, text))
      return modelDataChanges(change, options.repo);
    // A deleted migration undoes nothing in a database that ran it: usually a squash, whose
    // edited survivors change nothing either.
    if (isMigration(text))
      return change.status === 'deleted' || isConsolidation(change, options.changedFiles)
        ? []
        : changesFromOperations(change, migrationOps);
    if (/@Table\b/.test(text)) return changesFromModels(change, modelSet);
    return changesFromSchemas(change, (t, side) => modelSchemas(t, frozenByConfig(options.repo, side)));
  },
};
