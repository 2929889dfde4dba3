// `npm run bench -- stale`: builds (once, cached in bench/.work/) a repository with 10,000
// contracts and 100,000 commits with git fast-import, then times `dcr stale` beside a plain
// `git log --name-only` over the same history. 30 % of the contracts are never touched after
// the first commit, so the whole history has to be read. Contracts sit in 100 team folders
// (`contracts/team_NN/`), as a registry this size would; DCR_BENCH_FLAT=1 puts all 10,000 in one
// folder instead (every commit then rewrites a 10,000-entry tree: slower to build and to log).
import { Buffer } from 'node:buffer';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CONTRACTS = 10_000;
const COMMITS = 100_000;
const TOUCHED = 7_000; // contracts edited after the first commit
const FLAT = process.env.DCR_BENCH_FLAT === '1';
const REPO = join(here, '.work', `stale-${CONTRACTS}-${COMMITS}${FLAT ? '' : '-teams'}`);
const path = (i) =>
  FLAT ? `contracts/job_${i}.yaml` : `contracts/team_${String(i % 100).padStart(2, '0')}/job_${i}.yaml`;
const BIN = join(here, '..', 'dist', 'cli', 'bin.js');
const START = Date.parse('2019-01-01T00:00:00Z') / 1000;
const END = Date.parse('2026-05-01T00:00:00Z') / 1000;
const NOW = '2026-06-01';

const contract = (i, rev) =>
  [
    `ingestion_jobid: job_${i}`,
    `description: revision ${rev} of job ${i}`,
    `source_host: db${i % 50}.example.com`,
    'source_db: shop',
    'ingestion_type: incremental',
    `ingestion_frequency_minutes: ${60 + (rev % 5)}`,
    `source_owner: team${i % 300}@example.com`,
    `ingestion_owner: data${i % 20}@example.com`,
    `source_tables: [public.table_${i}]`,
    '',
  ].join('\n');

function build() {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: REPO });
  const child = spawn('git', ['fast-import', '--quiet', '--done'], {
    cwd: REPO,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const chunks = [];
  let size = 0;
  const emit = (text) => {
    chunks.push(text);
    size += text.length;
    if (size > 1 << 20) flush();
  };
  const flush = () => {
    child.stdin.write(chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const who = (t) => `bench <bench@example.com> ${Math.floor(t)} +0000\n`;
  const step = (END - START) / COMMITS;
  emit(`commit refs/heads/main\nmark :1\ncommitter ${who(START)}${data('all contracts')}`);
  for (let i = 0; i < CONTRACTS; i++) emit(`M 100644 inline ${path(i)}\n${data(contract(i, 0))}`);
  for (let c = 1; c < COMMITS; c++) {
    const i = Math.floor(random() * TOUCHED);
    const t = START + c * step;
    emit(`commit refs/heads/main\ncommitter ${who(t)}${data(`edit job_${i}`)}`);
    emit(`M 100644 inline ${path(i)}\n${data(contract(i, c))}`);
  }
  emit('done\n');
  flush();
  child.stdin.end();
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))),
  );
}

function time(label, command, args, options = {}) {
  const runs = [];
  let output = '';
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: REPO, maxBuffer: 1 << 30, encoding: 'utf8', ...options });
    runs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
    output = r.stdout;
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(42)} median ${(runs[1] / 1000).toFixed(2)} s  (min ${(runs[0] / 1000).toFixed(2)}, max ${(runs[2] / 1000).toFixed(2)})`,
  );
  return { ms: runs[1], output };
}

export async function run() {
  if (!existsSync(join(REPO, '.git', 'refs', 'heads', 'main'))) {
    const t0 = performance.now();
    await build();
    execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: REPO });
    console.log(
      `built ${REPO} in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached for the next runs)`,
    );
  }
  console.log(`${CONTRACTS} contracts${FLAT ? ' in one folder' : ' in 100 folders'}, ${COMMITS} commits`);
  const log = time(
    'git log --name-only (whole history)',
    'git',
    ['log', '--name-only', '--format=%H %cI', 'HEAD', '--'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stale = time('dcr stale --format json', process.execPath, [
    BIN,
    'stale',
    '--format',
    'json',
    '--now',
    NOW,
  ]);
  const result = JSON.parse(stale.output);
  console.log(
    `stale contracts found: ${result.stale.length}; dcr stale / git log = ${(stale.ms / log.ms).toFixed(2)}x (goal: under 5 s and within 2x)`,
  );
}
