import type { ColumnEntry, TableEntry } from '../contract/types.js';
import {
  customList,
  isEmpty,
  isObj,
  setKey,
  takeCustom,
  without,
  type Custom,
  type Obj,
  type Path,
} from './values.js';

/** What import keeps of a schema object that dcr does not read (`x-odcs.tables.<table>`). */
export interface TableExtras extends Obj {
  /** Per column, what dcr does not read of its property. */
  columns?: Obj;
}

export interface TableFromOdcs {
  name: string;
  entry: TableEntry;
  /** Kept for export; empty when export rebuilds the object by itself. */
  extras: TableExtras;
  /** Where parts of the entry came from: a path relative to the entry → a path in the document. */
  origins: [Path, Path][];
}

const X = (name: string) => name.startsWith('x-');
/** Property fields dcr reads as a column. */
const COLUMN_KEYS = [
  'name',
  'physicalType',
  'required',
  'primaryKey',
  'primaryKeyPosition',
  'customProperties',
];

/**
 * Reads a table from an ODCS schema object (at `path`): its name (`physicalName`, else
 * `name`), and when it lists properties, the columns with type (`physicalType`), nullability
 * (`required` negated) and key (`primaryKey`, in `primaryKeyPosition` order); the cursor
 * column and `x-` keys come from custom properties.
 */
export function tableFromOdcs(object: Obj, path: Path): TableFromOdcs {
  const field = typeof object.physicalName === 'string' ? 'physicalName' : 'name';
  const name = String(object[field]);
  const origins: [Path, Path][] = [
    [[], [...path, field]],
    [['name'], [...path, field]],
  ];
  const extras: TableExtras = without(object, [field, 'customProperties', 'properties']);
  const table: Obj = { name };
  const { taken, rest } = takeCustom(object.customProperties, (n, v) =>
    n === 'cursor_column'
      ? typeof v === 'string'
      : n === 'key_columns'
        ? Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string')
        : X(n),
  );
  if (rest.length > 0 || (taken.size === 0 && Array.isArray(object.customProperties)))
    setKey(extras, 'customProperties', rest);

  const columns = readColumns(object.properties, [...path, 'properties'], taken.has('key_columns'));
  if (columns) {
    if (columns.entries.length > 0) table.columns = columns.entries;
    if (columns.keys.length > 0) table.key_columns = columns.keys;
    if (!isEmpty(columns.extras)) extras.columns = columns.extras;
    columns.origins.forEach(([from, to]) => origins.push([['columns', ...from], to]));
  } else if (object.properties !== undefined) setKey(extras, 'properties', object.properties);
  for (const [n, { value, index }] of taken) {
    setKey(table, n, value);
    origins.push([[n], [...path, 'customProperties', index, 'value']]);
  }
  const entry = Object.keys(table).length === 1 ? name : (table as Exclude<TableEntry, string>);
  return { name, entry, extras, origins };
}

interface Columns {
  entries: ColumnEntry[];
  keys: string[];
  extras: Obj;
  origins: [Path, Path][];
}

/** Properties as columns; undefined when they cannot all be (no name, a name twice, none). */
function readColumns(properties: unknown, path: Path, keysElsewhere: boolean): Columns | undefined {
  if (!Array.isArray(properties) || properties.length === 0) return undefined;
  const names = properties.map((p) => (isObj(p) && typeof p.name === 'string' ? p.name : undefined));
  if (names.some((n) => n === undefined) || new Set(names).size !== names.length) return undefined;
  const out: Columns = { entries: [], keys: [], extras: {}, origins: [] };
  const keyed: { name: string; position: unknown; order: number }[] = [];
  properties.forEach((raw, i) => {
    const p = raw as Obj;
    const name = p.name as string;
    const column: Obj = { name };
    const extra = without(p, COLUMN_KEYS);
    out.origins.push([[i], [...path, i, 'name']]);
    if (typeof p.physicalType === 'string') {
      column.type = p.physicalType;
      out.origins.push([
        [i, 'type'],
        [...path, i, 'physicalType'],
      ]);
    } else if (p.physicalType !== undefined) setKey(extra, 'physicalType', p.physicalType);
    if (typeof p.required === 'boolean') {
      column.nullable = !p.required;
      out.origins.push([
        [i, 'nullable'],
        [...path, i, 'required'],
      ]);
    } else if (p.required !== undefined) setKey(extra, 'required', p.required);
    if (p.primaryKey === true && !keysElsewhere)
      keyed.push({ name, position: p.primaryKeyPosition, order: i });
    else {
      if (p.primaryKey !== undefined) setKey(extra, 'primaryKey', p.primaryKey);
      if (p.primaryKeyPosition !== undefined) setKey(extra, 'primaryKeyPosition', p.primaryKeyPosition);
    }
    const { taken, rest } = takeCustom(p.customProperties, X);
    for (const [n, { value }] of taken) setKey(column, n, value);
    if (rest.length > 0 || (taken.size === 0 && Array.isArray(p.customProperties)))
      setKey(extra, 'customProperties', rest);
    if (!isEmpty(extra)) setKey(out.extras, name, extra);
    out.entries.push(Object.keys(column).length === 1 ? name : (column as ColumnEntry));
  });
  // Key order: by position where given, then as listed; export writes positions 1, 2, ...
  const rank = (k: (typeof keyed)[number]) => (typeof k.position === 'number' ? k.position : Infinity);
  keyed.sort((a, b) => rank(a) - rank(b) || a.order - b.order);
  keyed.forEach((k, i) => {
    out.keys.push(k.name);
    if (k.position === i + 1) return;
    const extra = (isObj(out.extras[k.name]) ? out.extras[k.name] : {}) as Obj;
    // null: "write no position" (the document had none).
    setKey(extra, 'primaryKeyPosition', k.position ?? null);
    setKey(out.extras, k.name, extra);
  });
  return out;
}

/** Builds the ODCS schema object of a table entry, with what import kept of it. */
export function tableToOdcs(entry: TableEntry, kept: TableExtras | undefined): Obj {
  const name = typeof entry === 'string' ? entry : entry.name;
  const extras = kept ?? {};
  const object: Obj = {};
  // A kept logical name means the table is the physical name.
  if (Object.hasOwn(extras, 'name')) setKey(object, 'name', extras.name);
  setKey(object, Object.hasOwn(extras, 'name') ? 'physicalName' : 'name', name);
  for (const key of Object.keys(extras))
    if (key !== 'name' && key !== 'columns' && key !== 'customProperties') setKey(object, key, extras[key]);
  const own: Custom[] = [];
  if (typeof entry !== 'string') {
    const columnNames = (entry.columns ?? []).map((c) => (typeof c === 'string' ? c : c.name));
    const keys = entry.key_columns ?? [];
    const keysOnColumns = keys.every((k) => columnNames.includes(k));
    if (entry.columns)
      object.properties = entry.columns.map((c) =>
        propertyOf(c, keysOnColumns ? keys : [], isObj(extras.columns) ? extras.columns : {}),
      );
    if (keys.length > 0 && !keysOnColumns) own.push({ property: 'key_columns', value: keys });
    if (entry.cursor_column !== undefined)
      own.push({ property: 'cursor_column', value: entry.cursor_column });
    for (const key of Object.keys(entry)) if (X(key)) own.push({ property: key, value: (entry as Obj)[key] });
  }
  const list = customList(own, extras.customProperties);
  if (list.length > 0 || Array.isArray(extras.customProperties)) object.customProperties = list;
  return object;
}

function propertyOf(column: ColumnEntry, keys: readonly string[], kept: Obj): Obj {
  const c: Obj = typeof column === 'string' ? { name: column } : column;
  const name = c.name as string;
  const extra = Object.hasOwn(kept, name) && isObj(kept[name]) ? (kept[name] as Obj) : {};
  const property: Obj = { name };
  if (typeof c.type === 'string') property.physicalType = c.type;
  if (typeof c.nullable === 'boolean') property.required = !c.nullable;
  const key = keys.indexOf(name);
  if (key >= 0) {
    property.primaryKey = true;
    const position = Object.hasOwn(extra, 'primaryKeyPosition') ? extra.primaryKeyPosition : key + 1;
    if (position !== null) property.primaryKeyPosition = position;
  }
  for (const k of Object.keys(extra))
    if (k !== 'customProperties' && !(key >= 0 && k === 'primaryKeyPosition')) setKey(property, k, extra[k]);
  const own: Custom[] = Object.keys(c)
    .filter(X)
    .map((k) => ({ property: k, value: c[k] }));
  const list = customList(own, extra.customProperties);
  if (list.length > 0 || Array.isArray(extra.customProperties)) property.customProperties = list;
  return property;
}
