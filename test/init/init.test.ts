import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initRepository } from '../../src/init/init.js';
import { DCR_ACTION_REF, WORKFLOWS, workflowTemplate } from '../../src/init/templates.js';
import { loadRegistry } from '../../src/registry/load.js';
import { loadConfig } from '../../src/config/config.js';
import { TempRepo } from '../helpers/git-repo.js';
import { DCR, REPO } from '../helpers/paths.js';

const fakeWorkflow = (name: string) => `name: ${name}\n`;

describe('initRepository', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('sets up an empty repository; the example validates with the written config', () => {
    const result = initRepository({ root: repo.dir, workflow: fakeWorkflow });
    expect(result.created).toEqual([
      'contracts/orders_postgres.yaml',
      'dcr.config.yaml',
      '.husky/pre-commit',
      '.husky/commit-msg',
      '.github/workflows/dcr-check.yml',
      '.github/workflows/remind.yml',
      '.github/workflows/pages.yml',
    ]);
    expect(result.skipped).toEqual([]);
    expect(statSync(join(repo.dir, '.husky/pre-commit')).mode & 0o111).not.toBe(0);
    const loaded = loadRegistry(loadConfig(repo.dir));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.registry.get('orders_postgres')?.tables).toEqual(['public.orders', 'public.order_items']);
  });

  it('keeps every existing file and says why', () => {
    repo.write('contracts/mine.yaml', 'ingestion_jobid: mine\n');
    repo.write('dcr.config.yml', 'contracts: contracts\n');
    repo.write('.husky/pre-commit', 'npm test\n');
    repo.write('.github/workflows/pages.yml', 'name: my pages\n');
    const result = initRepository({
      root: repo.dir,
      workflow: (n) => (n === 'remind.yml' ? undefined : fakeWorkflow(n)),
    });
    expect(result.created).toEqual(['.husky/commit-msg', '.github/workflows/dcr-check.yml']);
    expect(result.skipped).toEqual([
      { path: 'contracts/orders_postgres.yaml', reason: 'has-contracts' },
      { path: 'dcr.config.yml', reason: 'exists' },
      { path: '.husky/pre-commit', reason: 'exists' },
      { path: '.github/workflows/remind.yml', reason: 'not-shipped' },
      { path: '.github/workflows/pages.yml', reason: 'exists' },
    ]);
    expect(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8')).toBe('npm test\n');
    expect(readFileSync(join(repo.dir, '.github/workflows/pages.yml'), 'utf8')).toBe('name: my pages\n');
    expect(existsSync(join(repo.dir, 'dcr.config.yaml'))).toBe(false);
  });

  it('writes nothing in a dry run', () => {
    const result = initRepository({ root: repo.dir, dryRun: true, workflow: fakeWorkflow });
    expect(result.created).toHaveLength(7);
    expect(
      execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
        cwd: repo.dir,
        encoding: 'utf8',
      }),
    ).toBe('');
  });

  it('copies the workflow templates from the package itself, pointing the check at the published action', () => {
    for (const name of WORKFLOWS.filter(
      (n) => n !== 'dcr-check.yml' && existsSync(join(REPO, '.github/workflows', n)),
    )) {
      expect(workflowTemplate(name)).toBe(readFileSync(join(REPO, '.github/workflows', name), 'utf8'));
    }
    const check = workflowTemplate('dcr-check.yml')!;
    expect(readFileSync(join(REPO, '.github/workflows/dcr-check.yml'), 'utf8')).toMatch(/^\s+- uses: \.\/$/m);
    expect(check).toMatch(new RegExp(`^\\s+- uses: ${DCR_ACTION_REF}   # or your copy`, 'm'));
    expect(check).not.toContain('uses: ./');
    expect(check).not.toContain('dcr init');
    expect(check).toContain('fetch-depth: 0');
  });
});

describe('dcr init (built CLI)', () => {
  let repo: TempRepo;
  beforeAll(() => {
    if (!existsSync(DCR)) throw new Error('build first: npx tsc -p tsconfig.build.json');
  });
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());
  const dcr = (...args: string[]) =>
    execFileSync(process.execPath, [DCR, ...args], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('creates the files from a sub-folder, at the repository top, and says what next', () => {
    repo.write('src/app.js', '');
    const out = execFileSync(process.execPath, [DCR, 'init'], {
      cwd: join(repo.dir, 'src'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out).toContain('created  ../contracts/orders_postgres.yaml');
    expect(out).toContain('created  ../.github/workflows/dcr-check.yml');
    expect(out).toContain('Next steps:');
    expect(existsSync(join(repo.dir, 'dcr.config.yaml'))).toBe(true);
    expect(dcr('validate')).toContain('1 contract file valid');
    // A second run keeps everything.
    const again = JSON.parse(dcr('init', '--format', 'json')) as {
      created: string[];
      skipped: { reason: string }[];
    };
    expect(again.created).toEqual([]);
    expect(
      again.skipped.every(
        (s) => s.reason === 'exists' || s.reason === 'has-contracts' || s.reason === 'not-shipped',
      ),
    ).toBe(true);
  });

  it('has a --help', () => {
    expect(dcr('init', '--help')).toContain('Never overwrites a file');
  });
});
