import { DEFAULT_UNIT, minutesPer } from './frequency.js';
import {
  CUSTOM_FIELDS,
  DEFAULT_CONTRACT_VERSION,
  jobIdFor,
  ODCS_KEY,
  ODCS_VERSION,
  OWNER_ROLES,
} from './import-odcs.js';
import type { TableEntry } from '../contract/types.js';
import { serverToOdcs } from './server-map.js';
import { tableToOdcs } from './tables.js';
import { isNumericString, shapeOf, SHAPE_PROPERTY } from './shape.js';
import { customList, isObj, setKey, without, type Custom, type Obj } from './values.js';

/** Keys of `x-odcs` that are dcr's bookkeeping, not ODCS fields copied back as they are. */
const BOOKKEEPING = [
  'apiVersion',
  'version',
  'id',
  'status',
  'description',
  'servers',
  'server',
  'tables',
  'schema',
  'team',
  'owners',
  'slaProperties',
  'frequencyUnit',
  'customProperties',
];

const list = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/**
 * Maps a dcr contract document (as written, schema-valid) to one ODCS v3.1.0 document: the
 * fields ODCS has a place for go there, the others travel as custom properties, and what an
 * import kept under `x-odcs` is put back where it came from.
 */
export function exportOdcs(doc: Obj): Obj {
  const kept: Obj = isObj(doc[ODCS_KEY]) ? (doc[ODCS_KEY] as Obj) : {};
  const jobId = String(doc.ingestion_jobid);
  const out: Obj = {
    apiVersion: typeof kept.apiVersion === 'string' ? kept.apiVersion : ODCS_VERSION,
    kind: 'DataContract',
    id: typeof kept.id === 'string' && jobIdFor(kept.id) === jobId ? kept.id : jobId,
    version: kept.version ?? DEFAULT_CONTRACT_VERSION,
    status: doc.status ?? kept.status ?? 'active',
  };
  for (const key of Object.keys(kept)) if (!BOOKKEEPING.includes(key)) setKey(out, key, kept[key]);

  if (typeof doc.description === 'string' || kept.description !== undefined) {
    const base = isObj(kept.description) ? kept.description : {};
    out.description =
      typeof doc.description === 'string'
        ? { purpose: doc.description, ...without(base, ['purpose']) }
        : kept.description;
  }
  if (doc.tags !== undefined) out.tags = doc.tags;

  const servers: unknown[] = [];
  if (doc.source_host !== undefined || doc.source_db !== undefined || isObj(kept.server)) {
    servers.push(
      serverToOdcs({
        ...(doc.source_type === undefined ? {} : { sourceType: doc.source_type as never }),
        ...(typeof doc.source_host === 'string' ? { host: doc.source_host } : {}),
        ...(typeof doc.source_db === 'string' ? { db: doc.source_db } : {}),
        extras: isObj(kept.server) ? kept.server : {},
      }),
    );
  }
  if (Array.isArray(kept.servers)) servers.push(...kept.servers);
  if (servers.length > 0 || Array.isArray(kept.servers)) out.servers = servers;

  const schema = schemaOf(doc, kept);
  if (schema) out.schema = schema;
  const team = teamOf(doc, kept);
  if (team !== undefined) out.team = team;

  const sla: unknown[] = [];
  const minutes = doc.ingestion_frequency_minutes;
  const numeric = typeof minutes === 'number' || isNumericString(minutes);
  if (numeric) sla.push(frequencyEntry(Number(minutes), kept.frequencyUnit));
  if (Array.isArray(kept.slaProperties)) sla.push(...kept.slaProperties);
  if (sla.length > 0 || Array.isArray(kept.slaProperties)) out.slaProperties = sla;

  const own: Custom[] = [];
  for (const field of CUSTOM_FIELDS) {
    if (doc[field] === undefined || (field === 'ingestion_frequency_minutes' && numeric)) continue;
    own.push({ property: field, value: doc[field] });
  }
  for (const key of Object.keys(doc))
    if (key.startsWith('x-') && key !== ODCS_KEY) own.push({ property: key, value: doc[key] });
  const shape = shapeOf(doc);
  if (Object.keys(shape).length > 0) own.push({ property: SHAPE_PROPERTY, value: shape });
  const custom = customList(own, kept.customProperties);
  if (custom.length > 0 || Array.isArray(kept.customProperties)) out.customProperties = custom;
  return out;
}

function frequencyEntry(minutes: number, keptUnit: unknown): Obj {
  const per = minutesPer(keptUnit);
  // The unit the document came with, while the value is still a whole number of it.
  if (per !== undefined && Number.isInteger(minutes / per))
    return { property: 'frequency', value: minutes / per, unit: keptUnit };
  return { property: 'frequency', value: minutes, unit: DEFAULT_UNIT };
}

function schemaOf(doc: Obj, kept: Obj): unknown[] | undefined {
  const entries: TableEntry[] = [];
  for (const entry of [...entries_(doc.source_table), ...entries_(doc.source_tables)])
    if (!entries.some((e) => nameOf(e) === nameOf(entry))) entries.push(entry);
  const tables = entries.map(nameOf);
  if (Array.isArray(kept.schema)) {
    // Kept as written (it names a table twice) while it still lists the contract's tables.
    const names = kept.schema.map((o) => (isObj(o) ? String(o.physicalName ?? o.name) : ''));
    if ([...new Set(names)].join('\n') === tables.join('\n')) return kept.schema;
  }
  const extras = isObj(kept.tables) ? kept.tables : undefined;
  if (entries.length === 0) return extras ? [] : undefined;
  return entries.map((entry) => {
    const name = nameOf(entry);
    return tableToOdcs(
      entry,
      extras && Object.hasOwn(extras, name) && isObj(extras[name]) ? extras[name] : undefined,
    );
  });
}

const nameOf = (entry: TableEntry): string => (typeof entry === 'string' ? entry : entry.name);
const entries_ = (value: unknown): TableEntry[] =>
  value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as TableEntry[]);

function teamOf(doc: Obj, kept: Obj): unknown {
  const details = isObj(kept.owners) ? kept.owners : {};
  const owners: Obj[] = [];
  for (const field of ['source_owner', 'ingestion_owner'] as const) {
    for (const username of list(doc[field])) {
      const member: Obj = { username, role: OWNER_ROLES[field] };
      const more =
        Object.hasOwn(details, username) && isObj(details[username]) ? (details[username] as Obj) : {};
      for (const key of Object.keys(more)) setKey(member, key, more[key]);
      owners.push(member);
    }
  }
  if (Array.isArray(kept.team)) return [...owners, ...kept.team];
  if (isObj(kept.team)) {
    const team = without(kept.team, ['members']);
    const others = Array.isArray(kept.team.members) ? kept.team.members : [];
    if (owners.length > 0 || Array.isArray(kept.team.members)) team.members = [...owners, ...others];
    return team;
  }
  return owners.length > 0 ? { members: owners } : undefined;
}
