import { blockEnd, matchBracket } from '../lang/blocks.js';
import { lineOf, lineText, scanSource, type Source } from '../lang/source.js';
import { fieldAt, type FieldSig } from './django-fields.js';

/** A field of a model class, with its line. */
export interface ModelField extends FieldSig {
  line: number;
}

/** A class of a models file, as written (before inheritance is applied). */
export interface ModelClass {
  name: string;
  /** Base classes, last dotted part. */
  bases: string[];
  start: number;
  end: number;
  fields: Map<string, ModelField>;
  /** Database-relevant `Meta` options, value text normalised. */
  meta: Map<string, string>;
  metaLine: number;
  /** Whether the class looks like a model at all (fields, a Meta, or a Model base). */
  isModel: boolean;
}

/** `Meta` options that shape the table (ordering, verbose names, permissions do not). */
const META = new Set([
  'db_table',
  'unique_together',
  'index_together',
  'indexes',
  'constraints',
  'db_tablespace',
  'order_with_respect_to',
  'managed',
  'abstract',
  'proxy',
  'app_label',
  'db_table_comment',
]);
const NOT_MODELS =
  /\b(QuerySet|Manager|TextChoices|IntegerChoices|Choices|Enum|Form|ModelForm|Serializer|Admin|AppConfig|TestCase|Exception)\b/;
const ASSIGN = /^([ \t]+)([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)\s*/;

/** The offset where the statement starting at `at` ends (a newline outside brackets). */
function statementEnd(src: Source, at: number): number {
  const m = src.masked;
  for (let k = at; k < m.length; k++) {
    const ch = m[k]!;
    if (ch === '(' || ch === '[' || ch === '{') k = matchBracket(src, k) - 1;
    else if (ch === '\n' && m[k - 1] !== '\\') return k;
  }
  return m.length;
}

const normalise = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/'/g, '"')
    .replace(/,\s*([)\]}])/g, '$1')
    .replace(/([([{])\s+/g, '$1')
    .replace(/\s+([)\]}])/g, '$1')
    .trim();

/** Assignments directly in the block whose header is at `line` (one indentation level in). */
function* assignments(src: Source, line: number, end: number) {
  let indent: string | undefined;
  for (let l = line + 1; l <= end; l++) {
    const masked = lineText(src, l, true);
    if (masked.trim() === '') continue;
    const lead = /^[ \t]*/.exec(masked)![0];
    indent ??= lead;
    if (lead !== indent) continue;
    const start = src.lineStarts[l - 1]!;
    const m = ASSIGN.exec(masked);
    if (m) yield { name: m[2]!, line: l, value: start + m[0].length };
    else if (/^\s*class\s+Meta\b/.test(masked)) yield { name: 'class Meta', line: l, value: start };
  }
}

const cache = new Map<string, { src: Source; classes: ModelClass[] }>();

/** The classes of a models file. */
export function parseModelClasses(text: string): { src: Source; classes: ModelClass[] } {
  const hit = cache.get(text);
  if (hit) return hit;
  const src = scanSource(text, 'python');
  const classes: ModelClass[] = [];
  for (const m of src.masked.matchAll(/^class\s+(\w+)\s*\(([^)]*)\)\s*:/gm)) {
    if (NOT_MODELS.test(m[2]!) || /^\s*$/.test(m[2]!)) continue;
    const start = lineOf(src, m.index);
    const end = blockEnd(src, start, false);
    const bases = m[2]!
      .split(',')
      .map((b) => b.trim().split('.').pop()!)
      .filter((b) => /^[A-Za-z_]\w*$/.test(b));
    const fields = new Map<string, ModelField>();
    const meta = new Map<string, string>();
    let metaLine = 0;
    let hasMeta = false;
    for (const a of assignments(src, start, end)) {
      if (a.name === 'class Meta') {
        hasMeta = true;
        metaLine = a.line;
        for (const o of assignments(src, a.line, blockEnd(src, a.line, false))) {
          if (!META.has(o.name)) continue;
          meta.set(o.name, normalise(src.text.slice(o.value, statementEnd(src, o.value))));
        }
        continue;
      }
      const field = fieldAt(src, a.value);
      if (field) fields.set(a.name, { ...field, line: a.line });
    }
    const isModel = fields.size > 0 || hasMeta || bases.some((b) => /Model$/.test(b));
    classes.push({ name: m[1]!, bases, start, end, fields, meta, metaLine, isModel });
  }
  const parsed = { src, classes };
  cache.set(text, parsed);
  if (cache.size > 8) cache.delete(cache.keys().next().value!);
  return parsed;
}

/** A concrete model: the table it maps to and its columns as the database sees them. */
export interface TableModel {
  name: string;
  table: string;
  start: number;
  fields: Map<string, ModelField>;
  meta: Map<string, string>;
  metaLine: number;
}

const unquote = (v: string | undefined): string | undefined =>
  v && /^"[^"]*"$/.test(v) ? v.slice(1, -1) : undefined;

/**
 * The tables of a set of model classes (one app's files): abstract parents' fields and Meta
 * inherited, a concrete parent making a `<parent>_ptr` column, proxies and unmanaged models
 * left out (they create no table).
 */
export function tableModels(classes: readonly ModelClass[], appLabel: string): TableModel[] {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const abstract = (c: ModelClass): boolean => c.meta.get('abstract') === 'True';
  const out: TableModel[] = [];
  for (const c of classes) {
    if (!c.isModel || abstract(c)) continue;
    if (c.meta.get('proxy') === 'True' || c.meta.get('managed') === 'False') continue;
    const fields = new Map<string, ModelField>();
    const meta = new Map<string, string>();
    const seen = new Set<string>();
    const inherit = (k: ModelClass, own: boolean): void => {
      if (seen.has(k.name)) return;
      seen.add(k.name);
      for (const b of k.bases) {
        const parent = byName.get(b);
        if (!parent?.isModel) continue;
        if (abstract(parent)) inherit(parent, false);
        else
          fields.set(`${b.toLowerCase()}_ptr`, {
            cls: 'OneToOneField',
            joinTable: false,
            noColumn: false,
            sig: `ptr(${b})`,
            line: k.start,
          });
      }
      for (const [n, f] of k.fields) fields.set(n, f);
      for (const [n, v] of k.meta) if (own || (n !== 'abstract' && n !== 'db_table')) meta.set(n, v);
    };
    inherit(c, true);
    const label = unquote(meta.get('app_label')) ?? appLabel;
    const table = unquote(meta.get('db_table')) ?? `${label}_${c.name.toLowerCase()}`;
    out.push({ name: c.name, table, start: c.start, fields, meta, metaLine: c.metaLine || c.start });
  }
  return out;
}
