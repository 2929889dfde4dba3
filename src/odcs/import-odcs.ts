import { CONTRACT_FIELDS, STATUSES } from '../contract/types.js';
import { minutesPer, DEFAULT_UNIT } from './frequency.js';
import { serverFromOdcs } from './server-map.js';
import { tableFromOdcs, type TableFromOdcs } from './tables.js';
import { isShape, SHAPE_PROPERTY, type Shape } from './shape.js';
import { isEmpty, isObj, setKey, takeCustom, without, type Obj, type Path } from './values.js';

/** Team roles that name dcr's owners. */
export const OWNER_ROLES = { source_owner: 'sourceOwner', ingestion_owner: 'ingestionOwner' } as const;

/** The ODCS version export writes, and the one import leaves unsaid. */
export const ODCS_VERSION = 'v3.1.0';
/** The contract version export writes when the contract has none (ODCS requires one). */
export const DEFAULT_CONTRACT_VERSION = '1.0.0';
/** The block of a dcr contract that carries what has no dcr field. */
export const ODCS_KEY = 'x-odcs';

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** dcr fields that travel as top-level custom properties under their own name. */
export const CUSTOM_FIELDS = [
  'ingestion_type',
  'ingestion_frequency_minutes',
  'source_repo',
  'destination',
  'reviewed_at',
  'policy',
] as const;

export interface OdcsImport {
  /** The dcr contract document: fields in the format's order, `x-` keys after, `x-odcs` last. */
  doc: Obj;
  /** Where the value at a dcr path came from in the ODCS document (nearest known ancestor). */
  origin(path: Path): Path;
  /** Required dcr fields the document does not give, each with where to add it. */
  missing: { field: string; at: Path }[];
}

/** The job id for an ODCS `id` that is not one (a title, say): its letters, digits, `_.-`. */
export const jobIdFor = (id: string): string =>
  id
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 128) || 'contract';

/**
 * Maps a schema-valid ODCS v3 document to a dcr contract. What maps, maps (see the README's
 * table); every other field is kept verbatim under `x-odcs`, so that export gives it back.
 */
export function importOdcs(odcs: Obj): OdcsImport {
  const doc: Obj = {};
  const rest: Obj = {};
  const origins = new Map<string, Path>();
  const put = (field: string, value: unknown, from: Path) => {
    setKey(doc, field, value);
    origins.set(field, from);
  };
  const keep = (key: string, value: unknown) => setKey(rest, key, value);
  let shape: Shape = {};
  const tables: TableFromOdcs[] = [];
  const owners = { source_owner: [] as string[], ingestion_owner: [] as string[] };

  for (const key of Object.keys(odcs)) {
    const value = odcs[key];
    switch (key) {
      case 'kind':
        break; // always DataContract
      case 'apiVersion':
        if (value !== ODCS_VERSION) keep(key, value);
        break;
      case 'version':
        if (value !== DEFAULT_CONTRACT_VERSION) keep(key, value);
        break;
      case 'id': {
        const id = String(value);
        const jobId = JOB_ID.test(id) && id.length <= 128 ? id : jobIdFor(id);
        put('ingestion_jobid', jobId, ['id']);
        if (jobId !== id) keep('id', id);
        break;
      }
      case 'status':
        if ((STATUSES as readonly unknown[]).includes(value)) put('status', value, ['status']);
        else keep(key, value);
        break;
      case 'description':
        if (isObj(value) && typeof value.purpose === 'string') {
          put('description', value.purpose, ['description', 'purpose']);
          if (!isEmpty(without(value, ['purpose']))) keep(key, without(value, ['purpose']));
        } else keep(key, value);
        break;
      case 'tags':
        put('tags', value, ['tags']);
        break;
      case 'servers':
        readServers(value as unknown[]);
        break;
      case 'schema':
        readSchema(value as unknown[]);
        break;
      case 'team':
        readTeam(value);
        break;
      case 'slaProperties':
        readSla(value as unknown[]);
        break;
      case 'customProperties':
        readCustom(value as unknown[]);
        break;
      default:
        keep(key, value);
    }
  }

  function readServers(servers: unknown[]) {
    const [first, ...others] = servers;
    if (others.length > 0 || !isObj(first)) keep('servers', isObj(first) ? others : servers);
    if (!isObj(first)) return;
    const source = serverFromOdcs(first, ['servers', 0]);
    if (source.host !== undefined) put('source_host', source.host, source.at.host!);
    if (source.db !== undefined) put('source_db', source.db, source.at.db!);
    if (source.sourceType !== undefined) put('source_type', source.sourceType, ['servers', 0, 'type']);
    if (!isEmpty(source.extras)) keep('server', source.extras);
  }

  function readSchema(objects: unknown[]) {
    const extras: Obj = {};
    objects.forEach((object, i) => {
      if (!isObj(object)) return;
      const table = tableFromOdcs(object, ['schema', i]);
      if (tables.some((t) => t.name === table.name)) return;
      tables.push(table);
      if (!isEmpty(table.extras)) setKey(extras, table.name, table.extras);
    });
    const unique = tables.length === objects.length;
    if (!unique) {
      // A name used twice: the list is kept as written, the tables by name only.
      keep('schema', objects);
      tables.forEach((t) => (t.entry = t.name));
    } else if (!isEmpty(extras) || tables.length === 0) keep('tables', extras);
  }

  function readTeam(team: unknown) {
    const members = Array.isArray(team)
      ? team
      : isObj(team) && Array.isArray(team.members)
        ? team.members
        : [];
    const base: Path = Array.isArray(team) ? ['team'] : ['team', 'members'];
    const others: unknown[] = [];
    const details: Obj = {};
    members.forEach((member, i) => {
      const field = ownerField(member);
      if (!field || !isObj(member)) return others.push(member);
      const name = String(member.username);
      if (owners[field].includes(name)) return others.push(member);
      origins.set(`${field}/${owners[field].length}`, [...base, i, 'username']);
      owners[field].push(name);
      const other = without(member, ['username', 'role']);
      if (!isEmpty(other)) setKey(details, name, other);
    });
    const mapped = members.length - others.length;
    if (!isEmpty(details)) keep('owners', details);
    if (Array.isArray(team)) {
      if (others.length > 0 || mapped === 0) keep('team', others);
      return;
    }
    if (!isObj(team)) return keep('team', team);
    const kept = without(team, ['members']);
    if (others.length > 0 || (mapped === 0 && Array.isArray(team.members))) setKey(kept, 'members', others);
    if (!isEmpty(kept) || mapped === 0) keep('team', kept);
  }

  function readSla(list: unknown[]) {
    let taken = -1;
    list.forEach((entry, i) => {
      if (taken >= 0 || !isObj(entry) || entry.property !== 'frequency') return;
      if (!Object.keys(entry).every((k) => k === 'property' || k === 'value' || k === 'unit')) return;
      const per = minutesPer(entry.unit);
      if (typeof entry.value !== 'number' || per === undefined) return;
      taken = i;
      put('ingestion_frequency_minutes', entry.value * per, ['slaProperties', i, 'value']);
      if (entry.unit !== DEFAULT_UNIT) keep('frequencyUnit', entry.unit);
    });
    const others = list.filter((_, i) => i !== taken);
    if (others.length > 0 || taken < 0) keep('slaProperties', others);
  }

  function readCustom(list: unknown[]) {
    const { taken, rest: others } = takeCustom(
      list,
      (name, value) =>
        (CUSTOM_FIELDS as readonly string[]).includes(name) ||
        (name.startsWith('x-') && name !== ODCS_KEY) ||
        (name === SHAPE_PROPERTY && isShape(value)),
    );
    for (const [name, { value, index }] of taken) {
      if (name === SHAPE_PROPERTY) shape = value as Shape;
      else put(name, value, ['customProperties', index, 'value']);
    }
    if (others.length > 0 || taken.size === 0) keep('customProperties', others);
  }

  // Tables and owners take their spelling now that all of them are known.
  const putTable = (path: Path, table: TableFromOdcs) =>
    table.origins.forEach(([from, to]) => origins.set([...path, ...from].join('/'), to));
  if (tables.length > 0 || shape.tables === 'source_tables') {
    const one = shape.tables === 'both' || (tables.length === 1 && shape.tables !== 'source_tables');
    const [first, ...others] = tables;
    if (one && first) {
      put('source_table', first.entry, []);
      putTable(['source_table'], first);
    }
    const many = one ? others : tables;
    if (!one || shape.tables === 'both') {
      put(
        'source_tables',
        many.map((t) => t.entry),
        ['schema'],
      );
      many.forEach((t, i) => putTable(['source_tables', i], t));
    }
  }
  for (const field of ['source_owner', 'ingestion_owner'] as const) {
    const list = owners[field];
    if (list.length === 0) continue;
    const first = origins.get(`${field}/0`)!;
    put(
      field,
      list.length === 1 && shape[field] !== 'list' ? list[0] : list,
      list.length === 1 ? first : ['team'],
    );
  }
  if (shape.ingestion_frequency_minutes === 'string' && typeof doc.ingestion_frequency_minutes === 'number')
    doc.ingestion_frequency_minutes = String(doc.ingestion_frequency_minutes);
  if (shape.status === 'absent' && doc.status === 'active') delete doc.status;

  const ordered = orderFields(doc);
  if (!isEmpty(rest)) setKey(ordered, ODCS_KEY, rest);
  const missing = REQUIRED.filter((r) => !Object.hasOwn(ordered, r.field));
  return {
    doc: ordered,
    origin: (path) => originOf(origins, path),
    missing: missing.map((r) => ({ field: r.field, at: r.at(odcs) })),
  };
}

function ownerField(member: unknown): keyof typeof OWNER_ROLES | undefined {
  if (!isObj(member) || typeof member.username !== 'string') return undefined;
  if (member.role === OWNER_ROLES.source_owner) return 'source_owner';
  if (member.role === OWNER_ROLES.ingestion_owner) return 'ingestion_owner';
  return undefined;
}

/** Where to blame a missing field: the block it would go in, when there is one. */
const REQUIRED: { field: string; at: (odcs: Obj) => Path }[] = [
  {
    field: 'source_host',
    at: (o) => (Array.isArray(o.servers) && o.servers.length > 0 ? ['servers', 0] : []),
  },
  { field: 'source_db', at: (o) => (Array.isArray(o.servers) && o.servers.length > 0 ? ['servers', 0] : []) },
  { field: 'ingestion_type', at: (o) => (o.customProperties ? ['customProperties'] : []) },
  { field: 'source_owner', at: (o) => (o.team ? ['team'] : []) },
  { field: 'ingestion_owner', at: (o) => (o.team ? ['team'] : []) },
];

/** The format's fields in the schema's order, then `x-` keys as they came. */
function orderFields(doc: Obj): Obj {
  const out: Obj = {};
  for (const key of Object.keys(CONTRACT_FIELDS)) if (Object.hasOwn(doc, key)) setKey(out, key, doc[key]);
  for (const key of Object.keys(doc)) if (!Object.hasOwn(out, key)) setKey(out, key, doc[key]);
  return out;
}

function originOf(origins: Map<string, Path>, path: Path): Path {
  for (let n = path.length; n > 0; n--) {
    const found = origins.get(path.slice(0, n).join('/'));
    if (found) return [...found, ...path.slice(n)];
  }
  return [];
}
