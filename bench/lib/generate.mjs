// Synthetic contracts for benchmarks: realistic field values, deterministic from the index.
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = ['full', 'incremental', 'cdc', 'stream'];
const SOURCES = ['postgres', 'mysql', 'sqlserver', 'snowflake', 'kafka', 'api'];
const TEAMS = [
  'shop',
  'crm',
  'payments',
  'logistics',
  'marketing',
  'finance',
  'hr',
  'identity',
  'support',
  'catalog',
];

/** The YAML text of synthetic contract number `i`. */
export function contractText(i) {
  const team = TEAMS[i % TEAMS.length];
  const type = TYPES[i % TYPES.length];
  const id = `job_${String(i).padStart(6, '0')}_${team}`;
  const lines = [
    `ingestion_jobid: ${id}`,
    `description: Synthetic ingestion job ${i} reading ${team} data for the benchmark.`,
    `status: ${i % 17 === 0 ? 'deprecated' : 'active'}`,
    `source_host: ${team}-db-${i % 50}.internal`,
    `source_db: ${team}_${i % 7}`,
    `source_type: ${SOURCES[i % SOURCES.length]}`,
    `source_tables: [${team}.table_${i}, ${team}.table_${i}_items, public.shared_${i % 200}]`,
    `ingestion_type: ${type}`,
  ];
  if (type !== 'stream') lines.push(`ingestion_frequency_minutes: ${[5, 15, 60, 360, 1440][i % 5]}`);
  lines.push(
    `source_owner: ${team}-team${i % 40}@example.com`,
    `ingestion_owner: [data-eng${i % 25}@example.com, analyst${i % 300}@example.com]`,
    `destination: analytics.raw_${team}_${i}`,
    `tags: [${team}, tier${i % 3}]`,
  );
  return { id, text: lines.join('\n') + '\n' };
}

/** Writes `count` contracts under `dir` (in sub-folders of 1,000) unless already there. */
export function generateContracts(dir, count) {
  const marker = join(dir, `.count-${count}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { id, text } = contractText(i);
    const sub = join(dir, `part${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${id}.yaml`), text);
  }
  writeFileSync(marker, '');
  return dir;
}

/** Every .yaml file below dir (for floor measurements). */
export function listYaml(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.yaml'))
    .map((f) => join(dir, String(f)));
}
