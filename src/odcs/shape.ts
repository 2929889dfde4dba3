import { isObj } from './values.js';

/**
 * How a dcr contract wrote the fields that have more than one spelling, when it differs from
 * the spelling import chooses by itself. Export carries it as the custom property `dcr_shape`,
 * so that export → import gives back the very same file.
 */
export interface Shape {
  /** `source_tables` also for one table (or none); `both`: the first as `source_table`. */
  tables?: 'source_tables' | 'both';
  source_owner?: 'list';
  ingestion_owner?: 'list';
  ingestion_frequency_minutes?: 'string';
  status?: 'absent';
}

export const SHAPE_PROPERTY = 'dcr_shape';

const ALLOWED: Record<string, readonly string[]> = {
  tables: ['source_tables', 'both'],
  source_owner: ['list'],
  ingestion_owner: ['list'],
  ingestion_frequency_minutes: ['string'],
  status: ['absent'],
};

/** A `dcr_shape` value dcr understands in full (anything else is carried verbatim). */
export const isShape = (value: unknown): value is Shape =>
  isObj(value) &&
  Object.entries(value).every(([k, v]) => Object.hasOwn(ALLOWED, k) && ALLOWED[k]!.includes(v as string));

/** The shape of a contract document (only what differs from import's own choice). */
export function shapeOf(doc: Record<string, unknown>): Shape {
  const shape: Shape = {};
  const hasOne = Object.hasOwn(doc, 'source_table');
  const many = Array.isArray(doc.source_tables) ? doc.source_tables : undefined;
  if (hasOne && many) shape.tables = 'both';
  else if (many && many.length < 2) shape.tables = 'source_tables';
  for (const key of ['source_owner', 'ingestion_owner'] as const) {
    const value = doc[key];
    if (Array.isArray(value) && value.length === 1) shape[key] = 'list';
  }
  if (isNumericString(doc.ingestion_frequency_minutes)) shape.ingestion_frequency_minutes = 'string';
  // Without a status export writes `active`, unless an import kept the document's own.
  const kept = doc['x-odcs'];
  if (!Object.hasOwn(doc, 'status') && !(isObj(kept) && Object.hasOwn(kept, 'status')))
    shape.status = 'absent';
  return shape;
}

/** A string that reads back exactly from its number ("60", not " 60" or "60.0"). */
export const isNumericString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && String(Number(value)) === value;
