import { lineAt } from '../sql/changed.js';
import type { Located } from '../sql/sides.js';
import { changeTargets, LIQUIBASE_CHANGES, perTarget } from './liquibase-changes.js';
import { embeddedSql } from './liquibase-sql.js';

interface Element {
  name: string;
  attrs: Map<string, string>;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  /** Inside <rollback> or <preConditions>: describes, never runs forward. */
  inert: boolean;
  runOnChange: boolean;
  dbms?: string;
}

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The table changes a Liquibase XML changelog describes, with their element's line range. */
export function liquibaseXmlChanges(text: string, dialect?: string): Located[] {
  // Hide comments and CDATA from the tag scanner without moving any offset.
  const masked = text.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, blank);
  const elements: Element[] = [];
  const stack: Element[] = [];
  const tag = /<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const m of masked.matchAll(tag)) {
    const name = m[2]!.replace(/^[\w.-]+:/, '');
    if (m[1]) {
      const k = stack.map((e) => e.name).lastIndexOf(name);
      if (k < 0) continue;
      const el = stack[k]!;
      el.end = m.index + m[0].length;
      el.contentEnd = m.index;
      stack.length = k;
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of m[3]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs.set(a[1]!, decode(a[2] ?? a[3] ?? ''));
    const parent = stack[stack.length - 1];
    const el: Element = {
      name,
      attrs,
      start: m.index,
      end: m.index + m[0].length,
      contentStart: m.index + m[0].length,
      contentEnd: m.index + m[0].length,
      inert: (parent?.inert ?? false) || name === 'rollback' || name === 'preConditions',
      runOnChange: parent?.runOnChange ?? attrs.get('runOnChange') === 'true',
    };
    const dbms = attrs.get('dbms') ?? parent?.dbms;
    if (dbms) el.dbms = dbms;
    elements.push(el);
    if (!m[4]) stack.push(el);
  }

  const out: Located[] = [];
  const lines = text.split('\n');
  for (const el of elements) {
    if (el.inert) continue;
    const from = lineAt(text, el.start);
    const to = lineAt(text, el.end);
    const note = el.runOnChange ? 'runOnChange changeset: it runs again whenever it changes' : undefined;
    if (el.name === 'sql' || el.name === 'createProcedure') {
      if (el.name === 'createProcedure') continue;
      const body = decode(
        text.slice(el.contentStart, el.contentEnd).replace(/<!\[CDATA\[|\]\]>/g, (s) => ' '.repeat(s.length)),
      );
      const d = dialect ?? el.dbms?.split(',')[0];
      out.push(...embeddedSql(body, lineAt(text, el.contentStart), d, note));
      continue;
    }
    const type = LIQUIBASE_CHANGES[el.name];
    if (!type) continue;
    const table = type.table.map((a) => el.attrs.get(a)).find((v) => v);
    if (!table) continue;
    const schema = el.attrs.get('schemaName') ?? el.attrs.get('baseTableSchemaName');
    const l: Located = {
      table: schema ? `${schema}.${table}` : table,
      kind: type.kind,
      line: from,
      from,
      to,
    };
    const renamed = type.renamedTo ? el.attrs.get(type.renamedTo) : undefined;
    if (renamed) l.renamedTo = renamed;
    if (note) l.note = note;
    const columns = type.nested
      ? elements.filter((c) => c.name === 'column' && c.start > el.start && c.end <= el.end)
      : [];
    const targets = changeTargets(
      el.name,
      (a) => el.attrs.get(a),
      columns.map((c) => c.attrs.get('name')),
    );
    const ranges = columns.map((c): [number, number] => [lineAt(text, c.start), lineAt(text, c.end)]);
    out.push(...perTarget(l, targets, ranges, (n) => lines[n - 1] ?? ''));
  }
  return out;
}
