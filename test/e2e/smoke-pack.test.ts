import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from '../helpers/git-repo.js';
import { REPO } from '../helpers/paths.js';
import { contractYaml } from '../helpers/validate.js';

// Packs dcr as npm would publish it, installs the tarball into a fresh repository from the
// local npm cache (no network), installs the hooks and makes commits through them.
describe('smoke: the packed package in a fresh repository', () => {
  const packDir = mkdtempSync(join(tmpdir(), 'dcr-pack-'));
  let repo: TempRepo;

  beforeAll(() => {
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], {
      cwd: REPO,
      stdio: 'pipe',
    });
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
    repo = new TempRepo('dcr-smoke-');
    repo.write('package.json', JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
    execFileSync(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, tarball)],
      {
        cwd: repo.dir,
        stdio: 'pipe',
      },
    );
    repo.git('config', 'core.hooksPath', 'node_modules/data-contract-registry/hooks');
  }, 180_000);

  afterAll(() => {
    repo?.remove();
    rmSync(packDir, { recursive: true, force: true });
  });

  it('ships the CLI, the schema and the hooks', () => {
    for (const path of [
      'node_modules/.bin/dcr',
      'node_modules/data-contract-registry/schema/contract.schema.json',
      'node_modules/data-contract-registry/hooks/pre-commit',
    ]) {
      expect(existsSync(join(repo.dir, path)), path).toBe(true);
    }
    const out = execFileSync(join(repo.dir, 'node_modules/.bin/dcr'), ['--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a commit with a broken contract and accepts the fixed one', () => {
    const env = { NO_COLOR: '1', DCR_BIN: '', DCR_SKIP: '', HUSKY: '' };
    repo.write('contracts/orders.yaml', contractYaml('orders', 'source_owner: not-an-email'));
    repo.git('add', 'contracts/orders.yaml');
    const refused = repo.tryGit(['commit', '-q', '-m', 'broken'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('email-format');
    repo.write('contracts/orders.yaml', contractYaml('orders'));
    repo.git('add', 'contracts/orders.yaml');
    const accepted = repo.tryGit(['commit', '-q', '-m', 'fixed'], env);
    expect(accepted.output).not.toContain('error');
    expect(accepted.code).toBe(0);
    expect(repo.git('log', '--format=%s')).toBe('fixed\n');
  });
});
