// `npm run bench -- serve`: how `dcr serve` answers while it rebuilds. Starts the built server
// on a generated registry (DCR_BENCH_SERVE_SIZE contracts, default 2,000), then adds a contract
// that is slow to parse (DCR_BENCH_SERVE_KEYS keys, default 40,000) and requests a page and
// /healthz back to back until the rebuild is online. Prints the rebuild's duration and the
// request latencies during it, next to how long the same build holds one thread in-process
// (what every request waited for when serve built on its main thread).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../dist/config/config.js';
import { buildServeState } from '../dist/server/serve-build.js';
import { siteSettings } from '../dist/site/site-config.js';
import { generateContracts } from './lib/generate.mjs';
import { ms } from './lib/timing.mjs';

const DCR = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));

function slowContract(keys) {
  const lines = [
    'ingestion_jobid: slow_job',
    'source_host: slow.internal',
    'source_db: slow',
    'ingestion_type: full',
    'ingestion_frequency_minutes: 60',
    'source_owner: dev@example.com',
    'ingestion_owner: data-eng@example.com',
  ];
  for (let i = 0; i < keys; i++) lines.push(`x-key-${i}: value ${i}`);
  return `${lines.join('\n')}\n`;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

export async function run() {
  const size = Number(process.env.DCR_BENCH_SERVE_SIZE ?? 2000);
  const keys = Number(process.env.DCR_BENCH_SERVE_KEYS ?? 40_000);
  const root = mkdtempSync(join(tmpdir(), 'dcr-bench-serve-'));
  const contracts = join(root, 'contracts');
  generateContracts(contracts, size);
  const server = spawn(process.execPath, [DCR, 'serve', '--port', '0', '--format', 'json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  server.stderr.on('data', (c) => log.push(...c.toString('utf8').split('\n').filter(Boolean)));
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => {
        out += c;
        try {
          resolve(JSON.parse(out).url);
        } catch {
          // not all of it yet
        }
      });
      server.once('exit', (code) => reject(new Error(`dcr serve exited ${code}: ${log.join('\n')}`)));
    });
    const timed = async (path) => {
      const t = performance.now();
      const r = await fetch(url + path);
      const body = await r.text();
      return { ms: performance.now() - t, body };
    };
    writeFileSync(join(contracts, 'slow_job.yaml'), slowContract(keys));
    const started = performance.now();
    const latencies = [];
    let seenBuilding = false;
    for (;;) {
      const health = await timed('healthz');
      const page = await timed('index.html');
      latencies.push(health.ms, page.ms);
      const h = JSON.parse(health.body);
      if (h.building) seenBuilding = true;
      else if (seenBuilding || log.some((l) => l.startsWith('rebuil'))) break;
    }
    const rebuild = performance.now() - started;
    latencies.sort((a, b) => a - b);
    console.log(`registry: ${size} contracts + one of ${keys} keys`);
    console.log(
      `rebuild online after ${ms(rebuild)}; ${latencies.length} requests meanwhile: median ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}, max ${ms(latencies.at(-1))}`,
    );
    console.log(
      `server said: ${log.filter((l) => l.startsWith('rebuil') || l.startsWith('warning')).join(' | ')}`,
    );

    const loaded = loadConfig(root);
    const t = performance.now();
    await buildServeState({
      loaded,
      settings: siteSettings(loaded, {}),
      outDir: join(root, 'inline'),
      now: new Date().toISOString(),
    });
    console.log(
      `the same build in one thread: ${ms(performance.now() - t)} (requests waited this long when serve built in-process)`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((ok) => (server.exitCode === null ? server.once('exit', ok) : ok()));
    rmSync(root, { recursive: true, force: true });
  }
}
