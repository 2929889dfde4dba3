import type {
  AlterObjectSchemaStmt,
  AlterTableStmt,
  CommentStmt,
  CopyStmt,
  CreateStmt,
  CreateTableAsStmt,
  DropStmt,
  GrantStmt,
  Node,
  ObjectType,
  ParseResult,
  RangeVar,
  RenameStmt,
  SelectStmt,
  ViewStmt,
  WithClause,
} from 'libpg-query';
import type { ChangeKind } from '../types.js';
import { TreeNames } from './pg-names.js';
import type { SqlTarget } from './target.js';
import type { Token } from './tokenize.js';

/** Object types whose DDL changes a table (views and foreign tables are relations too). */
const RELATIONS = new Set<ObjectType | undefined>([
  'OBJECT_TABLE',
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_FOREIGN_TABLE',
]);
/** Objects that live on a table: dropping or renaming one alters the table. */
const ON_TABLE = new Set<ObjectType | undefined>(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);
const DATA_CHANGES = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** Unwraps a tree node: `{ CreateStmt: {...} }` → ['CreateStmt', {...}]. */
const unwrap = (node: Node | undefined): [string, Record<string, unknown>] => {
  const entry = node ? Object.entries(node)[0] : undefined;
  return entry ? [entry[0], entry[1] as Record<string, unknown>] : ['', {}];
};

/** The String items of a List node (a dotted name). */
const listParts = (node: Node | undefined): string[] => {
  const [, list] = unwrap(node);
  return ((list.items as Node[] | undefined) ?? []).map((i) => String(unwrap(i)[1].sval ?? ''));
};

/**
 * The targets of one PostgreSQL statement, read from PostgreSQL's own parse tree: DDL targets,
 * INSERT/UPDATE/DELETE/MERGE/COPY/TRUNCATE targets, renames, views. Reads (FK references,
 * SELECT and view sources) are never visited. Undefined asks for the tokenizer classifier,
 * which scans what the tree keeps in a string (a `DO` body).
 */
export function pgTreeTargets(
  tree: ParseResult,
  tokens: readonly Token[],
  text: string,
): SqlTarget[] | undefined {
  const names = new TreeNames(tokens, text);
  const out: SqlTarget[] = [];
  for (const raw of tree.stmts ?? []) {
    const at = Math.max(0, names.tokenAt(raw.stmt_location ?? 0));
    const found = statement(raw.stmt, at, names);
    if (found === undefined) return undefined;
    out.push(...found);
  }
  return out;
}

function statement(node: Node | undefined, at: number, names: TreeNames): SqlTarget[] | undefined {
  const out: SqlTarget[] = [];
  const add = (table: string, kind: ChangeKind, extra: Partial<SqlTarget> = {}): void => {
    out.push({ table, kind, at, ...extra });
  };
  /** A relation target; temporary tables are session scratch, never a change. */
  const rel = (rv: RangeVar | undefined, kind: ChangeKind, extra: Partial<SqlTarget> = {}): void => {
    if (rv && rv.relpersistence !== 't') add(names.relation(rv), kind, extra);
  };
  const [type, s] = unwrap(node);
  if (DATA_CHANGES.has(type) || type === 'SelectStmt')
    out.push(...withTargets(s.withClause as WithClause, names));
  switch (type) {
    case 'DoStmt':
      return undefined;
    case 'CreateStmt':
      rel((s as CreateStmt).relation, 'create');
      break;
    case 'CreateForeignTableStmt':
      rel((s.base as CreateStmt | undefined)?.relation, 'create');
      break;
    case 'CreateTableAsStmt':
      rel((s as CreateTableAsStmt).into?.rel, 'create');
      break;
    case 'ViewStmt': {
      const v = s as ViewStmt;
      rel(v.view, 'create', v.replace ? { note: 'view definition replaced' } : {});
      break;
    }
    case 'SelectStmt':
      // SELECT ... INTO new_table creates it.
      rel((s as SelectStmt).intoClause?.rel, 'create');
      break;
    case 'AlterTableStmt': {
      const a = s as AlterTableStmt;
      if (RELATIONS.has(a.objtype)) rel(a.relation, 'alter');
      break;
    }
    case 'AlterObjectSchemaStmt': {
      const a = s as AlterObjectSchemaStmt;
      if (RELATIONS.has(a.objectType)) rel(a.relation, 'alter');
      break;
    }
    case 'RenameStmt': {
      const r = s as RenameStmt;
      if (RELATIONS.has(r.renameType)) rel(r.relation, 'rename', renamedTo(names, r.relation));
      else if (['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT'].includes(r.renameType ?? ''))
        rel(r.relation, 'alter');
      break;
    }
    case 'DropStmt': {
      const d = s as DropStmt;
      for (const o of d.objects ?? []) {
        const parts = listParts(o);
        if (RELATIONS.has(d.removeType)) add(names.parts(parts), 'drop');
        // `DROP INDEX ix` names no table: resolved from the statement that created the index.
        else if (d.removeType === 'OBJECT_INDEX')
          out.push({ table: null, kind: 'alter', at, index: parts.join('.') });
        // `DROP TRIGGER t ON x`: the list is the table's parts and then the trigger's name.
        else if (ON_TABLE.has(d.removeType) && parts.length > 1)
          add(names.parts(parts.slice(0, -1)), 'alter');
      }
      break;
    }
    case 'TruncateStmt':
      for (const r of (s.relations as Node[] | undefined) ?? []) rel(unwrap(r)[1] as RangeVar, 'data');
      break;
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
    case 'RefreshMatViewStmt':
      rel(s.relation as RangeVar, 'data');
      break;
    case 'CopyStmt': {
      const c = s as CopyStmt;
      if (c.is_from) rel(c.relation, 'data');
      break;
    }
    case 'IndexStmt':
    case 'CreateTrigStmt':
    case 'RuleStmt':
      rel(s.relation as RangeVar, 'alter');
      break;
    case 'CreatePolicyStmt':
      rel(s.table as RangeVar, 'alter');
      break;
    case 'CommentStmt': {
      const c = s as CommentStmt;
      const parts = listParts(c.object);
      if (RELATIONS.has(c.objtype)) add(names.parts(parts), 'alter');
      else if (c.objtype === 'OBJECT_COLUMN' && parts.length > 1)
        add(names.parts(parts.slice(0, -1)), 'alter');
      break;
    }
    case 'GrantStmt': {
      const g = s as GrantStmt;
      if (g.targtype === 'ACL_TARGET_OBJECT' && g.objtype === 'OBJECT_TABLE')
        for (const o of g.objects ?? [])
          rel(unwrap(o)[1] as RangeVar, 'alter', { note: 'permission change' });
      break;
    }
    case 'PrepareStmt': {
      // PREPARE p AS <statement>: what it would change, attributed to the statement after AS.
      const as = names.wordAfter(at, 'AS');
      const inner = statement(s.query as Node, as < 0 ? at : as + 1, names);
      if (inner === undefined) return undefined;
      out.push(...inner);
      break;
    }
  }
  return out;
}

/** Data-modifying CTEs (`WITH moved AS (DELETE FROM a RETURNING *) ...`) write their tables. */
function withTargets(clause: WithClause | undefined, names: TreeNames): SqlTarget[] {
  const out: SqlTarget[] = [];
  for (const cte of clause?.ctes ?? []) {
    const [, c] = unwrap(cte);
    const query = c.ctequery as Node | undefined;
    if (!DATA_CHANGES.has(unwrap(query)[0])) continue;
    out.push(...(statement(query, bodyStart(names, c.location as number | undefined), names) ?? []));
  }
  return out;
}

/** The first token of a CTE's body: after the `(` that follows `AS` (and MATERIALIZED). */
function bodyStart(names: TreeNames, location: number | undefined): number {
  const from = names.tokenAt(location);
  const as = names.wordAfter(from, 'AS');
  for (let k = as; k >= 0 && k < names.tokens.length; k++) if (names.tokens[k]!.text === '(') return k + 1;
  return Math.max(0, from);
}

/** The new name of a table rename as written: the token after `TO` in `ALTER TABLE t RENAME TO x`. */
function renamedTo(names: TreeNames, table: RangeVar | undefined): Partial<SqlTarget> {
  const to = names.wordAfter(names.tokenAt(table?.location) + 1, 'TO');
  const name = to < 0 ? undefined : names.tokens[to + 1];
  return name && (name.type === 'word' || name.type === 'ident') ? { renamedTo: name.text } : {};
}
