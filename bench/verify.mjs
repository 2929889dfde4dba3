// `dcr verify`: 1,000 contracts (one table each, eight typed columns, a key and a cursor)
// against a real PostgreSQL with 1,000 such tables. Goal: < 5 s for the whole process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBin, TempPostgres } from './lib/postgres.mjs';
import { exec, median, ms } from './lib/timing.mjs';

const COUNT = Number(process.env.BENCH_CONTRACTS ?? 1_000);
const dcr = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));

const COLUMNS = [
  ['id', 'bigint', false],
  ['customer_id', 'integer', false],
  ['status', 'varchar(32)', false],
  ['note', 'text', true],
  ['total', 'numeric(12,2)', true],
  ['payload', 'jsonb', true],
  ['created_at', 'timestamptz', false],
  ['updated_at', 'timestamptz', false],
];

export async function run() {
  if (!postgresBin()) {
    console.log('skipped: PostgreSQL is not installed (apt-get install postgresql)');
    return;
  }
  const db = await TempPostgres.start();
  const dir = mkdtempSync(join(tmpdir(), 'dcr-bench-verify-'));
  try {
    await db.sql('CREATE DATABASE bench');
    const ddl = Array.from(
      { length: COUNT },
      (_, i) =>
        `CREATE TABLE public.t${i} (${COLUMNS.map(([n, t, nullable]) => `${n} ${t}${nullable ? '' : ' NOT NULL'}`).join(', ')});`,
    ).join('\n');
    await db.sql(ddl, 'bench');
    mkdirSync(join(dir, 'contracts'));
    for (let i = 0; i < COUNT; i++) {
      writeFileSync(
        join(dir, 'contracts', `job_${i}.yaml`),
        `ingestion_jobid: job_${i}
source_host: 127.0.0.1
source_db: bench
source_type: postgres
ingestion_type: incremental
ingestion_frequency_minutes: 60
source_owner: dev@example.com
ingestion_owner: data@example.com
source_tables:
  - name: public.t${i}
    columns:
${COLUMNS.map(([n, t, nullable]) => `      - { name: ${n}, type: "${t}", nullable: ${nullable} }`).join('\n')}
    key_columns: [id]
    cursor_column: updated_at
`,
      );
    }
    const env = { ...process.env, DCR_VERIFY_DSN: db.dsn('bench'), NO_COLOR: '1' };
    // One traced run: where the time goes, and the CPU time beside the wall time (the machine
    // may be shared; wall time then says more about the neighbours than about dcr).
    const traced = exec(process.execPath, [dcr, 'verify', '--format', 'json'], {
      cwd: dir,
      env: { ...env, DCR_TRACE: '1' },
    });
    const steps = traced.stderr.split('\n').filter((l) => l.startsWith('dcr trace:'));
    console.log(steps.join('\n'));
    const cpu = Number(/(\d+) ms cpu/.exec(steps.at(-1) ?? '')?.[1] ?? NaN);
    const time = await median(() => {
      const r = exec(process.execPath, [dcr, 'verify', '--format', 'json'], { cwd: dir, env });
      const json = JSON.parse(r.stdout);
      if (json.contracts.length !== COUNT || json.diagnostics.length !== 0)
        throw new Error(
          `verified ${json.contracts.length} contracts with ${json.diagnostics.length} findings`,
        );
    }, 3);
    console.log(
      `| contracts | tables | columns | dcr verify (process, median of 3) | its CPU time (traced run) | goal |`,
    );
    console.log(`|---|---|---|---|---|---|`);
    console.log(`| ${COUNT} | ${COUNT} | ${COUNT * COLUMNS.length} | ${ms(time)} | ${ms(cpu)} | < 5000 ms |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.stop();
  }
}
