const UNCOUNTABLE = new Set([
  'equipment',
  'information',
  'rice',
  'money',
  'species',
  'series',
  'fish',
  'sheep',
  'jeans',
  'police',
  'data',
  'metadata',
  'feedback',
  'news',
  'staff',
  'audio',
  'media',
]);
const IRREGULAR: Record<string, string> = {
  person: 'people',
  man: 'men',
  woman: 'women',
  child: 'children',
  sex: 'sexes',
  move: 'moves',
  zombie: 'zombies',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  criterion: 'criteria',
};
const RULES: Array<[RegExp, string]> = [
  [/(quiz)$/i, '$1zes'],
  [/^(ox)$/i, '$1en'],
  [/(matr|vert|ind)(?:ix|ex)$/i, '$1ices'],
  [/(x|ch|ss|sh)$/i, '$1es'],
  [/([^aeiouy]|qu)y$/i, '$1ies'],
  [/(hive)$/i, '$1s'],
  [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/sis$/i, 'ses'],
  [/([ti])um$/i, '$1a'],
  [/(buffal|tomat|potat|her)o$/i, '$1oes'],
  [/(bu)s$/i, '$1ses'],
  [/(alias|status|campus|bus)$/i, '$1es'],
  [/(octop|vir)us$/i, '$1i'],
  [/(ax|test)is$/i, '$1es'],
  [/s$/i, 's'],
];

/** English plural of the last word of an identifier, the way Rails, Laravel and Sequelize inflect. */
export function pluralize(word: string): string {
  const m = /^(.*?)([A-Za-z]+)$/.exec(word);
  if (!m) return word;
  const [, head, last] = m as unknown as [string, string, string];
  const lower = last.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return head + last[0] + irregular.slice(1);
  for (const [re, rep] of RULES) if (re.test(last)) return head + last.replace(re, rep);
  return `${word}s`;
}

/** `OrderItem` → `order_item`, `HTMLPage` → `html_page`, `Admin::User` → `user` (the last segment). */
export function underscore(name: string): string {
  const last = name.split(/::|\\|\./).pop() ?? name;
  return last
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** A table name as an ORM that quotes identifiers creates it: mixed case stays quoted (`"apiKeys"`). */
export function ormTable(name: string, schema?: string): string {
  const q = (part: string): string =>
    /^[a-z_][a-z0-9_$]*$/.test(part) ? part : `"${part.replace(/"/g, '""')}"`;
  return schema ? `${q(schema)}.${q(name)}` : q(name);
}

/** A dotted name from code (`shop.orders`) as a table reference, each part quoted when it needs it. */
export function dottedTable(name: string): string {
  const parts = name.split('.');
  return parts.length === 2 ? ormTable(parts[1]!, parts[0]) : ormTable(name);
}
