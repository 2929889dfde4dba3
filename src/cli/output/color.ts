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
