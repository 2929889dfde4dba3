import { positional, readParenArgs, type Arg } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { columnOps, finishBlock, type Literal } from '../lang/builder-block.js';
import type { Operation } from '../lang/operations.js';
import { lineOf, type Source } from '../lang/source.js';
import type { AlterDetail } from '../types.js';

/** Reads a name argument (string or constant); undefined when it is not knowable. */

/** How a TableBuilder method names its columns: the first argument, every argument, or the timestamps. */
interface Shape {
  detail: AlterDetail;
  names?: 'first' | 'args' | 'stamps';
}

const ADD_TYPES = (
  'increments bigIncrements integer bigInteger tinyint smallint mediumint bigint text ' +
  'string float double decimal boolean date datetime time timestamp binary enum enu json ' +
  'jsonb uuid geometry geography point specificType'
).split(' ');
const INDEX: Shape = { detail: 'index' };
const CONSTRAINT: Shape = { detail: 'constraint' };

/** The TableBuilder methods that alter a table, by what they change. */
const METHODS: Record<string, Shape> = {
  ...Object.fromEntries(ADD_TYPES.map((t) => [t, { detail: 'add-column', names: 'first' } as Shape])),
  timestamps: { detail: 'add-column', names: 'stamps' },
  dropTimestamps: { detail: 'drop-column', names: 'stamps' },
  dropColumn: { detail: 'drop-column', names: 'args' },
  dropColumns: { detail: 'drop-column', names: 'args' },
  renameColumn: { detail: 'rename-column', names: 'first' },
  setNullable: { detail: 'nullability', names: 'first' },
  dropNullable: { detail: 'nullability', names: 'first' },
  index: INDEX,
  dropIndex: INDEX,
  unique: CONSTRAINT,
  dropUnique: CONSTRAINT,
  primary: CONSTRAINT,
  dropPrimary: CONSTRAINT,
  foreign: CONSTRAINT,
  dropForeign: CONSTRAINT,
  check: CONSTRAINT,
  checkPositive: CONSTRAINT,
  checkNegative: CONSTRAINT,
  checkIn: CONSTRAINT,
  checkNotIn: CONSTRAINT,
  checkBetween: CONSTRAINT,
  checkLength: CONSTRAINT,
  checkRegex: CONSTRAINT,
  dropChecks: CONSTRAINT,
};

/** The offset after a chain of calls that follows a call (`.notNullable().alter()`). */
function chainEnd(src: Source, from: number): number {
  const m = src.masked;
  let k = from;
  for (;;) {
    const next = /^\s*\.\s*[A-Za-z_$][\w$]*\s*(?=\()/.exec(m.slice(k, k + 200));
    if (!next) return k;
    k = matchBracket(src, k + next[0].length);
  }
}

/** The column names of a call, per its shape; undefined marks a name that cannot be read. */
function columnsOf(src: Source, site: CallSite, shape: Shape, literal: Literal): Array<string | undefined> {
  const args = positional(site.call);
  if (shape.names === 'stamps') {
    // timestamps(useTimestamps, defaultToNow, useCamelCase); dropTimestamps(useCamelCase).
    const camel = args[site.name === 'timestamps' ? 2 : 0];
    return camel && /^\s*true\b/.test(src.masked.slice(camel.value))
      ? ['createdAt', 'updatedAt']
      : ['created_at', 'updated_at'];
  }
  const read = (a: Arg): Array<string | undefined> =>
    src.masked[a.value] === '['
      ? positional(readParenArgs(src, a.value)).map((e) => literal(e.value))
      : [literal(a.value)];
  if (args.length === 0) return [undefined];
  return shape.names === 'args' ? args.flatMap(read) : read(args[0]!).slice(0, 1);
}

/**
 * The operations of `knex.schema.alterTable('t', (t) => { ... })`: one per column each call on
 * the builder changes (`.alter()` makes a column definition a type change). Each also counts
 * from the call's first line (a changed table name changes them all); a line using the builder
 * in a way dcr does not read is a bare alter. Undefined when the callback's parameter is not found.
 */
export function alterTableOps(
  src: Source,
  site: CallSite,
  table: string | null,
  down: boolean,
  literal: Literal,
): Operation[] | undefined {
  const callback = positional(site.call)[1];
  if (!callback) return undefined;
  const param =
    /^\s*(?:async\s+)?(?:function\s*\w*\s*)?\(\s*([A-Za-z_$][\w$]*)|^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(
      src.masked.slice(callback.value, callback.end),
    );
  if (!param) return undefined;
  const v = (param[1] ?? param[2])!;
  const ops: Operation[] = [];
  const covered = new Set<number>();
  for (const call of findCalls(src, Object.keys(METHODS), false)) {
    if (call.at <= callback.value || call.at >= callback.end || call.receiver.replace(/\s+/g, '') !== `${v}.`)
      continue;
    const stop = chainEnd(src, call.call.end);
    const base = {
      table,
      start: lineOf(src, call.at),
      end: lineOf(src, stop - 1),
      line: call.startLine,
      down,
    };
    for (let l = base.start; l <= base.end; l++) covered.add(l);
    const shape = METHODS[call.name]!;
    const altered =
      shape.detail === 'add-column' && /\.\s*alter\s*\(/.test(src.masked.slice(call.call.end, stop));
    const detail = altered ? 'column-type' : shape.detail;
    if (!shape.names) ops.push({ ...base, kind: 'alter', detail });
    else ops.push(...columnOps(base, detail, columnsOf(src, call, shape, literal), call, literal));
  }
  const uses = new RegExp(`(?<![\\w$.])${v.replace(/\$/g, '\\$')}\\s*\\.`);
  return finishBlock(src, site, { start: callback.value, end: callback.end }, ops, covered, uses, {
    table,
    down,
  });
}
