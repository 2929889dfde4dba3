import { keyword, literalAt, positional, propIn, type Call } from '../lang/args.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import type { Operation, Parsed } from '../lang/operations.js';
import { scanSource, type Source } from '../lang/source.js';
import type { AlterDetail, ChangeKind, RepoContext } from '../types.js';
import { dataWrites } from './django-data.js';
import { fieldAt, type FieldSig } from './django-fields.js';
import { appDir, appModelFiles, migrationAppLabel } from './django-apps.js';
import { parseModelClasses, tableModels, type TableModel } from './django-models.js';

const OPS: Record<string, ChangeKind> = {
  CreateModel: 'create',
  DeleteModel: 'drop',
  AddField: 'alter',
  RemoveField: 'alter',
  AlterField: 'alter',
  RenameField: 'alter',
  AddIndex: 'alter',
  RemoveIndex: 'alter',
  RenameIndex: 'alter',
  AddConstraint: 'alter',
  RemoveConstraint: 'alter',
  AlterUniqueTogether: 'alter',
  AlterIndexTogether: 'alter',
  AlterOrderWithRespectTo: 'alter',
  AddIndexConcurrently: 'alter',
  RemoveIndexConcurrently: 'alter',
  AlterModelTableComment: 'alter',
};

const DETAIL: Record<string, AlterDetail> = {
  AddField: 'add-column',
  RemoveField: 'drop-column',
  AlterField: 'column-type',
  RenameField: 'rename-column',
  AddIndex: 'index',
  RemoveIndex: 'index',
  RenameIndex: 'index',
  AddIndexConcurrently: 'index',
  RemoveIndexConcurrently: 'index',
  AlterIndexTogether: 'index',
  AddConstraint: 'constraint',
  RemoveConstraint: 'constraint',
  AlterUniqueTogether: 'constraint',
};

/** A Django migration file, recognised by its content wherever it lives. */
export const isMigrationText = (text: string): boolean =>
  /^class\s+\w+\s*\(\s*(migrations\.)?Migration\s*\)\s*:/m.test(text) && /\boperations\s*=/.test(text);

/** The app's models before the change (the state an `AlterField` or `RemoveField` starts from). */
function priorModels(path: string, label: string, repo: RepoContext | undefined): () => TableModel[] {
  let models: TableModel[] | undefined;
  return () => {
    if (!models) {
      const files = appModelFiles(appDir(path, true), repo, 'before');
      const classes = files.flatMap((f) => parseModelClasses(repo!.read(f, 'before') ?? '').classes);
      models = tableModels(classes, label);
    }
    return models;
  };
}

/** The operations of a Django migration: schema operations, RunSQL and the rows RunPython writes. */
export function migrationOps(text: string, path: string, repo: RepoContext | undefined): Parsed {
  const src = scanSource(text, 'python');
  const ops: Operation[] = [];
  // A squashing migration runs only where the migrations it replaces never ran: nothing new.
  if (/^\s+replaces\s*=\s*\[\s*[("']/m.test(src.text)) return { src, ops };
  const app = migrationAppLabel(path, text, repo);
  const prior = priorModels(path, app, repo);
  const tables = new Map<string, string>();
  const tableOf = (model: string): string =>
    tables.get(model.toLowerCase()) ?? `${app}_${model.toLowerCase()}`;
  const arg = (call: Call, key: string, index: number): string | undefined => {
    const a = keyword(call, key) ?? positional(call)[index];
    return a ? literalAt(src, a.value) : undefined;
  };
  const fieldOf = (call: Call): FieldSig | undefined => {
    const a = keyword(call, 'field') ?? positional(call)[2];
    return a ? fieldAt(src, a.value) : undefined;
  };
  const priorField = (model: string, name: string) =>
    prior()
      .find((m) => m.name.toLowerCase() === model.toLowerCase())
      ?.fields.get(name);
  // State-only operations of SeparateDatabaseAndState change nothing in the database.
  const stateOnly: Array<[number, number]> = [];
  for (const site of findCalls(src, ['SeparateDatabaseAndState'], false)) {
    const state = keyword(site.call, 'state_operations');
    if (state) stateOnly.push([state.start, state.end]);
  }
  const names = [...Object.keys(OPS), 'RenameModel', 'AlterModelTable', 'RunSQL', 'RunPython'];
  const sites = findCalls(src, names, false).filter(
    (s) => !stateOnly.some(([a, b]) => s.at >= a && s.at < b),
  );
  const span = (s: CallSite): Pick<Operation, 'start' | 'end'> => ({ start: s.startLine, end: s.endLine });
  for (const site of sites) {
    const call = site.call;
    if (site.name === 'CreateModel') {
      const name = arg(call, 'name', 0);
      if (!name) continue;
      const options = keyword(call, 'options');
      const dbTable = options ? propIn(src, options.value, options.end, 'db_table') : undefined;
      if (dbTable) tables.set(name.toLowerCase(), dbTable);
      ops.push({ table: tableOf(name), kind: 'create', ...span(site) });
      const fields = keyword(call, 'fields') ?? positional(call)[1];
      if (fields) ops.push(...joinTablesIn(src, fields.value, fields.end, tableOf(name)));
    } else if (site.name === 'RenameModel') {
      const from = arg(call, 'old_name', 0);
      const to = arg(call, 'new_name', 1);
      if (!from || !to) continue;
      const old = tableOf(from);
      tables.set(to.toLowerCase(), tables.has(from.toLowerCase()) ? old : `${app}_${to.toLowerCase()}`);
      if (tableOf(to) !== old)
        ops.push({ table: old, kind: 'rename', renamedTo: tableOf(to), ...span(site) });
    } else if (site.name === 'AlterModelTable') {
      const name = arg(call, 'name', 0);
      if (!name) continue;
      const old = tableOf(name);
      const to = arg(call, 'table', 1) ?? `${app}_${name.toLowerCase()}`;
      tables.set(name.toLowerCase(), to);
      ops.push({ table: old, kind: 'rename', renamedTo: to, ...span(site) });
    } else if (site.name === 'RunSQL') {
      const sql = keyword(call, 'sql') ?? positional(call)[0];
      if (sql) ops.push(...sqlOperations(src, sql.start, sql.end));
    } else if (site.name === 'RunPython') {
      const code = keyword(call, 'code') ?? positional(call)[0];
      const fn = code ? /^[A-Za-z_]\w*/.exec(src.masked.slice(code.value, code.end))?.[0] : undefined;
      if (!fn) continue;
      const writes = dataWrites(src, fn, app);
      ops.push(...writes);
      for (const t of new Set(writes.map((w) => w.table)))
        ops.push({ table: t, kind: 'data', ...span(site) });
    } else {
      const model = arg(call, 'model_name', 0) ?? arg(call, 'name', 0);
      if (!model) continue;
      const table = tableOf(model);
      const fieldName = arg(call, 'name', 1) ?? arg(call, 'old_name', 1);
      const newName = site.name === 'RenameField' ? arg(call, 'new_name', 2) : undefined;
      let detail = DETAIL[site.name];
      if (site.name === 'AddField' || site.name === 'AlterField') {
        const field = fieldOf(call);
        if (field?.noColumn) {
          if (field.joinTable && site.name === 'AddField')
            ops.push({ table: `${table}_${fieldName}`, kind: 'create', ...span(site) });
          continue;
        }
        // AlterField restates the whole field: no SQL when only Python-side options changed.
        const old = site.name === 'AlterField' && fieldName ? priorField(model, fieldName) : undefined;
        if (field && old && old.sig === field.sig) continue;
        const bare = (s: string) => s.replace(/(, )?null=\w+/, '');
        if (field && old && bare(old.sig) === bare(field.sig)) detail = 'nullability';
      } else if (site.name === 'RemoveField' && fieldName) {
        const old = priorField(model, fieldName);
        if (old?.noColumn) {
          if (old.joinTable) ops.push({ table: `${table}_${fieldName}`, kind: 'drop', ...span(site) });
          continue;
        }
      }
      ops.push({
        table,
        kind: OPS[site.name]!,
        ...span(site),
        ...(detail ? { detail } : {}),
        ...(detail && /column/.test(detail) && fieldName ? { column: fieldName } : {}),
        ...(site.name === 'RenameField' && newName ? { columnTo: newName } : {}),
      });
    }
  }
  return { src, ops };
}

/** `("tags", models.ManyToManyField(...))` entries of CreateModel's fields: their join tables. */
function joinTablesIn(src: Source, start: number, end: number, table: string): Operation[] {
  const ops: Operation[] = [];
  const re = /\(\s*["']_+["']\s*,\s*/g;
  re.lastIndex = start;
  for (let m = re.exec(src.masked); m && m.index < end; m = re.exec(src.masked)) {
    const field = fieldAt(src, m.index + m[0].length);
    const name = literalAt(src, m.index + 1);
    if (field?.joinTable && name) {
      const line = src.text.slice(0, m.index).split('\n').length;
      ops.push({ table: `${table}_${name}`, kind: 'create', start: line, end: line });
    }
  }
  return ops;
}
