import type { Contract, ContractDocument } from './types.js';

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? [...value] : [value];

/** Parses the frequency field; quoted numbers ("60") count, anything else is undefined. */
export function frequencyMinutes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Builds a normalised contract from a schema-valid document. Fields are copied one by one
 * (never spread) so that keys like `__proto__` can never reach the result.
 */
export function normalizeContract(doc: ContractDocument, file: string): Contract {
  const tables = [...list(doc.source_table), ...list(doc.source_tables)];
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
