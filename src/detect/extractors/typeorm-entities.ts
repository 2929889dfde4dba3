import { literalAt, propIn } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { resolveJsName, type JsFileContext } from '../lang/js-constants.js';
import { signature, type SchemaEntry, type SchemaModel } from '../lang/model-schema.js';
import { dottedTable, ormTable, underscore } from '../lang/naming.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';

/** Property decorators that put something in the entity's own table. */
const SCHEMA_DECORATORS = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
  'ObjectIdColumn',
  'ViewColumn',
  'TreeLevelColumn',
  'Generated',
  'Index',
  'Unique',
  'Check',
  'Exclusion',
  'JoinColumn',
  'JoinTable',
  'ForeignKey',
  'ManyToOne',
  'OneToOne',
  'ManyToMany',
]);
/** Class decorators that shape the table. */
const TABLE_DECORATORS = new Set([
  'Entity',
  'ViewEntity',
  'ChildEntity',
  'Index',
  'Unique',
  'Check',
  'Exclusion',
  'TableInheritance',
]);
/** Relation options that only change how the ORM loads and saves, never the table. */
const QUERY_OPTIONS =
  /\b(eager|cascade|lazy|persistence|orphanedRowAction|orphanedRowAction)\s*:\s*(\[[^\]]*\]|"[^"]*"|'[^']*'|[\w.]+)\s*,?/g;

interface Decorator {
  name: string;
  start: number;
  end: number;
}

/** Decorators (`@Name(...)` or `@Name`) from `k` on, skipping whitespace; returns them and where they stop. */
function decoratorsFrom(src: Source, k: number, limit: number): { list: Decorator[]; next: number } {
  const list: Decorator[] = [];
  const m = src.masked;
  for (;;) {
    while (k < limit && /\s/.test(m[k]!)) k++;
    const d = /^@([A-Za-z_$][\w$.]*)\s*/.exec(m.slice(k, Math.min(limit, k + 200)));
    if (!d) return { list, next: k };
    let end = k + d[0].length;
    if (m[end] === '(') end = matchBracket(src, end);
    list.push({ name: d[1]!.split('.').pop()!, start: k, end });
    k = end;
  }
}

/** A relation decorator's signature without query-time options and without the inverse-side function. */
function relationSig(src: Source, d: Decorator): string {
  return signature(src, d.start, d.end)
    .replace(QUERY_OPTIONS, '')
    .replace(/,\(?\w*\)?=>\w+(\.\w+)+(?=[,)])/, '')
    .replace(/,\{\}\)$/, ')');
}

/** The column name a decorator gives (`@Column({ name: 'x' })`, `@Column('int', { name })`, `@JoinColumn({ name })`). */
function columnName(src: Source, list: readonly Decorator[]): string | undefined {
  for (const d of list) {
    if (!/Column$/.test(d.name) || src.masked[d.end - 1] !== ')') continue;
    const obj = src.masked.indexOf('{', d.start);
    if (obj < 0 || obj > d.end) continue;
    const name = propIn(src, obj, matchBracket(src, obj), 'name');
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The schema entries of an entity class body [open, end). */
function bodyEntries(src: Source, open: number, end: number): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  const m = src.masked;
  let depth = 0;
  for (let k = open; k < end; k++) {
    const ch = m[k]!;
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    else if (ch === '@' && depth === 1) {
      const { list, next } = decoratorsFrom(src, k, end);
      const prop =
        /^(?:(?:public|private|protected|readonly|declare|override|static)\s+)*([A-Za-z_$][\w$]*)\s*[?!]?\s*(\(|:\s*([^;=\n]*)|=|;|\n)/.exec(
          m.slice(next, next + 400),
        );
      k = Math.max(k, next - 1);
      if (!prop || prop[2] === '(') continue; // a method (hooks: @BeforeInsert)
      const names = new Set(list.map((d) => d.name));
      const kept = list.filter((d) => {
        if (!SCHEMA_DECORATORS.has(d.name)) return false;
        if (d.name === 'OneToOne') return names.has('JoinColumn');
        if (d.name === 'ManyToMany') return names.has('JoinTable');
        return true;
      });
      if (kept.length === 0) continue;
      const relation = kept.some((d) => /^(ManyToOne|OneToOne|ManyToMany)$/.test(d.name));
      const type = relation
        ? ''
        : (prop[3] ?? '')
            .replace(/\s/g, '')
            .replace(/\|(null|undefined)\b/g, '')
            .replace(/^(null|undefined)\|/, '');
      const sig = `${kept.map((d) => (relation ? relationSig(src, d) : signature(src, d.start, d.end))).join('')}:${type}`;
      entries.push({
        key: `column:${columnName(src, kept) ?? prop[1]}`,
        sig,
        line: lineOf(src, kept[0]!.start),
      });
    }
  }
  return entries;
}

/** The table an `@Entity(...)` names: a literal, a constant, `Obj.Member`; the class name snake-cased when none. */
function entityTable(src: Source, d: Decorator, cls: string, at?: JsFileContext): string | null {
  const m = src.masked;
  if (m[d.end - 1] !== ')') return ormTable(underscore(cls));
  const open = m.indexOf('(', d.start);
  const args = m.slice(open + 1, d.end - 1);
  const schemaOf = (): string | undefined => {
    const objAt = args.indexOf('{');
    if (objAt < 0) return undefined;
    return propIn(src, open + 1 + objAt, d.end, 'schema');
  };
  const expr = (text: string): string | null | undefined => {
    if (!text) return undefined;
    const lit = literalAt(src, open + 1 + args.indexOf(text));
    if (lit !== undefined) return lit;
    return resolveJsName(src, text.trim(), at) ?? null;
  };
  const first = /^\s*([^\s{,)][^,)]*)/.exec(args);
  let name: string | null | undefined;
  if (first) name = expr(first[1]!);
  else {
    const objAt = args.indexOf('{');
    if (objAt >= 0) {
      const lit = propIn(src, open + 1 + objAt, d.end, 'name');
      if (lit !== undefined) name = lit;
      else {
        const e = /(?:^|[\s,{])name\s*:\s*([A-Za-z_$][\w$.]*)/.exec(args.slice(objAt));
        name = e ? (resolveJsName(src, e[1]!, at) ?? null) : undefined;
      }
    }
  }
  if (name === null) return null;
  const schema = schemaOf();
  return name === undefined
    ? ormTable(underscore(cls), schema)
    : schema
      ? ormTable(name, schema)
      : dottedTable(name);
}

/** The decorators of the class whose `class` keyword (after `export`, `default`, `abstract`) is at `cls`. */
function classDecorators(src: Source, from: number, cls: number): Decorator[] {
  const m = src.masked;
  let depth = 0;
  for (let k = from; k < cls; k++) {
    const ch = m[k]!;
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '@' && depth === 0) {
      const run = decoratorsFrom(src, k, cls);
      if (/^\s*(?:(?:export|default|abstract|declare)\s+)*$/.test(m.slice(run.next, cls))) return run.list;
      k = Math.max(k, run.next - 1);
    }
  }
  return [];
}

/** `@Entity()` classes with their effective schema (columns, relations that hold a column, indexes). */
export function entitySchemas(text: string, at?: JsFileContext): { src: Source; models: SchemaModel[] } {
  const src = scanSource(text, 'js');
  const models: SchemaModel[] = [];
  const m = src.masked;
  let prevEnd = 0;
  for (const cls of m.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)[^{]*\{/g)) {
    if (cls.index < prevEnd) continue; // a class inside a class body
    const list = classDecorators(src, prevEnd, cls.index);
    const entity = list.find((d) => d.name === 'Entity' || d.name === 'ViewEntity');
    if (!entity) continue;
    const open = cls.index + cls[0].length - 1;
    const end = matchBracket(src, open);
    prevEnd = end;
    const table = entityTable(src, entity, cls[1]!, at);
    const entries: SchemaEntry[] = list
      .filter((d) => TABLE_DECORATORS.has(d.name) && d !== entity)
      .map((d) => ({
        key: `${d.name.toLowerCase()}:${signature(src, d.start, d.end)}`,
        sig: '',
        line: lineOf(src, d.start),
      }));
    if (entity.name === 'ViewEntity')
      entries.push({
        key: 'view',
        sig: signature(src, entity.start, entity.end),
        line: lineOf(src, entity.start),
      });
    entries.push(...bodyEntries(src, open, end));
    models.push({ name: cls[1]!, table, line: lineOf(src, entity.start), entries });
  }
  return { src, models };
}
