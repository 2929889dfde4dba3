import { SOURCE_TYPES, type SourceType } from '../contract/types.js';
import { dbField, hostField, ownServerType, requiredMet, sourceTypeOf } from './servers.js';
import { customList, setKey, takeCustom, without, type Custom, type Obj, type Path } from './values.js';

/** The name an exported source server gets when the contract names none. */
export const DEFAULT_SERVER_NAME = 'source';

/** What dcr reads from the source server, and the rest of it, kept for export. */
export interface SourceServer {
  sourceType?: SourceType;
  host?: string;
  db?: string;
  /** The server's other fields, verbatim (the type only when dcr would not write it back). */
  extras: Obj;
  /** Where host and database were written, for diagnostics. */
  at: { host?: Path; db?: Path };
}

const isSourceType = (value: unknown): value is SourceType =>
  typeof value === 'string' && (SOURCE_TYPES as readonly string[]).includes(value);

/** Reads dcr's source from an ODCS server (at `path` in the document). */
export function serverFromOdcs(server: Obj, path: Path): SourceServer {
  const type = typeof server.type === 'string' ? server.type : 'custom';
  const hf = hostField(type);
  const df = dbField(type);
  const { taken, rest } = takeCustom(server.customProperties, (name, value) =>
    name === 'source_type'
      ? type === 'custom' && isSourceType(value)
      : name === 'source_host'
        ? hf === undefined && typeof value === 'string'
        : name === 'source_db' && df === undefined && typeof value === 'string',
  );
  const drop: string[] = ['customProperties'];
  const out: SourceServer = { extras: {}, at: {} };
  const sourceType = taken.get('source_type')?.value ?? sourceTypeOf(type);
  if (isSourceType(sourceType)) out.sourceType = sourceType;
  const read = (field: string | undefined, custom: string, key: 'host' | 'db') => {
    if (field !== undefined && typeof server[field] === 'string') {
      out[key] = server[field] as string;
      out.at[key] = [...path, field];
      drop.push(field);
    } else if (taken.has(custom)) {
      out[key] = taken.get(custom)!.value as string;
      out.at[key] = [...path, 'customProperties', taken.get(custom)!.index, 'value'];
    }
  };
  read(hf, 'source_host', 'host');
  read(df, 'source_db', 'db');
  if (server.server === DEFAULT_SERVER_NAME) drop.push('server');
  const extras = without(server, drop);
  if (rest.length > 0 || (taken.size === 0 && Array.isArray(server.customProperties)))
    setKey(extras, 'customProperties', rest);
  // The type stays only when export would not choose the same one by itself.
  const untyped = without(extras, ['type']);
  const rebuilt = serverToOdcs({ ...out, extras: untyped });
  out.extras = rebuilt.type === type ? untyped : extras;
  return out;
}

/** Builds the ODCS source server of a contract: dcr's fields in their place, the rest as kept. */
export function serverToOdcs(source: Omit<SourceServer, 'at'>): Obj {
  const { sourceType, extras } = source;
  const kept = typeof extras.type === 'string' ? extras.type : undefined;
  // A kept type wins while it still says what the contract says.
  const agrees = kept !== undefined && (kept === 'custom' || sourceTypeOf(kept) === sourceType);
  if (agrees) return build(kept, source);
  const own = ownServerType(sourceType);
  if (own !== undefined) {
    const server = build(own, source);
    if (requiredMet(own, server)) return server;
  }
  return build('custom', source);
}

function build(type: string, { sourceType, host, db, extras }: Omit<SourceServer, 'at'>): Obj {
  const server: Obj = {
    server: typeof extras.server === 'string' ? extras.server : DEFAULT_SERVER_NAME,
    type,
  };
  const own: Custom[] = [];
  if (type === 'custom' && sourceType !== undefined) own.push({ property: 'source_type', value: sourceType });
  const place = (field: string | undefined, custom: string, value: string | undefined) => {
    if (value === undefined) return;
    if (field === undefined) own.push({ property: custom, value });
    else setKey(server, field, value);
  };
  place(hostField(type), 'source_host', host);
  place(dbField(type), 'source_db', db);
  for (const key of Object.keys(extras)) {
    if (key === 'type' || key === 'server' || key === 'customProperties') continue;
    setKey(server, key, extras[key]);
  }
  const list = customList(own, extras.customProperties);
  if (list.length > 0 || Array.isArray(extras.customProperties)) server.customProperties = list;
  return server;
}
