/** One part of a table name: `orders`, `"Order Items"`, `[dbo]` or `` `shop` ``. */
export interface NamePart {
  name: string;
  quoted: boolean;
}

/** A parsed `[db.][schema.]table` name. */
export interface TableName {
  parts: NamePart[];
  table: NamePart;
  schema?: NamePart;
  db?: NamePart;
}

const UNQUOTED = /^[A-Za-z0-9_$][A-Za-z0-9_$-]*$/;
const CLOSERS: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/**
 * Parses a table reference. Quoted parts keep their case and may hold dots; a doubled closing
 * quote escapes it. Returns a reason instead of a name when the text is not a table reference.
 */
export function parseTableName(text: string): TableName | { error: string } {
  const parts: NamePart[] = [];
  let i = 0;
  while (i <= text.length) {
    const open = text[i];
    if (open !== undefined && open in CLOSERS) {
      const close = CLOSERS[open]!;
      let name = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return { error: `unterminated ${open}quoted${close} identifier` };
        if (text[j] === close) {
          if (text[j + 1] === close && close !== ']') {
            name += close;
            j += 2;
            continue;
          }
          break;
        }
        name += text[j];
        j += 1;
      }
      if (name.length === 0) return { error: 'empty quoted identifier' };
      parts.push({ name, quoted: true });
      i = j + 1;
    } else {
      let j = text.indexOf('.', i);
      if (j < 0) j = text.length;
      const name = text.slice(i, j);
      if (name.length === 0) return { error: 'empty name part (two dots, or a leading or trailing dot)' };
      if (!UNQUOTED.test(name)) {
        return {
          error: `"${name}" is not a valid identifier; quote it ("...") if it holds spaces or symbols`,
        };
      }
      parts.push({ name, quoted: false });
      i = j;
    }
    if (i === text.length) break;
    if (text[i] !== '.') return { error: `unexpected "${text[i]}" after a quoted identifier` };
    i += 1;
    if (i === text.length) return { error: 'trailing dot' };
  }
  if (parts.length === 0) return { error: 'empty table name' };
  if (parts.length > 3) return { error: `too many parts (${parts.length}); expected [db.][schema.]table` };
  const table = parts[parts.length - 1]!;
  const result: TableName = { parts, table };
  if (parts.length >= 2) result.schema = parts[parts.length - 2]!;
  if (parts.length === 3) result.db = parts[0]!;
  return result;
}

/** Canonical text of a part for comparison: unquoted names fold to lower case, quoted ones do not. */
export const partKey = (part: NamePart): string => (part.quoted ? part.name : part.name.toLowerCase());

/** Canonical text of a whole table name (parts joined by dots), or undefined if it does not parse. */
export function tableKey(text: string): string | undefined {
  const parsed = parseTableName(text);
  return 'error' in parsed ? undefined : parsed.parts.map(partKey).join('.');
}
