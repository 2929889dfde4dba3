import type { Dialect } from './dialect.js';
import type { Token } from './tokenize.js';

/** A table name read from tokens. */
export interface QualifiedName {
  /** As written (quotes kept), without template parts such as `${schema}.`; null if unknowable. */
  text: string | null;
  /** Index of the first token after the name. */
  end: number;
  /** A temporary table (`#tmp` in SQL Server). */
  temporary?: boolean;
}

const isNamePart = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'word' || t.type === 'ident' || t.type === 'template');

/**
 * Reads `[db.][schema.]name` starting at `i`. BigQuery names may hold hyphens
 * (`my-project.ds.t`); SQL Server `#tmp` names are temporary; `IDENTIFIER('x')` (Snowflake)
 * gives its literal. Returns undefined when no name starts at `i`.
 */
export function readName(tokens: readonly Token[], i: number, dialect: Dialect): QualifiedName | undefined {
  let k = i;
  let temporary = false;
  const first = tokens[k];
  if (first === undefined) return undefined;
  if (first.type === 'punct' && first.text === '#' && tokens[k + 1]?.start === first.end) {
    temporary = true;
    k++;
  }
  if (tokens[k]?.type === 'word' && tokens[k]!.value === 'IDENTIFIER' && tokens[k + 1]?.text === '(') {
    const arg = tokens[k + 2];
    const close = tokens.findIndex((t, j) => j > k && t.text === ')');
    const end = close < 0 ? tokens.length : close + 1;
    return { text: arg?.type === 'string' && tokens[k + 3]?.text === ')' ? arg.value : null, end };
  }
  const parts: Token[][] = [];
  for (;;) {
    const t = tokens[k];
    if (!isNamePart(t)) break;
    const part: Token[] = [t!];
    k++;
    // Glue hyphenated (BigQuery) and template-adjoined pieces written without spaces.
    while (tokens[k] && tokens[k]!.start === part[part.length - 1]!.end) {
      const g = tokens[k]!;
      const hyphen = g.text === '-' && dialect === 'bigquery' && isNamePart(tokens[k + 1]);
      if (
        !hyphen &&
        !(isNamePart(g) && (g.type === 'template' || part[part.length - 1]!.type === 'template'))
      )
        break;
      part.push(g);
      k++;
    }
    parts.push(part);
    if (tokens[k]?.text === '.' && isNamePart(tokens[k + 1])) {
      k++;
      continue;
    }
    // `db..table` (SQL Server default schema).
    if (tokens[k]?.text === '.' && tokens[k + 1]?.text === '.' && isNamePart(tokens[k + 2])) {
      k += 2;
      continue;
    }
    break;
  }
  if (parts.length === 0) return undefined;
  // A BigQuery `proj.ds.t` in one pair of backticks is three parts.
  const text = (t: Token): string =>
    t.type === 'ident' && t.text.startsWith('`') && t.value.includes('.')
      ? t.value
          .split('.')
          .map((v) => `\`${v}\``)
          .join('.')
      : t.text;
  const src = (p: Token[]): string => p.map(text).join('');
  const last = parts[parts.length - 1]!;
  if (last.some((t) => t.type === 'template')) {
    // `{{ this }}` or `orders_${suffix}`: the table is not knowable from the text.
    return { text: null, end: k, temporary };
  }
  const kept = parts.filter((p) => !p.some((t) => t.type === 'template'));
  const name: QualifiedName = { text: kept.map(src).join('.'), end: k };
  if (temporary) name.temporary = true;
  return name;
}
