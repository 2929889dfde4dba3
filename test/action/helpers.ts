import type { Report } from '../../src/action/render-comment.js';
import { diffContracts } from '../../src/contract/diff.js';
import type { Contract } from '../../src/contract/types.js';
import type { Finding } from '../../src/detect/types.js';

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

const owners = {
  source: ['dev-team@mycompany.com'],
  ingestion: ['data-eng@mycompany.com', 'ana@mycompany.com'],
};
export const finding = (over: Partial<Finding>): Finding => ({
  contract: 'orders_postgres',
  table: 'public.orders',
  file: 'db/migrate/20240101_orders.sql',
  line: 3,
  change: 'alter',
  kind: 'drop-column',
  column: 'total',
  confidence: 'certain',
  evidence: 'ALTER TABLE public.orders DROP COLUMN total;',
  owners,
  code: 'DCR-B108',
  severity: 'breaking',
  reason: 'a column is dropped, and the contract lists no columns, so the job may read it',
  policy: 'warn',
  ...over,
});

export const sampleReport = (over: Partial<Report> = {}): Report => ({
  headSha: '0123456789abcdef0123456789abcdef01234567',
  findings: [
    finding({ commit: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd' }),
    finding({
      commit: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd',
      line: 5,
      kind: 'add-column',
      column: 'note',
      evidence: 'ALTER TABLE public.orders ADD COLUMN note text;',
      code: 'DCR-I302',
      severity: 'info',
      reason: '`note` is added: the job reads only what it names',
      policy: 'info',
    }),
    finding({
      commit: 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd',
      line: 9,
      change: 'rename',
      kind: 'rename',
      code: 'DCR-B102',
      reason: 'the job reads this table by its old name',
      evidence: 'ALTER TABLE orders RENAME TO orders_v2; -- @everyone <img src=x onerror=alert(1)>',
      note: 'edits an already-applied migration',
    }),
    finding({
      contract: 'payments_cdc',
      table: 'billing.payments',
      file: 'app/models/payment.rb',
      line: 12,
      change: 'drop',
      kind: 'drop',
      code: 'DCR-B101',
      reason: 'the job reads this table, and it is dropped',
      evidence: 'drop_table :payments ![x](https://evil/x.png)',
      owners: { source: ['pay@mycompany.com'], ingestion: ['data-eng@mycompany.com'] },
      acknowledged: true,
      commit: '1111111111222222222233333333334444444444',
      acknowledgedBy: '5555555555666666666677777777778888888888',
    }),
  ],
  notices: [
    { file: 'db/x.sql', line: 4, message: 'EXECUTE format(...) changes a table whose name is unknown' },
  ],
  changes: diffContracts(
    [contract({ jobId: 'orders_postgres', owners }), contract({ jobId: 'legacy' })],
    [
      contract({
        jobId: 'orders_postgres',
        frequencyMinutes: 15,
        owners: { source: ['new-dev@mycompany.com'], ingestion: owners.ingestion },
      }),
      contract({ jobId: 'fresh' }),
    ],
  ),
  invalid: [],
  mode: 'block',
  blocking: true,
  ackLabel: 'data-contract-ack',
  ackedByLabel: false,
  people: new Map([
    ['dev-team@mycompany.com', 'mycompany/dev-team'],
    ['data-eng@mycompany.com', 'ana-de'],
  ]),
  blobUrl: 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567',
  ...over,
});
