import { keyword, literalAt, positional, type Call } from '../lang/args.js';
import { stringConstants } from '../lang/constants.js';
import { csharpCalls, csharpStringText, guardsAt, methodLines, type CsCall } from '../lang/csharp.js';
import { sqlOperationsIn } from '../lang/embedded-sql.js';
import { inRanges } from '../lang/directions.js';
import { collapseRebuilds } from '../sql/rebuilds.js';
import { ormTable } from '../lang/naming.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { firstStringFrom, scanSource, type Source } from '../lang/source.js';
import type { AlterDetail, ChangeKind, FileChange, TableChange } from '../types.js';

type Shape = { kind: ChangeKind; table: 'name' | 'table' | 'data'; detail?: AlterDetail; column?: boolean };

/** `MigrationBuilder` operations that change a table, by where their table argument sits. */
const OPS: Record<string, Shape> = {
  CreateTable: { kind: 'create', table: 'name' },
  DropTable: { kind: 'drop', table: 'name' },
  RenameTable: { kind: 'rename', table: 'name' },
  AlterTable: { kind: 'alter', table: 'name' },
  AddColumn: { kind: 'alter', table: 'table', detail: 'add-column', column: true },
  DropColumn: { kind: 'alter', table: 'table', detail: 'drop-column', column: true },
  RenameColumn: { kind: 'alter', table: 'table', detail: 'rename-column', column: true },
  AlterColumn: { kind: 'alter', table: 'table', column: true },
  CreateIndex: { kind: 'alter', table: 'table', detail: 'index' },
  DropIndex: { kind: 'alter', table: 'table', detail: 'index' },
  RenameIndex: { kind: 'alter', table: 'table', detail: 'index' },
  AddForeignKey: { kind: 'alter', table: 'table', detail: 'constraint' },
  DropForeignKey: { kind: 'alter', table: 'table', detail: 'constraint' },
  AddPrimaryKey: { kind: 'alter', table: 'table', detail: 'constraint' },
  DropPrimaryKey: { kind: 'alter', table: 'table', detail: 'constraint' },
  AddUniqueConstraint: { kind: 'alter', table: 'table', detail: 'constraint' },
  DropUniqueConstraint: { kind: 'alter', table: 'table', detail: 'constraint' },
  AddCheckConstraint: { kind: 'alter', table: 'table', detail: 'constraint' },
  DropCheckConstraint: { kind: 'alter', table: 'table', detail: 'constraint' },
  InsertData: { kind: 'data', table: 'data' },
  UpdateData: { kind: 'data', table: 'data' },
  DeleteData: { kind: 'data', table: 'data' },
};

/** The SQL dialect a migration targets, from the provider's own marks in it. */
export function efDialect(text: string): string | undefined {
  if (
    /\bIsNpgsql\s*\(|"Npgsql:|\btimestamp with time zone\b|type:\s*"(?:jsonb|boolean|uuid|bytea)"/.test(text)
  )
    return 'postgres';
  if (/\bIsSqlServer\s*\(|"SqlServer:|type:\s*"(?:nvarchar|bit|datetime2|uniqueidentifier)/.test(text))
    return 'sqlserver';
  if (/\bIsMySql\s*\(|"MySql:|CHARACTER SET utf8mb4|type:\s*"(?:longtext|tinyint\(1\))/.test(text))
    return 'mysql';
  if (/\bIsSqlite\s*\(|"Sqlite:/.test(text)) return 'sqlite';
  return undefined;
}

const constants = new WeakMap<Source, Map<string, string>>();
const constantsOf = (src: Source): Map<string, string> => {
  let c = constants.get(src);
  if (!c) constants.set(src, (c = stringConstants(src)));
  return c;
};

/** A name argument: a string, a constant of the file (`const string Table = "x"`) or `nameof(X)`. */
const str = (src: Source, call: Call, key: string, pos?: number): string | undefined => {
  const a = keyword(call, key) ?? (pos === undefined ? undefined : positional(call)[pos]);
  if (!a) return undefined;
  const code = src.masked.slice(a.value, a.end);
  return (
    literalAt(src, a.value, constantsOf(src)) ??
    /^\s*nameof\s*\(\s*(?:[\w.]+\.)?(\w+)\s*\)\s*$/.exec(code)?.[1]
  );
};
const argText = (src: Source, call: Call, key: string): string | undefined => {
  const a = keyword(call, key);
  return a ? src.text.slice(a.value, a.end).replace(/\s+/g, '') : undefined;
};

/** What an `AlterColumn` changes: its type, its nullability or its default (compared with the `old*` arguments). */
function alterDetail(src: Source, call: Call): AlterDetail {
  const differs = (k: string, old: string) => argText(src, call, k) !== argText(src, call, old);
  if (differs('type', 'oldType') || differs('maxLength', 'oldMaxLength')) return 'column-type';
  if (differs('nullable', 'oldNullable')) return 'nullability';
  return 'default';
}

function tableOp(src: Source, site: CsCall, down: boolean): Operation {
  const shape = OPS[site.name]!;
  const { call } = site;
  const schema = str(src, call, 'schema');
  const name = str(src, call, shape.table === 'name' ? 'name' : 'table', shape.table === 'table' ? 1 : 0);
  const op: Operation = {
    table: name === undefined ? null : ormTable(name, schema),
    kind: shape.kind,
    start: site.startLine,
    end: site.endLine,
    down,
  };
  if (site.name === 'RenameTable') {
    const to = str(src, call, 'newName', 2);
    if (to !== undefined) op.renamedTo = ormTable(to, str(src, call, 'newSchema') ?? schema);
  }
  const detail = site.name === 'AlterColumn' ? alterDetail(src, call) : shape.detail;
  if (detail) op.detail = detail;
  const column = shape.column ? str(src, call, 'name', 0) : undefined;
  if (column !== undefined) op.column = column;
  if (site.name === 'RenameColumn' && column !== undefined) {
    const to = str(src, call, 'newName', 2);
    if (to !== undefined) op.columnTo = to;
  }
  return op;
}

/** Whether [from, to) holds only string literals (concatenated with `+`): SQL written out in full. */
function onlyStrings(src: Source, from: number, to: number): boolean {
  const code = src.masked.slice(from, to).split('');
  let any = false;
  for (let i = firstStringFrom(src, from); i < src.strings.length && src.strings[i]!.open < to; i++) {
    const lit = src.strings[i]!;
    any = true;
    let k = lit.open;
    while (k > from && /[@$]/.test(src.masked[k - 1]!)) k--;
    for (; k < Math.min(lit.close, to); k++) code[k - from] = ' ';
  }
  return any && /^[\s+()]*$/.test(code.join(''));
}

/**
 * The SQL of `Sql(...)`: its string literals, or those of the variable or constant it names
 * (`var sql = @"..."; migrationBuilder.Sql(sql);`). Undefined when the SQL is built elsewhere.
 */
function sqlRange(src: Source, site: CsCall): [number, number] | undefined {
  const a = positional(site.call)[0] ?? keyword(site.call, 'sql');
  if (!a) return undefined;
  if (onlyStrings(src, a.value, a.end)) return [a.value, a.end];
  const id = /^\s*(?:this\.)?([A-Za-z_]\w*)\s*$/.exec(src.masked.slice(a.value, a.end))?.[1];
  if (!id) return undefined;
  const decls = [...src.masked.matchAll(new RegExp(`\\b${id}\\s*=(?![=>])`, 'g'))];
  const decl = decls.filter((d) => d.index < site.at).pop() ?? decls[0];
  if (!decl) return undefined;
  const from = decl.index + decl[0].length;
  const semi = src.masked.indexOf(';', from);
  const to = semi < 0 ? src.masked.length : semi;
  return onlyStrings(src, from, to) ? [from, to] : undefined;
}

interface Keyed extends Parsed {
  /** What each operation's code says, whitespace and layout aside, with the conditions it runs under. */
  keys: Map<Operation, string>;
}

/** The operations of one image of a migration: `MigrationBuilder` calls and their SQL. */
function parseMigration(text: string, dialect: string | undefined): Keyed {
  const src = scanSource(text, 'csharp');
  const builders = new Set(['migrationBuilder']);
  for (const m of src.masked.matchAll(/\bMigrationBuilder\s+([A-Za-z_]\w*)/g)) builders.add(m[1]!);
  const down = methodLines(src, 'Down');
  const guards = guardsAt(src);
  const ops: Operation[] = [];
  const keys = new Map<Operation, string>();
  const d = dialect ?? efDialect(text);
  for (const site of csharpCalls(src, [...builders], [...Object.keys(OPS), 'Sql'])) {
    const isDown = inRanges(down, site.startLine);
    const code = src.text.slice(site.at, site.call.end).replace(/\s+/g, ' ');
    const key = `${guards(site.at)} | ${code}`;
    if (site.name !== 'Sql') {
      const op = tableOp(src, site, isDown);
      ops.push(op);
      keys.set(op, key);
      continue;
    }
    const range = sqlRange(src, site);
    const found = range
      ? sqlOperationsIn(src, csharpStringText(src, range[0], range[1]), range[0], d).map((op) => ({
          ...op,
          // The statement may sit in a variable declared elsewhere: both places count.
          start: Math.min(op.start, site.startLine),
          end: Math.max(op.end, site.endLine),
        }))
      : [{ table: null, kind: 'alter' as const, start: site.startLine, end: site.endLine }];
    const sqlKey = range ? src.text.slice(range[0], range[1]).replace(/\s+/g, ' ') : '';
    for (const op of found) {
      const o: Operation = { ...op, down: isDown };
      ops.push(o);
      keys.set(o, `${key} | ${sqlKey}`);
    }
  }
  // SQLite table rebuilds (`ef_temp_X` created, copied, `X` dropped, `ef_temp_X` renamed to `X`) are one change of X.
  const up = collapseRebuilds(ops.filter((o) => !o.down));
  for (const o of up) if (!keys.has(o)) keys.set(o, ops.map((x) => keys.get(x)).join(' | '));
  return { src, ops: [...up, ...ops.filter((o) => o.down)], keys };
}

/**
 * The table changes of an EF Core migration's `Up`. In an edited migration, an operation whose
 * code only moved or was re-indented (same text, whitespace aside, under the same conditions)
 * is unchanged.
 */
export function migrationChanges(change: FileChange, dialect?: string): TableChange[] {
  const after = change.after === undefined ? undefined : parseMigration(change.after, dialect);
  const before = change.before === undefined ? undefined : parseMigration(change.before, dialect);
  const keysOf = (p: Keyed | undefined) =>
    new Set(p ? p.ops.filter((o) => !o.down).map((o) => p.keys.get(o)) : []);
  const sameIn = (p: Keyed, other: Keyed | undefined): Parsed => {
    if (!other || change.status === 'added' || change.status === 'deleted') return p;
    const there = keysOf(other);
    return { src: p.src, ops: p.ops.filter((o) => !there.has(p.keys.get(o))) };
  };
  return changesFromOperations(change, (text) =>
    text === change.after && after ? sameIn(after, before) : sameIn(before!, after),
  );
}
