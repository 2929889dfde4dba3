import { lineOf, scanSource, type Source } from '../lang/source.js';
import type { ClassMapping, ClassRole } from './doctrine-entity.js';

const ROLES: Record<string, ClassRole> = {
  entity: 'entity',
  'mapped-superclass': 'superclass',
  embeddable: 'embeddable',
};

/** Attributes of one XML start tag. */
const attrs = (tag: string): Map<string, string> =>
  new Map(
    [...tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? '']),
  );

/** Attributes that change loading, cascading or the PHP side only, not the table. */
const NOT_SCHEMA = new Set([
  'inversed-by',
  'fetch',
  'orphan-removal',
  'field',
  'name',
  'insertable',
  'updatable',
  'enum-type',
]);

const signature = (element: string, a: Map<string, string>): string =>
  `${element}(${[...a]
    .filter(([k, v]) => !NOT_SCHEMA.has(k) && !(/^(nullable|unique)$/.test(k) && v === 'false'))
    .sort()
    .map(([k, v]) => `${k}:${v}`)
    .join(',')})`;

/** Whether a file is a Doctrine XML mapping. */
export const isXmlMapping = (path: string, text: string): boolean =>
  /\.orm\.xml$|\.dcm\.xml$/.test(path) || (/\.xml$/.test(path) && /<doctrine-mapping\b/.test(text));

/**
 * The classes of a Doctrine XML mapping (`<entity name table>`, `<field>`, `<id>`, owning
 * `<many-to-one>`/`<one-to-one>` and their `<join-column>`s, `<embedded>`, `<indexes>`,
 * `<unique-constraints>`, `<discriminator-column>`, owning `<many-to-many>` join tables), in
 * the shape of the PHP mappings so both compare the same way.
 */
export function xmlMappings(text: string): { src: Source; classes: ClassMapping[] } {
  const src = scanSource(text, 'js');
  // Comments hold no mapping.
  const clean = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const classes: ClassMapping[] = [];
  for (const m of clean.matchAll(/<(entity|mapped-superclass|embeddable)\b([^>]*?)(\/?)>/g)) {
    const head = attrs(m[2]!);
    const close = m[3] ? m.index + m[0].length : clean.indexOf(`</${m[1]}>`, m.index);
    const body = clean.slice(m.index + m[0].length, close < 0 ? clean.length : close);
    const base = m.index + m[0].length;
    const name = (head.get('name') ?? '').split('\\').pop()!;
    const mapping: ClassMapping = {
      name,
      traits: [],
      role: ROLES[m[1]!]!,
      tableLevel: new Map(),
      columns: new Map(),
      joinTables: new Map(),
      start: lineOf(src, m.index),
      end: lineOf(src, close < 0 ? clean.length - 1 : close),
    };
    const table = head.get('table');
    if (table) mapping.table = table.replace(/^`|`$/g, '');
    if (head.get('schema')) mapping.schema = head.get('schema')!;
    const inheritance = head.get('inheritance-type');
    if (inheritance) {
      mapping.inheritance = inheritance.toUpperCase();
      mapping.tableLevel.set('InheritanceType', mapping.inheritance);
    }
    const line = (at: number) => lineOf(src, base + at);
    // Associations first: their join columns belong to them.
    const assocSpans: Array<[number, number]> = [];
    for (const a of body.matchAll(/<(many-to-one|one-to-one|many-to-many)\b([^>]*?)(\/?)>/g)) {
      const end = a[3] ? a.index + a[0].length : body.indexOf(`</${a[1]}>`, a.index);
      const inner = body.slice(a.index, end < 0 ? body.length : end);
      assocSpans.push([a.index, end < 0 ? body.length : end]);
      const at = attrs(a[2]!);
      const field = at.get('field') ?? '';
      if (at.has('mapped-by')) continue;
      if (a[1] === 'many-to-many') {
        const jt = /<join-table\b([^>]*)>/.exec(inner);
        const jtName = jt ? attrs(jt[1]!).get('name') : undefined;
        mapping.joinTables.set(jtName ?? `\u0000${field}:${at.get('target-entity') ?? ''}`, {
          line: line(a.index),
          explicit: jtName !== undefined,
        });
        continue;
      }
      const target = `${a[1]}(${at.get('target-entity') ?? ''})`;
      const joins = [...inner.matchAll(/<join-column\b([^>]*)>/g)];
      if (joins.length === 0)
        mapping.columns.set(`\u0000${field}_id`, {
          signature: target,
          line: line(a.index),
          via: 'JoinColumn',
        });
      for (const j of joins) {
        const ja = attrs(j[1]!);
        const col = ja.get('name') ?? `\u0000${field}_id`;
        mapping.columns.set(col.toLowerCase(), {
          signature: target + signature('join-column', ja) + (ja.get('name') ?? ''),
          line: line(a.index + j.index),
          via: 'JoinColumn',
        });
      }
    }
    const inAssoc = (k: number) => assocSpans.some(([s, e]) => k >= s && k < e);
    for (const f of body.matchAll(/<(field|id|embedded|discriminator-column)\b([^>]*?)(\/?)>/g)) {
      if (inAssoc(f.index)) continue;
      const at = attrs(f[2]!);
      const end = f[3] ? f.index + f[0].length : body.indexOf(`</${f[1]}>`, f.index);
      const inner = end > f.index ? body.slice(f.index, end) : '';
      const extra = [...inner.matchAll(/<(generator|option)\b([^>]*)>([^<]*)/g)]
        .map((o) => `${o[1]}${o[2]}${o[3]}`)
        .join('');
      const key =
        f[1] === 'discriminator-column'
          ? (at.get('name') ?? 'dtype')
          : (at.get('column') ?? `\u0000${at.get('name') ?? at.get('field') ?? ''}`);
      mapping.columns.set(key.toLowerCase(), {
        signature: signature(f[1]!, at) + (at.get('column') ?? '') + extra,
        line: line(f.index),
        via: f[1] === 'embedded' ? 'Embedded' : 'Column',
      });
    }
    for (const i of body.matchAll(/<(index|unique-constraint)\b([^>]*)>/g)) {
      const at = attrs(i[2]!);
      mapping.tableLevel.set(
        `${i[1]}.${at.get('name') ?? at.get('columns') ?? at.get('fields') ?? ''}`,
        signature(i[1]!, at) + (at.get('name') ?? ''),
      );
    }
    classes.push(mapping);
  }
  return { src, classes };
}
