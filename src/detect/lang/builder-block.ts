import { positional } from './args.js';
import type { CallSite } from './calls.js';
import type { Operation } from './operations.js';
import { lineOf, lineText, type Source } from './source.js';
import type { AlterDetail } from '../types.js';

type Base = Omit<Operation, 'kind' | 'detail' | 'column'>;
/** The text of a string literal at a source offset, when it is one. */
export type Literal = (at: number) => string | undefined;

/**
 * One alter per column a schema-builder call changes; a column dcr cannot read gives a bare
 * alter. A rename (`renameColumn('old', 'new')`) also says the new name, its second argument.
 */
export function columnOps(
  base: Base,
  detail: AlterDetail,
  columns: readonly (string | undefined)[],
  call?: CallSite,
  literal?: Literal,
): Operation[] {
  const toArg = detail === 'rename-column' && call ? positional(call.call)[1] : undefined;
  const to = toArg && literal ? literal(toArg.value) : undefined;
  return columns.map((column) =>
    column === undefined
      ? { ...base, kind: 'alter' }
      : { ...base, kind: 'alter', detail, column, ...(to !== undefined ? { columnTo: to } : {}) },
  );
}

/**
 * A schema-builder block's operations, completed (Knex's `alterTable` callback, Laravel's
 * `Schema::table` closure): a line of the body that uses the builder (`uses`) in a way no call
 * read (`covered`) is a bare alter, and every operation also counts from the block's head, the
 * call's first line to the body's (a changed table name changes them all).
 */
export function finishBlock(
  src: Source,
  site: CallSite,
  body: { start: number; end: number },
  ops: Operation[],
  covered: ReadonlySet<number>,
  uses: RegExp,
  base: Pick<Operation, 'table' | 'down'>,
): Operation[] {
  const bodyLine = lineOf(src, body.start);
  const last = lineOf(src, body.end - 1);
  const all = [...ops];
  for (let l = bodyLine + 1; l < last; l++)
    if (!covered.has(l) && uses.test(lineText(src, l, true)))
      all.push({ ...base, kind: 'alter', start: l, end: l });
  const head = all.map((o) => ({ ...o, start: site.startLine, end: bodyLine, line: o.line ?? o.start }));
  return [...all, ...head];
}
