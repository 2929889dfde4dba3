/** ANSI colour for people at a terminal; none for pipes, files, NO_COLOR or TERM=dumb. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv) {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = forced || (env.NO_COLOR === undefined && stream.isTTY === true && env.TERM !== 'dumb');
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled: on,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
export type Colors = ReturnType<typeof colorsFor>;

/** C0 and C1 control characters but tab and newline, and DEL: a terminal would act on them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `value` with every string in it made printable: a control character (an escape sequence, a
 * carriage return) written by the author of a file, a path or a contract shows as `\xNN`
 * instead of moving the cursor, clearing the screen or hiding a line of the report.
 */
export function printable<T>(value: T): T {
  if (typeof value === 'string')
    return value.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  return value;
}
