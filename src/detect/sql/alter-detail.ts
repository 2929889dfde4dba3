import type { AlterDetail } from '../types.js';

/** One action of an ALTER statement: what it does and to which column. */
export interface AlterAction {
  detail: AlterDetail;
  column?: string;
  /** For a column rename, the new name. */
  columnTo?: string;
}

/**
 * A change split into what each action of its statement does, read from the whole statement
 * (`statement`; a change's evidence is one line of it), or `[c]` when SQL does not say.
 */
export function splitAlter<T extends { kind: string; detail?: AlterDetail; column?: string }>(
  c: T,
  statement: string,
): T[] {
  if (c.kind !== 'alter' || c.detail !== undefined) return [c];
  const actions = alterActions(statement);
  if (actions.length === 0) return [c];
  return actions.map((a) => ({
    ...c,
    detail: a.detail,
    ...(a.column ? { column: a.column } : {}),
    ...(a.columnTo ? { columnTo: a.columnTo } : {}),
  }));
}

const NAME = String.raw`("[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[\w$]+)`;
const unquote = (name: string) => name.replace(/^["\x60[]|["\x60\]]$/g, '');

/**
 * What an `alter` statement of SQL does, action by action (`ALTER TABLE t ADD a int, DROP b`
 * is two): index, constraint, or a column added, dropped, renamed, retyped, made (not)
 * nullable, given a default. Dialects: PostgreSQL, MySQL, SQL Server, SQLite and the standard.
 * Empty when it cannot tell (the change stays a plain `alter`).
 */
export function alterActions(statement: string): AlterAction[] {
  const text = statement
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/;$/, '');
  if (
    /^(?:CREATE (?:UNIQUE )?(?:CLUSTERED |NONCLUSTERED )?INDEX|DROP INDEX|ALTER INDEX|REINDEX)\b/i.test(text)
  )
    return [{ detail: 'index' }];
  const head = new RegExp(
    String.raw`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?(?:ONLY )?${NAME}(?:\.${NAME}){0,2} (.*)$`,
    'i',
  ).exec(text);
  if (!head) return [];
  const body = head[head.length - 1]!;
  const actions = splitTopLevel(body).map(action);
  return actions.some((a) => a === undefined) ? [] : (actions as AlterAction[]);
}

function action(text: string): AlterAction | undefined {
  const t = text.trim();
  const m = (re: string) => new RegExp(`^${re}`, 'i').exec(t);
  let r: RegExpExecArray | null;
  if (m(String.raw`ADD (?:CONSTRAINT|PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK|EXCLUDE)\b`))
    return { detail: 'constraint' };
  if (m(String.raw`ADD (?:INDEX|KEY|FULLTEXT|SPATIAL)\b`)) return { detail: 'index' };
  if ((r = m(String.raw`ADD (?:COLUMN )?(?:IF NOT EXISTS )?${NAME}`)))
    return { detail: 'add-column', column: unquote(r[1]!) };
  if (m(String.raw`DROP (?:CONSTRAINT|PRIMARY KEY|FOREIGN KEY|CHECK)\b`)) return { detail: 'constraint' };
  if (m(String.raw`DROP (?:INDEX|KEY)\b`)) return { detail: 'index' };
  if ((r = m(String.raw`DROP (?:COLUMN )?(?:IF EXISTS )?${NAME}`)))
    return { detail: 'drop-column', column: unquote(r[1]!) };
  if (m(String.raw`RENAME (?:CONSTRAINT)\b`)) return { detail: 'constraint' };
  if (m(String.raw`RENAME (?:INDEX|KEY)\b`)) return { detail: 'index' };
  if (m(String.raw`RENAME (?:TO|AS)\b`)) return undefined;
  if ((r = m(String.raw`RENAME (?:COLUMN )?${NAME} TO(?: ${NAME})?`)))
    return { detail: 'rename-column', column: unquote(r[1]!), ...(r[2] ? { columnTo: unquote(r[2]) } : {}) };
  if ((r = m(String.raw`ALTER (?:COLUMN )?${NAME} (?:SET DATA )?TYPE\b`)))
    return { detail: 'column-type', column: unquote(r[1]!) };
  if ((r = m(String.raw`ALTER (?:COLUMN )?${NAME} (?:SET|DROP) NOT NULL\b`)))
    return { detail: 'nullability', column: unquote(r[1]!) };
  if ((r = m(String.raw`ALTER (?:COLUMN )?${NAME} (?:SET|DROP) DEFAULT\b`)))
    return { detail: 'default', column: unquote(r[1]!) };
  if ((r = m(String.raw`ALTER (?:COLUMN )?${NAME} (?:SET|DROP) `))) return undefined; // statistics, storage...
  if ((r = m(String.raw`ALTER COLUMN ${NAME} \w`))) return { detail: 'column-type', column: unquote(r[1]!) }; // SQL Server
  if ((r = m(String.raw`MODIFY (?:COLUMN )?${NAME}`)))
    return { detail: 'column-type', column: unquote(r[1]!) };
  if ((r = m(String.raw`CHANGE (?:COLUMN )?${NAME} ${NAME}`)))
    return unquote(r[1]!).toLowerCase() === unquote(r[2]!).toLowerCase()
      ? { detail: 'column-type', column: unquote(r[1]!) }
      : { detail: 'rename-column', column: unquote(r[1]!), columnTo: unquote(r[2]!) };
  return undefined;
}

/** Splits on commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}
