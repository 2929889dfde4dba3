import { matchBracket } from '../lang/blocks.js';
import { underscore } from '../lang/naming.js';
import { annotationsIn, type Annotation } from '../lang/php-annotations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';

/** What a class is to Doctrine. */
export type ClassRole = 'entity' | 'superclass' | 'embeddable' | 'plain';

/** One mapped column (or join column, or embedded object) of a class, keyed by its column name. */
export interface MappedColumn {
  /** The mapping, normalised: two equal signatures map the same column the same way. */
  signature: string;
  line: number;
  /** `Column` (a field), `JoinColumn` (an association's foreign key) or `Embedded`. */
  via: string;
}

/** The effective schema a PHP class declares through Doctrine mappings. */
export interface ClassMapping {
  name: string;
  /** The class it extends (short name), and the `use` import path of that name, if any. */
  parent?: string;
  parentImport?: string;
  /** Traits the class uses (short names). */
  traits: string[];
  role: ClassRole;
  /** The table as written in `Table(name:)` (constants resolved), if written. */
  table?: string;
  /** `Table(schema:)`. */
  schema?: string;
  /** `SINGLE_TABLE`, `JOINED` when the class declares an inheritance type. */
  inheritance?: string;
  /** Class-level mapping that shapes the table (indexes, constraints, discriminator column). */
  tableLevel: Map<string, string>;
  columns: Map<string, MappedColumn>;
  /** Join tables of owning many-to-many associations: name as written (or undefined) → line. */
  joinTables: Map<string, { line: number; explicit: boolean }>;
  start: number;
  end: number;
}

const MAPPING_NAMES = new Set([
  'Entity',
  'MappedSuperclass',
  'Embeddable',
  'Table',
  'Column',
  'Id',
  'GeneratedValue',
  'SequenceGenerator',
  'CustomIdGenerator',
  'JoinColumn',
  'JoinColumns',
  'JoinTable',
  'ManyToOne',
  'OneToOne',
  'ManyToMany',
  'OneToMany',
  'Index',
  'UniqueConstraint',
  'InheritanceType',
  'DiscriminatorColumn',
  'Embedded',
  'Version',
  'AttributeOverrides',
  'AssociationOverrides',
]);

/** Column options that change what an application may write, not the table. */
const NOT_SCHEMA = new Set(['insertable', 'updatable', 'generated', 'enumType']);
/** Association options that change loading or cascading, not the table. */
const ASSOCIATION_KEEP = new Set(['targetEntity', '0']);

/** Which names are Doctrine mapping annotations in this file: `ORM\Column`, or `Column` when imported. */
function mappingName(text: string): (name: string) => string | undefined {
  const aliases = new Set<string>();
  for (const m of text.matchAll(/^\s*use\s+\\?Doctrine\\ORM\\Mapping(?:\s+as\s+(\w+))?\s*;/gm))
    aliases.add(m[1] ?? 'Mapping');
  const bare = new Set<string>();
  for (const m of text.matchAll(
    /^\s*use\s+\\?Doctrine\\ORM\\Mapping\\(?:(\w+)(?:\s+as\s+(\w+))?|\{([^}]*)\})\s*;/gm,
  )) {
    if (m[3])
      for (const n of m[3].split(','))
        bare.add(
          n
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        );
    else bare.add(m[2] ?? m[1]!);
  }
  return (name) => {
    const parts = name.split('\\');
    const last = parts.pop()!;
    if (!MAPPING_NAMES.has(last)) return undefined;
    if (parts.length === 0) return bare.has(last) ? last : undefined;
    const prefix = parts.join('\\');
    return aliases.has(prefix) || /^(Doctrine\\ORM\\Mapping|ORM)$/.test(prefix) ? last : undefined;
  };
}

/** Where each top-level statement before `at` ends: the class header starts after the last one. */
function headerStart(src: Source, at: number): number {
  let k = at - 1;
  for (; k >= 0; k--) {
    const ch = src.masked[k]!;
    if (ch === ';' || ch === '}' || ch === '{') break;
  }
  return k + 1;
}

/** The members of a class body: [start, end) spans ending at a `;` or a method's closing brace. */
function members(src: Source, open: number, close: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = open + 1;
  for (let k = open + 1; k < close - 1; k++) {
    const ch = src.masked[k]!;
    if (ch === ';') {
      out.push([from, k + 1]);
      from = k + 1;
    } else if (ch === '{' || ch === '(' || ch === '[') {
      const end = matchBracket(src, k);
      if (ch === '{') {
        out.push([from, end]);
        from = end;
      }
      k = end - 1;
    }
  }
  return out;
}

export interface EntityContext {
  /** Resolves `X::CONST` / `self::CONST` to a string, when known. */
  constant: (name: string) => string | undefined;
}

/** The classes of a PHP file with their Doctrine mappings. */
export function classMappings(text: string, ctx: EntityContext): { src: Source; classes: ClassMapping[] } {
  const src = scanSource(text, 'php');
  const isMapping = mappingName(text);
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/^\s*use\s+\\?([\w\\]+?)(?:\s+as\s+(\w+))?\s*;/gm))
    imports.set(m[2] ?? m[1]!.split('\\').pop()!, m[1]!);
  const value = (v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const s = /^'(.*)'$/.exec(v);
    if (s) return s[1]!.replace(/^`|`$/g, '').replace(/^"|"$/g, '');
    return ctx.constant(v);
  };
  const classes: ClassMapping[] = [];
  const re =
    /(?<![\w$])(?:(?:abstract|final|readonly)\s+)*(class|trait)\s+(\w+)(?:\s+extends\s+\\?([\w\\]+))?[^{;]*\{/g;
  for (const m of src.masked.matchAll(re)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(src, open);
    const header = annotationsIn(src, headerStart(src, m.index), m.index);
    const mapped = (list: Annotation[]) =>
      list.flatMap((a) => {
        const n = isMapping(a.name);
        return n ? [{ ...a, name: n }] : [];
      });
    const cls = mapped(header);
    const has = (n: string) => cls.some((a) => a.name === n);
    const role: ClassRole = has('Entity')
      ? 'entity'
      : has('MappedSuperclass')
        ? 'superclass'
        : has('Embeddable')
          ? 'embeddable'
          : 'plain';
    const mapping: ClassMapping = {
      name: m[2]!,
      traits: [],
      role,
      tableLevel: new Map(),
      columns: new Map(),
      joinTables: new Map(),
      start: lineOf(src, m.index),
      end: lineOf(src, close - 1),
    };
    if (m[3]) {
      mapping.parent = m[3].split('\\').pop()!;
      const imp = imports.get(m[3].split('\\')[0]!);
      if (imp)
        mapping.parentImport = m[3].includes('\\') ? `${imp}\\${m[3].split('\\').slice(1).join('\\')}` : imp;
    }
    for (const a of cls) {
      if (a.name === 'Table') {
        const t = value(a.args.get('name') ?? a.args.get('0'));
        if (t !== undefined) mapping.table = t;
        const s = value(a.args.get('schema'));
        if (s !== undefined) mapping.schema = s;
        for (const [k, v] of a.args)
          if (k !== 'name' && k !== '0' && k !== 'schema') mapping.tableLevel.set(`Table.${k}`, v);
      } else if (a.name === 'InheritanceType') {
        mapping.inheritance = (value(a.args.get('0') ?? a.args.get('value')) ?? '').toUpperCase();
        mapping.tableLevel.set('InheritanceType', mapping.inheritance);
      } else if (a.name === 'Index' || a.name === 'UniqueConstraint') {
        const key = `${a.name}.${a.args.get('name') ?? a.args.get('columns') ?? a.args.get('fields') ?? ''}`;
        mapping.tableLevel.set(key, [...a.args].sort().join(','));
      } else if (a.name === 'DiscriminatorColumn' || /Overrides$/.test(a.name)) {
        mapping.tableLevel.set(a.name, [...a.args].sort().join(','));
        if (a.name === 'DiscriminatorColumn') {
          const col = value(a.args.get('name') ?? a.args.get('0')) ?? 'dtype';
          mapping.columns.set(col.toLowerCase(), {
            signature: `Discriminator:${[...a.args].sort().join(',')}`,
            line: lineOf(src, a.at),
            via: 'Column',
          });
        }
      }
    }
    for (const [from, to] of members(src, open, close)) {
      const code = src.masked.slice(from, to);
      const use = /^\s*(?:#\[[^\]]*\]\s*)*use\s+([\w\\,\s]+)[;{]/.exec(code.replace(/#\[[\s\S]*?\]/g, ''));
      if (use) {
        for (const t of use[1]!.split(',')) mapping.traits.push(t.trim().split('\\').pop()!);
        continue;
      }
      const prop =
        /(?:\b(?:public|protected|private|var|readonly|static)\s+)+(?:[?\w\\|&]+\s+)?\$(\w+)\s*(?:=|;)/.exec(
          code,
        );
      if (!prop || /\bfunction\b/.test(code.slice(0, prop.index))) continue;
      const list = mapped(annotationsIn(src, from, from + prop.index));
      if (list.length === 0) continue;
      const line = lineOf(src, from + prop.index);
      addProperty(mapping, prop[1]!, list, line, value);
    }
    classes.push(mapping);
  }
  return { src, classes };
}

/** Adds a property's columns (or join table) to the class mapping. Column names are resolved later. */
function addProperty(
  mapping: ClassMapping,
  prop: string,
  list: Annotation[],
  line: number,
  value: (v: string | undefined) => string | undefined,
): void {
  const get = (n: string) => list.find((a) => a.name === n);
  const sig = (a: Annotation, keep?: Set<string>) =>
    `${a.name}(${[...a.args]
      .filter(
        ([k, v]) =>
          (keep ? keep.has(k) : !NOT_SCHEMA.has(k)) && !(/^(nullable|unique)$/.test(k) && v === 'false'),
      )
      .sort()
      .map(([k, v]) => `${k}:${v}`)
      .join(',')})`;
  const flags = ['Id', 'GeneratedValue', 'Version', 'SequenceGenerator']
    .flatMap((n) => (get(n) ? [sig(get(n)!)] : []))
    .join('');
  const column = get('Column');
  if (column) {
    const name = value(column.args.get('name')) ?? `\u0000${prop}`;
    mapping.columns.set(name.toLowerCase(), { signature: sig(column) + flags, line, via: 'Column' });
    return;
  }
  const embedded = get('Embedded');
  if (embedded) {
    mapping.columns.set(`\u0000${prop}`, { signature: sig(embedded), line, via: 'Embedded' });
    return;
  }
  const assoc = get('ManyToOne') ?? get('OneToOne');
  if (assoc && !assoc.args.has('mappedBy')) {
    const joins = list.filter((a) => a.name === 'JoinColumn');
    const target = sig(assoc, ASSOCIATION_KEEP);
    if (joins.length === 0) {
      mapping.columns.set(`\u0000${prop}_id`, { signature: target + flags, line, via: 'JoinColumn' });
    }
    for (const j of joins) {
      const name = value(j.args.get('name')) ?? `\u0000${prop}_id`;
      mapping.columns.set(name.toLowerCase(), {
        signature: target + sig(j) + flags,
        line,
        via: 'JoinColumn',
      });
    }
    return;
  }
  const many = get('ManyToMany');
  if (many && !many.args.has('mappedBy')) {
    const jt = get('JoinTable');
    const name = value(jt?.args.get('name'));
    mapping.joinTables.set(name ?? `\u0000${prop}:${many.args.get('targetEntity') ?? ''}`, {
      line,
      explicit: name !== undefined,
    });
  }
}

/** A naming strategy's table and column names for a class or property name. */
export type Naming = (name: string) => string;

export const NAMINGS: Record<'default' | 'underscore', Naming> = {
  default: (n) => n,
  underscore: (n) => underscore(n),
};
