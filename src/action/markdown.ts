/**
 * Safe Markdown for text that comes from contracts or pull requests: no mentions, no HTML, no
 * images, no links; one line each.
 */

/** Breaks `@name` so GitHub does not notify anyone (a zero-width joiner after the @). */
const unmention = (text: string) => text.replace(/@/g, '@\u2060');

/** Plain text: Markdown and HTML characters escaped, mentions neutralised, on one line. */
export function text(value: string, max = 300): string {
  const flat = oneLine(value, max);
  return unmention(flat.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`));
}

/**
 * Inline code: GitHub renders neither Markdown, HTML nor mentions inside it. The fence is one
 * backtick longer than the longest run inside; pipes are escaped for tables.
 */
export function code(value: string, max = 200): string {
  const flat = oneLine(value, max).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function oneLine(value: string, max: number): string {
  // Control characters and line breaks become spaces; long values are cut with an ellipsis.
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A GitHub handle as a mention, if it is a well-formed user (`octocat`) or team (`@org/team`). */
export function mention(handle: string): string | undefined {
  const h = handle.trim().replace(/^@/, '');
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(h)) return `@${h}`;
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(h)) return `@${h}`;
  return undefined;
}
