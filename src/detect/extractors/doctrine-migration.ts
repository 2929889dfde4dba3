import { literalAt, positional, type Arg } from '../lang/args.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { sniffDialect, sqlOperationsIn } from '../lang/embedded-sql.js';
import { dottedTable } from '../lang/naming.js';
import type { Operation, Parsed } from '../lang/operations.js';
import {
  functionAt,
  phpAssignments,
  phpFunctions,
  phpStringExpr,
  type PhpFunction,
  type PhpResolver,
} from '../lang/php.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { AlterDetail } from '../types.js';

/** Methods of a Doctrine migration that run when migrating down: nothing there counts. */
const DOWN = new Set(['down', 'preDown', 'postDown']);

/** `Schema` methods that change a table by name. */
const SCHEMA_OPS = ['createTable', 'dropTable', 'renameTable', 'dropTableIfExists'];

/** `Table` methods that change the table, with what they change. */
const TABLE_OPS: Record<string, AlterDetail | undefined> = {
  addColumn: 'add-column',
  dropColumn: 'drop-column',
  renameColumn: 'rename-column',
  modifyColumn: 'column-type',
  changeColumn: 'column-type',
  addIndex: 'index',
  addUniqueIndex: 'index',
  dropIndex: 'index',
  renameIndex: 'index',
  setPrimaryKey: 'index',
  dropPrimaryKey: 'index',
  addForeignKeyConstraint: 'constraint',
  removeForeignKey: 'constraint',
  addUniqueConstraint: 'constraint',
  removeUniqueConstraint: 'constraint',
  addOption: undefined,
  setComment: undefined,
};

/** `Column` setters reached through `$table->getColumn('c')`, with what they change. */
const COLUMN_SETTERS: Record<string, AlterDetail> = {
  setType: 'column-type',
  setLength: 'column-type',
  setPrecision: 'column-type',
  setScale: 'column-type',
  setUnsigned: 'column-type',
  setFixed: 'column-type',
  setNotnull: 'nullability',
  setDefault: 'default',
  setAutoincrement: 'default',
  setComment: 'column-type',
  setColumnDefinition: 'column-type',
  setOptions: 'column-type',
  setPlatformOption: 'column-type',
};

/** Receivers that are a DBAL connection (`$this->connection->`, `$conn->`, `$this->getConnection()->`). */
const CONNECTION = /(?:connection|\$conn|\$db|getConnection\(\s*\))\s*->\s*$/i;
const SQL_CALLS = ['addSql', 'executeStatement', 'executeQuery', 'executeUpdate', 'exec'];
const WRITES = ['insert', 'update', 'delete'];

/** The code `phpStringExpr` could not name: SQL readers take `__` for an unknown table. */
const unknown = (table: string | null): boolean => table === null || /^_+$|\._+$/.test(table);

/**
 * The operations of a Doctrine migration: SQL given to `addSql` (strings, heredocs,
 * concatenations, `sprintf`, variables), the schema API (`$schema->createTable/dropTable`, the
 * `Table` methods of a `getTable`/`createTable` result or of a variable holding one) and the
 * connection's writes, in every method but `down`/`preDown`/`postDown`.
 */
export function doctrineMigrationOps(text: string, resolveClassConst: PhpResolver): Parsed {
  const src = scanSource(text, 'php');
  const fns = phpFunctions(src);
  const assigns = phpAssignments(src);
  const dialect = sniffDialect(text);
  const consts = new Map<string, string>();
  for (const m of src.masked.matchAll(/\bconst\s+(?:\w+\s+)?([A-Za-z_]\w*)\s*=\s*/g)) {
    const v = literalAt(src, m.index + m[0].length);
    if (v !== undefined) consts.set(m[1]!, v);
  }
  const fnOf = (at: number): PhpFunction | undefined => functionAt(fns, at);
  const down = fns.filter((fn) => DOWN.has(fn.name));
  const isDown = (at: number): boolean => down.some((fn) => at >= fn.start && at < fn.end);
  // Each assignment's function, once: calls look up the last assignment of a name before them.
  const byName = new Map<string, Array<{ at: number; start: number; end: number; fn?: PhpFunction }>>();
  for (const a of assigns) {
    const list = byName.get(a.name) ?? [];
    list.push({ ...a, fn: fnOf(a.at) });
    byName.set(a.name, list);
  }
  /** The last assignment of `$name` before `at` in the same function. */
  const assignment = (name: string, at: number) => {
    const list = byName.get(name);
    if (!list) return undefined;
    const fn = fnOf(at);
    let best: { at: number; start: number; end: number } | undefined;
    for (const a of list) if (a.at < at && a.fn === fn && (!best || a.at > best.at)) best = a;
    return best;
  };
  const resolve: PhpResolver = (name, at) => {
    if (name.startsWith('$')) {
      const a = assignment(name, at);
      return a ? literalAt(src, a.start, consts) : undefined;
    }
    const cc = /^\\?([\w\\]+)::(\w+)$/.exec(name);
    if (cc) {
      if (/^(self|static)$/i.test(cc[1]!)) return consts.get(cc[2]!);
      return resolveClassConst(name, at);
    }
    return consts.get(name);
  };
  const nameAt = (offset: number): string | null => {
    const lit = literalAt(src, offset);
    if (lit !== undefined) return dottedTable(lit);
    const id = /^\s*(\$\w+|\\?[\w\\]+::\w+)/.exec(src.masked.slice(offset, offset + 200));
    const v = id ? resolve(id[1]!, offset) : undefined;
    return v === undefined ? null : dottedTable(v);
  };
  const argName = (a: Arg | undefined): string | null => (a ? nameAt(a.value) : null);

  const ops: Operation[] = [];
  const base = (site: CallSite) => ({
    start: lineOf(src, site.at),
    end: site.endLine,
    line: site.startLine,
    down: isDown(site.at),
  });

  // SQL: `$this->addSql(...)`, `$this->connection->executeStatement(...)`.
  for (const site of findCalls(src, SQL_CALLS, false)) {
    if (site.name === 'addSql' ? !/\$this\s*->\s*$/.test(site.receiver) : !CONNECTION.test(site.receiver))
      continue;
    const a = positional(site.call)[0];
    if (!a) continue;
    let [from, to] = [a.value, a.end];
    const single = /^\s*(\$\w+)\s*$/.exec(src.masked.slice(a.value, a.end));
    if (single) {
      const def = assignment(single[1]!, site.at);
      if (def) [from, to] = [def.start, def.end];
    }
    const sql = phpStringExpr(src, from, to, resolve);
    const down = isDown(site.at);
    for (const op of sqlOperationsIn(src, sql, from, dialect)) {
      const table = op.table !== null && unknown(op.table) ? null : op.table;
      ops.push({ ...op, table, down });
    }
  }

  // Data: `$this->connection->insert('t', [...])`, `->update(...)`, `->delete(...)`, and the
  // query builder's `createQueryBuilder()->update('t')`.
  for (const site of findCalls(src, WRITES, false)) {
    if (!CONNECTION.test(site.receiver) && !/createQueryBuilder\(\s*\)\s*->\s*$/.test(site.receiver))
      continue;
    const table = argName(positional(site.call)[0]);
    ops.push({ ...base(site), table, kind: 'data' });
  }

  // Schema API on the `Schema` object.
  for (const site of findCalls(src, SCHEMA_OPS, false)) {
    if (!/schema\s*->\s*$/i.test(site.receiver)) continue;
    const args = positional(site.call);
    const table = argName(args[0]);
    if (site.name === 'renameTable') {
      const to = argName(args[1]);
      ops.push({ ...base(site), table, kind: 'rename', ...(to ? { renamedTo: to } : {}) });
    } else ops.push({ ...base(site), table, kind: site.name === 'createTable' ? 'create' : 'drop' });
  }

  // `Table` methods: on `$schema->getTable('t')->`, or on a variable assigned one.
  const tableOf = (site: CallSite): { table: string | null; created: boolean } | undefined => {
    const chained = /(getTable|createTable)\s*\(/.exec(site.receiver);
    if (chained)
      return {
        table: nameAt(site.at + chained.index + chained[0].length),
        created: chained[1] === 'createTable',
      };
    const v = /^(\$\w+)\s*->\s*(?:getColumn\s*\([^)]*\)\s*->\s*)?$/.exec(site.receiver);
    if (!v) return undefined;
    const def = assignment(v[1]!, site.at);
    if (!def) return undefined;
    const m = /^\s*\$\w+\s*->\s*(getTable|createTable)\s*\(/.exec(src.masked.slice(def.start, def.end));
    return m ? { table: nameAt(def.start + m[0].length), created: m[1] === 'createTable' } : undefined;
  };
  for (const site of findCalls(src, [...Object.keys(TABLE_OPS), ...Object.keys(COLUMN_SETTERS)], false)) {
    const viaColumn = /getColumn\s*\(/.exec(site.receiver);
    const setter = COLUMN_SETTERS[site.name];
    if (setter && !viaColumn) continue;
    if (!setter && !(site.name in TABLE_OPS)) continue;
    if (!setter && viaColumn) continue;
    const t = tableOf(site);
    if (!t) continue;
    const detail = setter ?? TABLE_OPS[site.name];
    const column = viaColumn
      ? literalAt(src, site.at + viaColumn.index + viaColumn[0].length)
      : /Column$/.test(site.name)
        ? literalAt(src, positional(site.call)[0]?.value ?? site.call.end)
        : undefined;
    ops.push({
      ...base(site),
      table: t.table,
      kind: t.created ? 'create' : 'alter',
      ...(detail && !t.created ? { detail } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  }
  return { src, ops };
}

/** Whether a PHP file is a Doctrine migration, by what it holds. */
export const isDoctrineMigration = (text: string): boolean =>
  /\bDoctrine\\Migrations\\/.test(text) ||
  (/\bfunction\s+up\s*\(\s*Schema\s+\$\w+/.test(text) &&
    /\$this\s*->\s*addSql\s*\(|\$schema\s*->/.test(text));

export type { Source };
