import type { ColumnSpec, Contract, ContractDocument, TableDetails, TableEntry } from './types.js';

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? [...value] : [value];

/** Parses the frequency field; quoted numbers ("60") count, anything else is undefined. */
export function frequencyMinutes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

const tableList = (value: TableEntry | TableEntry[] | undefined): TableEntry[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The details of a table written as a mapping, field by field. */
function tableDetails(entry: Exclude<TableEntry, string>): TableDetails {
  const details: TableDetails = {};
  if (entry.columns !== undefined) {
    details.columns = entry.columns.map((c) => {
      if (typeof c === 'string') return { name: c };
      const column: ColumnSpec = { name: c.name };
      if (c.type !== undefined) column.type = c.type;
      if (c.nullable !== undefined) column.nullable = c.nullable;
      return column;
    });
  }
  if (entry.key_columns !== undefined) details.keyColumns = [...entry.key_columns];
  if (entry.cursor_column !== undefined) details.cursorColumn = entry.cursor_column;
  return details;
}

/**
 * Builds a normalised contract from a schema-valid document. Fields are copied one by one
 * (never spread) so that keys like `__proto__` can never reach the result.
 */
export function normalizeContract(doc: ContractDocument, file: string): Contract {
  const entries = [...tableList(doc.source_table), ...tableList(doc.source_tables)];
  const tables = entries.map((e) => (typeof e === 'string' ? e : e.name));
  // A table written twice keeps its first details (duplicate-table reports the second).
  let tableColumns: Record<string, TableDetails> | undefined;
  for (const entry of entries) {
    if (typeof entry === 'string') continue;
    tableColumns ??= Object.create(null) as Record<string, TableDetails>;
    if (!Object.hasOwn(tableColumns, entry.name)) tableColumns[entry.name] = tableDetails(entry);
  }
  const extensions: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(doc)) {
    if (key.startsWith('x-')) extensions[key] = (doc as unknown as Record<string, unknown>)[key];
  }
  const contract: Contract = {
    jobId: doc.ingestion_jobid,
    file,
    status: doc.status ?? 'active',
    sourceHost: doc.source_host,
    sourceDb: doc.source_db,
    tables: [...new Set(tables)],
    ingestionType: doc.ingestion_type,
    owners: { source: list(doc.source_owner), ingestion: list(doc.ingestion_owner) },
    tags: list(doc.tags),
    extensions,
  };
  if (tableColumns) contract.tableColumns = tableColumns;
  const frequency = frequencyMinutes(doc.ingestion_frequency_minutes);
  if (frequency !== undefined) contract.frequencyMinutes = frequency;
  if (doc.description !== undefined) contract.description = doc.description;
  if (doc.source_type !== undefined) contract.sourceType = doc.source_type;
  if (doc.source_repo !== undefined) contract.sourceRepo = doc.source_repo;
  if (doc.destination !== undefined) contract.destination = doc.destination;
  if (doc.reviewed_at !== undefined) contract.reviewedAt = doc.reviewed_at;
  if (doc.policy !== undefined) contract.policy = doc.policy;
  return contract;
}

/** Every distinct person named by a contract, lower-cased. */
export function contractPeople(contract: Contract): string[] {
  return [...new Set([...contract.owners.source, ...contract.owners.ingestion].map((e) => e.toLowerCase()))];
}
