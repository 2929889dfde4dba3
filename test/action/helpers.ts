import type { Contract } from '../../src/contract/types.js';

/** A contract value with defaults, for tests. */
export const contract = (over: Partial<Contract> & { jobId: string }): Contract => ({
  file: `contracts/${over.jobId}.yaml`,
  status: 'active',
  sourceHost: 'db.internal',
  sourceDb: 'shop',
  tables: ['public.orders'],
  ingestionType: 'full',
  frequencyMinutes: 60,
  owners: { source: ['dev@x.com'], ingestion: ['data@x.com'] },
  tags: [],
  extensions: {},
  ...over,
});
