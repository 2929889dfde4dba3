import { keyword, literalAt, positional, type Call } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { lineText, type Source } from '../lang/source.js';
import { signature } from '../lang/model-schema.js';
import type { Operation } from '../lang/operations.js';
import type { AlterDetail } from '../types.js';

/** What one statement of an `alter table(...) do ... end` block does, on its lines. */
export interface AlterStatement {
  start: number;
  end: number;
  /** Absent when the statement's column is not written out (a variable no binding fills). */
  detail?: AlterDetail;
  column?: string;
}

/** The column statements of an alter block (Ecto.Migration's `add`, `remove`, `modify`...). */
const COLUMN_DETAIL: Record<string, AlterDetail> = {
  add: 'add-column',
  add_if_not_exists: 'add-column',
  remove: 'drop-column',
  remove_if_exists: 'drop-column',
  modify: 'column-type',
};

/** The type in `from:` (`:string`, `{:string, null: true}`, `references(:x)`), whitespace left out. */
function fromType(src: Source, call: Call): string | undefined {
  const from = keyword(call, 'from');
  if (!from) return undefined;
  const code = signature(src, from.value, from.end);
  if (!code.startsWith('{')) return code;
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    if ('([{'.includes(code[k]!)) depth++;
    else if (')]}'.includes(code[k]!)) depth--;
    if ((code[k] === ',' && depth === 1) || depth === 0) return code.slice(1, k);
  }
  return undefined;
}

/**
 * What `modify :col, type, opts` changes: the type, unless its `from:` names the same type (then
 * the nullability or the default it sets), or a reference changed into another reference (a
 * foreign key's options: a constraint).
 */
function modifyDetail(src: Source, call: Call): AlterDetail {
  const type = positional(call)[1];
  const before = fromType(src, call);
  if (!type || before === undefined) return 'column-type';
  const after = signature(src, type.value, type.end);
  if (/^references\(/.test(after) && /^references\(/.test(before))
    return after === before ? 'column-type' : 'constraint';
  if (after !== before) return 'column-type';
  if (keyword(call, 'null')) return 'nullability';
  if (keyword(call, 'default')) return 'default';
  return 'column-type';
}

/** The columns `timestamps(opts)` adds: `inserted_at` and `updated_at`, renamed or left out by its options. */
function timestampColumns(src: Source, call: Call): Array<string | undefined> {
  // timestamps(@opts): options held elsewhere may rename either column.
  if (positional(call).length > 0) return [undefined];
  return ['inserted_at', 'updated_at'].flatMap((key) => {
    const a = keyword(call, key);
    if (!a) return [key];
    const code = src.masked.slice(a.value, a.end).trim();
    if (code === 'false' || code === 'nil') return [];
    return [literalAt(src, a.value)];
  });
}

/** The column statements and `execute` calls of a file, found once for all its alter blocks. */
const calls = new WeakMap<Source, { columns: CallSite[]; execute: CallSite[] }>();
function callsOf(src: Source): { columns: CallSite[]; execute: CallSite[] } {
  let c = calls.get(src);
  if (!c) {
    c = {
      columns: findCalls(src, [...Object.keys(COLUMN_DETAIL), 'timestamps'], true),
      execute: findCalls(src, ['execute'], true),
    };
    calls.set(src, c);
  }
  return c;
}

/**
 * The statements of the block on lines (`from`, `to`) whose column and detail can be read;
 * `namesAt` gives the names an argument stands for (one per binding of the `for` around it).
 */
export function alterStatements(
  src: Source,
  from: number,
  to: number,
  namesAt: (at: number, line: number) => Array<string | undefined>,
): AlterStatement[] {
  const out: AlterStatement[] = [];
  const sites = callsOf(src).columns.filter(
    (s) => s.receiver === '' && s.startLine > from && s.startLine < to,
  );
  for (const site of sites) {
    const span = { start: site.startLine, end: site.endLine };
    const columns =
      site.name === 'timestamps'
        ? timestampColumns(src, site.call)
        : positional(site.call)[0]
          ? namesAt(positional(site.call)[0]!.value, site.startLine)
          : [undefined];
    const detail =
      site.name === 'timestamps'
        ? 'add-column'
        : site.name === 'modify'
          ? modifyDetail(src, site.call)
          : COLUMN_DETAIL[site.name]!;
    for (const column of columns) out.push(column === undefined ? span : { ...span, detail, column });
  }
  // A `for ... do` (or any block) inside the alter: its header decides what the statements
  // of its body change, so a changed header reports them (copies that fold into the statements
  // themselves when both count).
  const copies: AlterStatement[] = [];
  for (let l = from + 1; l < to; l++) {
    if (!/\bdo\s*$/.test(lineText(src, l, true))) continue;
    const end = blockEnd(src, l, true);
    for (const s of out) if (s.start > l && s.start <= end) copies.push({ ...s, start: l, end: l });
  }
  return [...out, ...copies];
}

/**
 * The runs of code lines in (`from`, `to`) that no statement covers: an alter block's lines
 * dcr cannot read (an `execute`, a helper call) still count as changing its table.
 */
export function uncoveredRuns(
  src: Source,
  from: number,
  to: number,
  statements: readonly AlterStatement[],
): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let run: [number, number] | undefined;
  // `execute` statements are read as SQL on their own.
  const sql = callsOf(src).execute.filter((s) => s.receiver === '' && s.startLine > from);
  for (let l = from + 1; l < to; l++) {
    const code = lineText(src, l, true).trim();
    const covered =
      statements.some((s) => l >= s.start && l <= s.end) ||
      sql.some((s) => l >= s.startLine && l <= s.endLine);
    if (covered || code === '' || /^(end|[)\]}]+)$/.test(code)) {
      if (covered && run) {
        runs.push(run);
        run = undefined;
      }
      continue;
    }
    if (run) run[1] = l;
    else run = [l, l];
  }
  if (run) runs.push(run);
  return runs;
}

/** What `create`/`drop`/`rename` of an `index(...)`, `unique_index(...)`, `constraint(...)` changes. */
export const KEY_DETAIL: Record<string, AlterDetail> = {
  index: 'index',
  unique_index: 'index',
  constraint: 'constraint',
};

/**
 * The operations of an `alter table(:t) do ... end` block on lines `base.start`..`base.end`
 * (its header ends on `headerEnd`): one per statement, one per run of lines that say nothing
 * readable, and copies of them all on the header, whose table decides what they change.
 */
export function alterBlock(
  src: Source,
  table: string | null,
  base: { start: number; end: number; down: boolean },
  headerEnd: number,
  statements: readonly AlterStatement[],
): Operation[] {
  const inner: Operation[] = [
    ...statements.map((s): Operation => ({ ...base, ...s, table, kind: 'alter' })),
    ...uncoveredRuns(src, headerEnd, base.end, statements).map(([start, end]): Operation => ({
      ...base,
      start,
      end,
      table,
      kind: 'alter',
    })),
  ];
  if (inner.length === 0) return [{ ...base, table, kind: 'alter' }];
  const header = { start: base.start, end: headerEnd, line: base.start };
  return [...inner, ...inner.map((o) => ({ ...o, ...header }))];
}
