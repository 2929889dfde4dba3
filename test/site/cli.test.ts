// End-to-end: the built `dcr` binary (run `npm run build` first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempRepo } from '../helpers/git-repo.js';
import { catalogRepo, NOW } from './catalog-repo.js';

const BIN = resolve('dist/cli/bin.js');
const dcr = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('dcr site build (CLI)', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = catalogRepo();
  });
  afterAll(() => repo.remove());

  it('builds with --format json printing only JSON', () => {
    const r = dcr(
      repo.dir,
      'site',
      'build',
      '--out',
      'public',
      '--now',
      NOW,
      '--format',
      'json',
      '--base-url',
      'https://example.github.io/c',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, dryRun: false, contracts: 5, skipped: 0 });
    expect(readFileSync(join(repo.dir, 'public/index.html'), 'utf8')).toMatch(
      /<link rel="canonical" href="https:\/\/example.github.io\/c\/"/,
    );
  });

  it('leaves out invalid contracts with a warning, and explains bad usage', () => {
    repo.write('contracts/broken.yaml', 'ingestion_jobid: broken\n');
    const r = dcr(repo.dir, 'site', 'build', '--out', 'out2', '--now', NOW);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 contract file has errors and is left out');
    expect(r.stdout).toMatch(/catalog of 5 contracts written to/);
    const bad = dcr(repo.dir, 'site', 'publish');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('dcr site takes one subcommand, "build"');
    expect(dcr(repo.dir, 'site', 'build', '--base-url', 'javascript:x').status).toBe(2);
    expect(dcr(repo.dir, 'site', 'build', '--dry-run', '--out', 'dry').status).toBe(0);
    expect(existsSync(join(repo.dir, 'dry'))).toBe(false);
    expect(dcr(repo.dir, 'serve', '--help').stdout).toContain('/api/tables/:table');
  });
});
