import { positional, readParenArgs, type Arg } from '../lang/args.js';
import { findCalls, type CallSite } from '../lang/calls.js';
import { underscore } from '../lang/naming.js';
import { columnOps, finishBlock, type Literal } from '../lang/builder-block.js';
import type { Operation } from '../lang/operations.js';
import { lineOf, type Source } from '../lang/source.js';
import type { AlterDetail } from '../types.js';

/** Reads a name argument (string, constant or property); undefined when it is not knowable. */

/**
 * How a Blueprint method names its columns: `args` (every string argument, arrays included),
 * `first` (the first argument, else `fallback`), `pair` (`<name>_id` and `<name>_type`), `model`
 * (`foreignIdFor(User::class)`: `user_id`, or the second argument), or fixed `columns`.
 */
interface Shape {
  detail: AlterDetail;
  names?: 'args' | 'first' | 'pair' | 'model';
  fallback?: string;
  columns?: readonly string[];
}

const ADD_TYPES = (
  'bigIncrements bigInteger binary boolean char dateTimeTz dateTime date decimal double ' +
  'enum float foreignId foreignUlid foreignUuid geography geometry increments integer ' +
  'integerIncrements json jsonb longText mediumIncrements mediumInteger mediumText set ' +
  'smallIncrements smallInteger string text timeTz time timestampTz timestamp ' +
  'tinyIncrements tinyInteger tinyText unsignedBigInteger unsignedDecimal unsignedInteger ' +
  'unsignedMediumInteger unsignedSmallInteger unsignedTinyInteger year vector computed'
).split(' ');
const STAMPS = ['created_at', 'updated_at'];
const add = (names: Shape['names'], fallback?: string): Shape => ({
  detail: 'add-column',
  names,
  ...(fallback ? { fallback } : {}),
});
const drop = (names: Shape['names'], fallback?: string): Shape => ({
  detail: 'drop-column',
  names,
  ...(fallback ? { fallback } : {}),
});
const fixed = (detail: AlterDetail, columns: readonly string[]): Shape => ({ detail, columns });
const INDEX: Shape = { detail: 'index' };
const CONSTRAINT: Shape = { detail: 'constraint' };

/** The Blueprint methods that alter a table, by what they change. */
const METHODS: Record<string, Shape> = {
  ...Object.fromEntries(ADD_TYPES.map((t) => [t, add('first')])),
  id: add('first', 'id'),
  uuid: add('first', 'uuid'),
  ulid: add('first', 'ulid'),
  ipAddress: add('first', 'ip_address'),
  macAddress: add('first', 'mac_address'),
  foreignIdFor: add('model'),
  morphs: add('pair'),
  nullableMorphs: add('pair'),
  uuidMorphs: add('pair'),
  nullableUuidMorphs: add('pair'),
  ulidMorphs: add('pair'),
  nullableUlidMorphs: add('pair'),
  timestamps: fixed('add-column', STAMPS),
  nullableTimestamps: fixed('add-column', STAMPS),
  timestampsTz: fixed('add-column', STAMPS),
  softDeletes: add('first', 'deleted_at'),
  softDeletesTz: add('first', 'deleted_at'),
  rememberToken: fixed('add-column', ['remember_token']),
  dropColumn: drop('args'),
  dropColumns: drop('args'),
  dropTimestamps: fixed('drop-column', STAMPS),
  dropTimestampsTz: fixed('drop-column', STAMPS),
  dropSoftDeletes: drop('first', 'deleted_at'),
  dropSoftDeletesTz: drop('first', 'deleted_at'),
  dropRememberToken: fixed('drop-column', ['remember_token']),
  dropMorphs: drop('pair'),
  dropConstrainedForeignId: drop('first'),
  dropConstrainedForeignIdFor: drop('model'),
  renameColumn: { detail: 'rename-column', names: 'first' },
  index: INDEX,
  fullText: INDEX,
  spatialIndex: INDEX,
  rawIndex: INDEX,
  dropIndex: INDEX,
  dropFullText: INDEX,
  dropSpatialIndex: INDEX,
  renameIndex: INDEX,
  unique: CONSTRAINT,
  dropUnique: CONSTRAINT,
  primary: CONSTRAINT,
  dropPrimary: CONSTRAINT,
  foreign: CONSTRAINT,
  dropForeign: CONSTRAINT,
  dropForeignIdFor: CONSTRAINT,
  check: CONSTRAINT,
};

/** The string arguments of a call, array elements included (`dropColumn(['a', 'b'])`); undefined marks an unreadable one. */
function stringArgs(src: Source, args: readonly Arg[], literal: Literal): Array<string | undefined> {
  return args.flatMap((a) =>
    src.masked[a.value] === '['
      ? positional(readParenArgs(src, a.value)).map((e) => literal(e.value))
      : [literal(a.value)],
  );
}

/** The columns a call names, per its shape; `[undefined]` when a name cannot be read. */
function columnsOf(src: Source, site: CallSite, shape: Shape, literal: Literal): Array<string | undefined> {
  if (shape.columns) return [...shape.columns];
  const args = positional(site.call);
  switch (shape.names) {
    case 'args':
      return args.length ? stringArgs(src, args, literal) : [undefined];
    case 'pair': {
      const name = args[0] ? literal(args[0].value) : undefined;
      return name === undefined ? [undefined] : [`${name}_id`, `${name}_type`];
    }
    case 'model': {
      const given = args[1] ? literal(args[1].value) : undefined;
      const cls =
        args[0] && /^\s*\\?(?:\w+\\)*(\w+)::class\b/.exec(src.masked.slice(args[0].value, args[0].end));
      return [given ?? (cls ? `${underscore(cls[1]!)}_id` : undefined)];
    }
    case 'first':
      return [args[0] ? literal(args[0].value) : shape.fallback];
    default:
      return [];
  }
}

/**
 * The operations of `Schema::table('t', function (Blueprint $table) { ... })`: one per column
 * each `$table->...` statement changes (`->change()` makes any column definition a type
 * change). Each also counts from the call's first line (a changed table name changes them
 * all); a line using `$table` in a way dcr does not read is a bare alter. Undefined when the
 * closure's variable cannot be found.
 */
export function blueprintOps(
  src: Source,
  site: CallSite,
  table: string | null,
  down: boolean,
  literal: Literal,
): Operation[] | undefined {
  const closure = positional(site.call)[1];
  if (!closure) return undefined;
  const params = /^\s*(?:static\s+)?(?:function|fn)\s*\(\s*(?:[\w\\?]+\s+)?\$(\w+)/.exec(
    src.masked.slice(closure.value, closure.end),
  );
  if (!params) return undefined;
  const v = params[1]!;
  const ops: Operation[] = [];
  const covered = new Set<number>();
  for (const call of findCalls(src, [...Object.keys(METHODS), 'rename', 'drop', 'dropIfExists'], false)) {
    if (call.at <= closure.value || call.at >= closure.end || call.receiver.replace(/\s+/g, '') !== `$${v}->`)
      continue;
    const semi = src.masked.indexOf(';', call.call.end);
    const stop = semi < 0 || semi > closure.end ? call.call.end : semi;
    const chain = src.masked.slice(call.call.end, stop);
    const base = { table, start: lineOf(src, call.at), end: lineOf(src, stop), line: call.startLine, down };
    for (let l = base.start; l <= base.end; l++) covered.add(l);
    if (call.name === 'rename' || call.name === 'drop' || call.name === 'dropIfExists') {
      const to = call.name === 'rename' ? positional(call.call)[0] : undefined;
      const renamedTo = to ? literal(to.value) : undefined;
      ops.push({
        ...base,
        kind: call.name === 'rename' ? 'rename' : 'drop',
        ...(renamedTo ? { renamedTo } : {}),
      });
      continue;
    }
    const shape = METHODS[call.name]!;
    const changed = /->\s*change\s*\(/.test(chain) && shape.detail === 'add-column';
    const detail = changed ? 'column-type' : shape.detail;
    const columns = shape.names || shape.columns ? columnsOf(src, call, shape, literal) : [];
    if (columns.length === 0) ops.push({ ...base, kind: 'alter', detail });
    ops.push(...columnOps(base, detail, columns, call, literal));
  }
  // `$table->after('col', function ($table) { ... })` only places the columns its closure adds.
  const uses = new RegExp(`\\$${v}\\s*->(?!\\s*after\\s*\\()`);
  return finishBlock(src, site, { start: closure.value, end: closure.end }, ops, covered, uses, {
    table,
    down,
  });
}

/** `Schema::dropColumns('t', ['a', 'b'])`: one dropped column each. */
export function dropColumnsOps(
  src: Source,
  site: CallSite,
  table: string | null,
  base: Pick<Operation, 'start' | 'end' | 'down'>,
  literal: Literal,
): Operation[] {
  const names = stringArgs(src, positional(site.call).slice(1), literal);
  if (names.length === 0) return [{ ...base, table, kind: 'alter' }];
  return names.map((column) =>
    column === undefined
      ? { ...base, table, kind: 'alter' }
      : { ...base, table, kind: 'alter', detail: 'drop-column', column },
  );
}
