/**
 * The shared cases of contract changes: `dcr diff` and the GitHub Action's PR summary must give
 * each the same rule codes (test/severity/contract-diff.test.ts drives both from these).
 */
export interface DiffCase {
  /** Job id of the contract the case changes (one contract per case). */
  job: string;
  /** Extra YAML lines before and after; `null`: no contract at that side. */
  before: string | null;
  after: string | null;
  /** The codes both must give, sorted. */
  codes: string[];
}

const cols = (extra: string) => `source_tables: [{ name: public.t, ${extra} }]`;

export const DIFF_CASES: DiffCase[] = [
  { job: 'c401', before: '', after: null, codes: ['DCR-C401'] },
  {
    job: 'c402',
    before: 'source_tables: [public.a, public.b]',
    after: 'source_tables: [public.a]',
    codes: ['DCR-C402'],
  },
  { job: 'c403', before: cols('columns: [id, x]'), after: cols('columns: [id]'), codes: ['DCR-C403'] },
  {
    job: 'c404',
    before: `ingestion_type: incremental\n${cols('columns: [id, updated_at, changed_at], cursor_column: updated_at')}`,
    after: `ingestion_type: incremental\n${cols('columns: [id, updated_at, changed_at], cursor_column: changed_at')}`,
    codes: ['DCR-C404'],
  },
  {
    job: 'c405',
    before: `ingestion_type: cdc\n${cols('columns: [id, region], key_columns: [id]')}`,
    after: `ingestion_type: cdc\n${cols('columns: [id, region], key_columns: [id, region]')}`,
    codes: ['DCR-C405'],
  },
  { job: 'c406', before: 'ingestion_type: full', after: 'ingestion_type: incremental', codes: ['DCR-C406'] },
  {
    job: 'c411',
    before: 'source_owner: [a@example.com, b@example.com]',
    after: 'source_owner: a@example.com',
    codes: ['DCR-C411'],
  },
  {
    job: 'c412',
    before: 'ingestion_frequency_minutes: 60',
    after: 'ingestion_frequency_minutes: 1440',
    codes: ['DCR-C412'],
  },
  { job: 'c413', before: 'status: active', after: 'status: deprecated', codes: ['DCR-C413'] },
  { job: 'c414', before: 'policy: block', after: 'policy: { block: breaking }', codes: ['DCR-C414'] },
  {
    job: 'c415',
    before: 'source_host: db1.example.com',
    after: 'source_host: db2.example.com',
    codes: ['DCR-C415'],
  },
  {
    job: 'c416',
    before: 'source_repo: github.com/a/shop',
    after: 'source_repo: github.com/a/store',
    codes: ['DCR-C416'],
  },
  {
    job: 'c417',
    before: cols('columns: [id, { name: amount, type: integer }]'),
    after: cols('columns: [id, { name: amount, type: bigint }]'),
    codes: ['DCR-C417'],
  },
  { job: 'c421', before: null, after: '', codes: ['DCR-C421'] },
  {
    job: 'c422',
    before: 'source_tables: [public.a]',
    after: 'source_tables: [public.a, public.b]',
    codes: ['DCR-C422'],
  },
  { job: 'c423', before: cols('columns: [id]'), after: cols('columns: [id, note]'), codes: ['DCR-C423'] },
  {
    job: 'c424',
    before: 'ingestion_owner: e@example.com',
    after: 'ingestion_owner: [e@example.com, f@example.com]',
    codes: ['DCR-C424'],
  },
  { job: 'c425', before: 'status: draft', after: 'status: active', codes: ['DCR-C425'] },
  { job: 'c426', before: 'policy: warn', after: 'policy: { block: risky }', codes: ['DCR-C426'] },
  { job: 'c427', before: 'description: Orders.', after: 'description: Orders, hourly.', codes: ['DCR-C427'] },
  {
    job: 'mixed',
    before: 'source_tables: [public.a, public.b]\nsource_owner: a@example.com',
    after: 'source_tables: [public.a, public.c]\nsource_owner: z@example.com\ningestion_type: cdc',
    codes: ['DCR-C402', 'DCR-C406', 'DCR-C411', 'DCR-C422', 'DCR-C424'],
  },
];

const DEFAULTS: Record<string, string> = {
  source_host: 'db.example.com',
  source_db: 'shop',
  ingestion_type: 'full',
  ingestion_frequency_minutes: '60',
  source_owner: 'owner@example.com',
  ingestion_owner: 'eng@example.com',
  source_tables: '[public.t]',
};

/** The YAML of a case's contract: the defaults, overridden by the case's lines. */
export function caseYaml(job: string, extra: string): string {
  const lines = extra.split('\n').filter(Boolean);
  const given = new Set(lines.map((l) => l.slice(0, l.indexOf(':'))));
  return [
    `ingestion_jobid: ${job}`,
    ...Object.entries(DEFAULTS)
      .filter(([k]) => !given.has(k))
      .map(([k, v]) => `${k}: ${v}`),
    ...lines,
    '',
  ].join('\n');
}
