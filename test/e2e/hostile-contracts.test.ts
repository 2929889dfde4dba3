// Hostile contract files next to a valid one, through every command that loads contracts:
// each hostile file gets its own diagnostic, the valid contract is still validated, checked,
// judged stale, reminded of, published and served, and no linked secret reaches any output.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/server/serve.js';
import { runDcr, type Run } from '../helpers/run-dcr.js';
import { tempRepo, type TempRepo } from '../stale/helpers.js';

const NOW = '2026-06-01';
const MARKER = 'hostile-marker-7c1f';
const cache = mkdtempSync(join(tmpdir(), 'dcr-cache-'));
const env = { DCR_TEST_SECRET: MARKER, DCR_CACHE_DIR: cache };

const VALID = `ingestion_jobid: orders_postgres
source_host: db.example.com
source_db: shop
source_tables: [public.orders]
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: src@example.com
ingestion_owner: eng@example.com
`;
const DEEP = `${'- '.repeat(10_000)}x\n`; // 20 KB: two of these ended the process (V8 fatal error)
const HOSTILE = ['deep1.yaml', 'deep2.yaml', 'flow.yaml', 'tagged.yaml', 'env.yaml', 'outside.yaml'];

let repo: TempRepo;
let outside: string;

beforeAll(() => {
  repo = tempRepo();
  outside = mkdtempSync(join(tmpdir(), 'dcr-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), `token: ${MARKER}\n`);
  repo.write('dcr.config.yaml', 'reminders:\n  from: dcr@example.com\n');
  repo.write('contracts/orders_postgres.yaml', VALID);
  repo.write('contracts/deep1.yaml', DEEP);
  repo.write('contracts/deep2.yaml', DEEP);
  repo.write('contracts/flow.yaml', '['.repeat(10_000));
  repo.write(
    'contracts/tagged.yaml',
    `${VALID.replace('orders_postgres', 'tagged')}x-blob: !!binary aGVsbG8=\n`,
  );
  symlinkSync('/proc/self/environ', join(repo.dir, 'contracts/env.yaml'));
  symlinkSync(join(outside, 'secret.yaml'), join(repo.dir, 'contracts/outside.yaml'));
  repo.write('db/migrations/001_init.sql', 'CREATE TABLE orders (id int);\n');
  repo.commit('init', '2025-01-01T00:00:00Z');
});
afterAll(() => {
  repo?.cleanup();
  rmSync(outside, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

/** Nothing crashed and nothing linked from outside was printed. */
function expectCalm(r: Run) {
  expect(r.code, r.stderr).not.toBe(134);
  expect(r.stderr).not.toMatch(/FATAL|at \w+ \(|Maximum call stack/);
  expect(r.stdout + r.stderr).not.toContain(MARKER);
}

describe('hostile contract files are reported one by one and left out', () => {
  it('validate: one diagnostic per hostile file, the valid contract still counted', () => {
    const r = runDcr(['validate', '--format', 'json'], { cwd: repo.dir, env });
    expectCalm(r);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const rules = Object.fromEntries(
      json.diagnostics.map((d: { file: string; rule: string }) => [d.file.replace('contracts/', ''), d.rule]),
    );
    expect(rules).toEqual({
      'deep1.yaml': 'too-deep',
      'deep2.yaml': 'too-deep',
      'flow.yaml': 'too-deep',
      'tagged.yaml': 'yaml-tag',
      'env.yaml': 'symlink',
      'outside.yaml': 'symlink',
    });
    expect(json.contracts).toBe(5); // the links were not read
  });

  it('validate (text, named files as a pre-commit framework passes them): calm, no code frame of a link', () => {
    const r = runDcr(
      ['validate', ...HOSTILE.map((f) => `contracts/${f}`), 'contracts/orders_postgres.yaml'],
      {
        cwd: repo.dir,
        env,
      },
    );
    expectCalm(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('contracts/deep2.yaml:1:63  error  too-deep');
    expect(r.stdout).toContain('contracts/env.yaml:1:1  warning  symlink  symbolic link to a file outside');
  });

  it('validate --staged: a staged link is skipped with a notice, never read', () => {
    const r = runDcr(['validate', '--staged', '--format', 'json'], { cwd: repo.dir, env });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, contracts: 0 }); // nothing staged
    symlinkSync('/proc/self/environ', join(repo.dir, 'contracts/env2.yaml'));
    repo.git(['add', 'contracts/env2.yaml']);
    try {
      const staged = runDcr(['validate', '--staged', '--format', 'json'], { cwd: repo.dir, env });
      expectCalm(staged);
      expect(JSON.parse(staged.stdout).diagnostics).toMatchObject([
        { file: 'contracts/env2.yaml', rule: 'symlink', severity: 'warning' },
      ]);
      expect(staged.code).toBe(0);
    } finally {
      repo.git(['rm', '-q', '--cached', 'contracts/env2.yaml']);
      rmSync(join(repo.dir, 'contracts/env2.yaml'));
    }
  });

  it('check --staged: the valid contract still guards its table', () => {
    repo.write('db/migrations/002_drop.sql', 'DROP TABLE orders;\n');
    repo.git(['add', 'db/migrations/002_drop.sql']);
    try {
      const r = runDcr(['check', '--staged', '--format', 'json'], { cwd: repo.dir, env });
      expectCalm(r);
      const json = JSON.parse(r.stdout);
      expect(json.findings.map((f: { contract: string; change: string }) => [f.contract, f.change])).toEqual([
        ['orders_postgres', 'drop'],
      ]);
    } finally {
      repo.git(['rm', '-q', '--cached', 'db/migrations/002_drop.sql']);
    }
  });

  it('stale: the valid contract is judged, the hostile files are listed as invalid', () => {
    const r = runDcr(['stale', '--now', NOW, '--format', 'json'], { cwd: repo.dir, env });
    expectCalm(r);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.stale.map((s: { contract: string }) => s.contract)).toEqual(['orders_postgres']);
    expect(json.invalid).toEqual([
      'contracts/deep1.yaml',
      'contracts/deep2.yaml',
      'contracts/flow.yaml',
      'contracts/tagged.yaml',
    ]);
  });

  it('remind --dry-run: the owners of the valid contract are still reminded', () => {
    const r = runDcr(['remind', '--dry-run', '--now', NOW, '--format', 'json'], { cwd: repo.dir, env });
    expectCalm(r);
    expect(r.code).toBe(1); // remind's exit code says that some contracts were left out
    const json = JSON.parse(r.stdout);
    expect(json.people.map((p: { email: string; status: string }) => [p.email, p.status])).toEqual([
      ['eng@example.com', 'would-send'],
      ['src@example.com', 'would-send'],
    ]);
    expect(json.invalid).toHaveLength(4);
  });

  it('site build: the catalog is written with the valid contract', () => {
    const r = runDcr(['site', 'build', '--out', 'public', '--now', NOW], { cwd: repo.dir, env });
    expectCalm(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/catalog of 1 contract/);
    expect(existsSync(join(repo.dir, 'public/index.html'))).toBe(true);
    expect(readFileSync(join(repo.dir, 'public/registry.json'), 'utf8')).toContain('orders_postgres');
  });

  it('serve: answers with the valid contract', async () => {
    process.env.DCR_TEST_SECRET = MARKER;
    const server = await startServer(loadConfig(repo.dir), {
      port: 0,
      host: '127.0.0.1',
      env: {},
      now: new Date(NOW),
      watch: false,
    });
    try {
      const body = await new Promise<string>((done, fail) => {
        const url = new URL('/api/contracts', server.url);
        request({ host: url.hostname, port: url.port, path: url.pathname }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => done(text));
        })
          .on('error', fail)
          .end();
      });
      const json = JSON.parse(body);
      expect(json.contracts.map((c: { contract: { jobId: string } }) => c.contract.jobId)).toEqual([
        'orders_postgres',
      ]);
      expect(body).not.toContain(MARKER);
    } finally {
      await server.close();
      delete process.env.DCR_TEST_SECRET;
    }
  });
});
