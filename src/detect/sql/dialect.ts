/** The SQL dialects the extractors tell apart; `generic` is ANSI-ish with PostgreSQL leanings. */
export type Dialect = 'postgres' | 'mysql' | 'sqlserver' | 'sqlite' | 'snowflake' | 'bigquery' | 'generic';

const ALIASES: Record<string, Dialect> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  psql: 'postgres',
  redshift: 'postgres',
  cockroach: 'postgres',
  cockroachdb: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlserver: 'sqlserver',
  mssql: 'sqlserver',
  tsql: 'sqlserver',
  transactsql: 'sqlserver',
  azuresql: 'sqlserver',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  bq: 'bigquery',
};

/** A dialect from a configured or declared name (`postgresql`, `mssql`...), if known. */
export const dialectNamed = (name: string | undefined): Dialect | undefined =>
  name === undefined ? undefined : ALIASES[name.toLowerCase().replace(/[^a-z0-9]/g, '')];

/**
 * The dialect of a SQL file: the configured one wins, then a hint in the path
 * (`0001_init.mysql.up.sql`, `migrations/postgres/...`), then telltales in the text.
 */
export function chooseDialect(path: string, text: string, configured?: string): Dialect {
  const fromConfig = dialectNamed(configured);
  if (fromConfig) return fromConfig;
  for (const part of path
    .toLowerCase()
    .split(/[/\\._-]+/)
    .reverse()) {
    const d = ALIASES[part];
    if (d) return d;
  }
  // Telltales count in code only: a comment may quote anything (a warning header full of backticks).
  const head = withoutComments(text.slice(0, 20_000));
  if (/^\s*GO\s*(?:\d+\s*)?$/im.test(head) || /\[dbo\]|\bNVARCHAR\b|\bIDENTITY\s*\(/i.test(head))
    return 'sqlserver';
  if (/^\s*DELIMITER\s+\S/im.test(head) || /\bENGINE\s*=|\bAUTO_INCREMENT\b/i.test(head)) return 'mysql';
  if (/\$\$|\bSERIAL\b|::\w|\bJSONB\b|\bTIMESTAMPTZ\b/i.test(head)) return 'postgres';
  if (/`[\w-]+\.[\w-]+(\.[\w-]+)?`/.test(head)) return 'bigquery';
  if (/`/.test(head)) return 'mysql';
  return 'generic';
}

/** The text with `--`, `#` (at a line's start) and block comments blanked out; string literals kept. */
const withoutComments = (text: string): string =>
  text.replace(/'(?:[^'\\]|''|\\.)*'|--[^\n]*|^[ \t]*#[^\n]*|\/\*[\s\S]*?(?:\*\/|(?![\s\S]))/gm, (m) =>
    m.startsWith("'") ? m : ' ',
  );
