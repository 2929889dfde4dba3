import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import { gatherHookFacts, runHusky, setGitConfig } from '../../src/init/git-facts.js';
import { initRepository, type InitOptions } from '../../src/init/init.js';
import { WORKFLOWS, workflowTemplate } from '../../src/init/templates.js';
import { loadRegistry } from '../../src/registry/load.js';
import { TempRepo } from '../helpers/git-repo.js';
import { DCR, REPO } from '../helpers/paths.js';
import { contractYaml } from '../helpers/validate.js';

const fakeWorkflow = (name: string) => `name: ${name}\n`;
const status = (repo: TempRepo) => repo.git('status', '--porcelain', '--untracked-files=all');

/** Runs init the way the CLI does: facts from git, effects on git. */
async function init(repo: TempRepo, options: Partial<InitOptions> = {}) {
  return initRepository(
    { root: repo.dir, workflow: fakeWorkflow, hookFacts: await gatherHookFacts(repo.dir), ...options },
    {
      setGitConfig: (k, v) => setGitConfig(repo.dir, k, v),
      runHusky: () => runHusky(repo.dir),
    },
  );
}

describe('initRepository', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('sets up a contracts repository with hooks under core.hooksPath; the example validates', async () => {
    repo.write('package.json', '{\n    "name": "x",\n    "private": true\n}\n');
    const result = await init(repo);
    expect(result.mode).toBe('contracts');
    expect(result.hooks).toBe('git');
    expect(result.created).toEqual([
      'contracts/orders_postgres.yaml',
      'dcr.config.yaml',
      '.githooks/pre-commit',
      '.githooks/commit-msg',
      '.githooks/pre-push',
      '.github/workflows/dcr-check.yml',
      '.github/workflows/remind.yml',
      '.github/workflows/pages.yml',
    ]);
    expect(result.updated).toEqual([
      { target: 'git config', change: 'core.hooksPath=.githooks' },
      { target: 'package.json', change: 'scripts.prepare = "git config core.hooksPath .githooks || true"' },
      { target: '.gitignore', change: 'ignores .dcr/, _site/' },
    ]);
    expect(result.skipped).toEqual([]);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.githooks');
    expect(statSync(join(repo.dir, '.githooks/pre-push')).mode & 0o111).not.toBe(0);
    const pkg = readFileSync(join(repo.dir, 'package.json'), 'utf8');
    expect(pkg).toMatch(/^\{\n {4}"name"/); // the file's own indentation is kept
    expect(JSON.parse(pkg).scripts.prepare).toBe('git config core.hooksPath .githooks || true');
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toMatch(/^\.dcr\/$/m);
    const loaded = loadRegistry(loadConfig(repo.dir));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.registry.get('orders_postgres')?.tables).toEqual(['public.orders', 'public.order_items']);
  });

  it("ignores node_modules when git does not yet (the Quick start's `git add -A` would commit it)", async () => {
    repo.write('package.json', '{ "name": "x", "private": true }\n');
    repo.write('node_modules/data-contract-registry/package.json', '{}\n');
    const result = await init(repo);
    expect(result.updated).toContainEqual({
      target: '.gitignore',
      change: 'ignores .dcr/, _site/, node_modules/',
    });
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
    repo.git('add', '-A');
    expect(status(repo)).not.toContain('node_modules');
    // Already ignored (here by a parent pattern): nothing is added.
    const other = new TempRepo();
    try {
      other.write('.gitignore', '/node_*\n');
      other.write('node_modules/x/package.json', '{}\n');
      const again = await init(other);
      expect(JSON.stringify(again.updated)).not.toContain('node_modules');
      expect(readFileSync(join(other.dir, '.gitignore'), 'utf8')).not.toMatch(/^node_modules\/$/m);
    } finally {
      other.remove();
    }
  });

  it('a second run changes nothing', async () => {
    repo.write('package.json', '{"name":"x"}\n');
    await init(repo);
    const again = await init(repo);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.hooks).toBe('git');
  });

  it('keeps every existing file and says why', async () => {
    repo.write('contracts/mine.yaml', 'ingestion_jobid: mine\n');
    repo.write('dcr.config.yml', 'contracts: contracts\n');
    repo.write('.github/workflows/pages.yml', 'name: my pages\n');
    repo.write('.gitignore', 'node_modules\n/.dcr\n');
    const result = await init(repo, { workflow: (n) => (n === 'remind.yml' ? undefined : fakeWorkflow(n)) });
    expect(result.created).toEqual([
      '.githooks/pre-commit',
      '.githooks/commit-msg',
      '.githooks/pre-push',
      '.github/workflows/dcr-check.yml',
    ]);
    expect(result.skipped).toEqual([
      { path: 'package.json', reason: 'no-package-json' },
      { path: 'contracts/orders_postgres.yaml', reason: 'has-contracts' },
      { path: 'dcr.config.yml', reason: 'exists' },
      { path: '.github/workflows/remind.yml', reason: 'not-shipped' },
      { path: '.github/workflows/pages.yml', reason: 'exists' },
    ]);
    expect(readFileSync(join(repo.dir, '.github/workflows/pages.yml'), 'utf8')).toBe('name: my pages\n');
    expect(readFileSync(join(repo.dir, '.gitignore'), 'utf8')).toBe(
      'node_modules\n/.dcr\n# dcr: reminder state and outbox, the built catalog\n_site/\n',
    );
    expect(existsSync(join(repo.dir, 'dcr.config.yaml'))).toBe(false);
  });

  it('writes nothing in a dry run, and lists every change it would make', async () => {
    repo.write('package.json', '{"name":"x"}\n');
    repo.git('add', 'package.json');
    repo.git('commit', '-qm', 'init');
    const result = await init(repo, { dryRun: true });
    expect(result.created).toHaveLength(8);
    expect(result.updated.map((u) => u.target)).toEqual(['git config', 'package.json', '.gitignore']);
    expect(status(repo)).toBe('');
    expect(repo.tryGit(['config', 'core.hooksPath']).code).toBe(1);
  });

  it('uses husky when the repository does: appends to its hook, adds prepare, runs husky', async () => {
    repo.write('package.json', JSON.stringify({ name: 'x', devDependencies: { husky: '^9' } }));
    repo.write('.husky/pre-commit', 'npm test\n');
    mkdirSync(join(repo.dir, 'node_modules'));
    symlinkSync(join(REPO, 'node_modules/husky'), join(repo.dir, 'node_modules/husky'));
    const result = await init(repo);
    expect(result.hooks).toBe('husky');
    expect(result.created).toEqual(expect.arrayContaining(['.husky/commit-msg', '.husky/pre-push']));
    expect(result.updated).toEqual(
      expect.arrayContaining([
        { target: '.husky/pre-commit', change: "runs dcr's pre-commit hook" },
        { target: 'package.json', change: 'scripts.prepare = "husky"' },
        { target: 'husky', change: 'run husky to turn its hooks on' },
      ]),
    );
    const hook = readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8');
    expect(hook.startsWith('npm test\n\n# dcr:')).toBe(true);
    expect(hook).toContain('sh node_modules/data-contract-registry/hooks/pre-commit || exit $?');
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(existsSync(join(repo.dir, '.githooks'))).toBe(false);
  });

  it('leaves hooks that another tool installed alone, and says how to call dcr from them', async () => {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\npre-commit run\n');
    chmodSync(join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    const result = await init(repo);
    expect(result.hooks).toBe('not-wired');
    expect(result.skipped).toContainEqual({ path: '.git/hooks/pre-commit', reason: 'git-hooks-in-use' });
    expect(repo.tryGit(['config', 'core.hooksPath']).code).toBe(1);
    expect(result.next[0]).toContain('node_modules/data-contract-registry/hooks/');
    repo.git('config', 'core.hooksPath', 'tools/hooks');
    const other = await init(repo);
    expect(other.skipped).toContainEqual({ path: 'core.hooksPath=tools/hooks', reason: 'hooks-path-in-use' });
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('tools/hooks');
  });

  it('sets a source repository up against contracts elsewhere: a URL is never a folder', async () => {
    for (const url of [
      'git@github.com:acme/contracts.git',
      'https://acme.github.io/contracts/registry.json',
    ]) {
      const r = new TempRepo();
      try {
        const result = await init(r, { contracts: url });
        expect(result.mode).toBe('source');
        expect(result.created).toEqual([
          'dcr.config.yaml',
          '.githooks/pre-commit',
          '.githooks/commit-msg',
          '.githooks/pre-push',
          '.github/workflows/dcr-check.yml',
        ]);
        expect(loadConfig(r.dir).config.contracts).toBe(url);
        expect(readFileSync(join(r.dir, '.gitignore'), 'utf8')).not.toContain('_site');
        const top = status(r)
          .split('\n')
          .filter(Boolean)
          .map((l) => l.slice(3).split('/')[0]);
        expect(new Set(top)).toEqual(new Set(['.github', '.githooks', '.gitignore', 'dcr.config.yaml']));
      } finally {
        r.remove();
      }
    }
  });
});

describe('workflow templates', () => {
  it('are the package files, with the check pointing at the named action or failing at once', () => {
    for (const name of WORKFLOWS.filter((n) => n !== 'dcr-check.yml')) {
      expect(workflowTemplate(name)).toBe(readFileSync(join(REPO, '.github/workflows', name), 'utf8'));
    }
    expect(readFileSync(join(REPO, '.github/workflows/dcr-check.yml'), 'utf8')).toMatch(/^\s+- uses: \.\/$/m);
    const named = workflowTemplate('dcr-check.yml', 'acme/dcr@v1')!;
    expect(named).toMatch(/^ {6}- uses: acme\/dcr@v1$/m);
    expect(named).not.toContain('uses: ./');
    const unset = workflowTemplate('dcr-check.yml')!;
    const steps = (parse(unset) as { jobs: { check: { steps: { run?: string; uses?: string }[] } } }).jobs
      .check.steps;
    const at = steps.findIndex((s) => s.run?.includes('::error title=dcr::Set the dcr action'));
    expect(at).toBeGreaterThan(0);
    expect(steps[at]!.run).toContain('exit 1');
    expect(steps[at + 1]!.uses).toBe('./.github/dcr-action-not-set');
    for (const text of [named, unset]) {
      expect(text).not.toContain('`dcr init` writes'); // the note for dcr's own repository
      expect(text).toContain('fetch-depth: 0');
      expect(text).not.toMatch(/actions\/checkout@v[1-5]\b/);
    }
  });
});

describe('dcr init (built CLI)', () => {
  let repo: TempRepo;
  beforeAll(() => {
    if (!existsSync(DCR)) throw new Error('build first: npx tsc -p tsconfig.build.json');
  });
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());
  // The hooks find dcr through DCR_BIN: this repository is not installed in node_modules here.
  const env = { ...process.env, NO_COLOR: '1', DCR_BIN: DCR, DCR_SKIP: '', HUSKY: '' };
  const dcr = (...args: string[]) =>
    execFileSync(process.execPath, [DCR, ...args], { cwd: repo.dir, encoding: 'utf8', env });

  it('creates the files from a sub-folder, and the next commit runs the hooks', () => {
    repo.write('src/app.js', '');
    mkdirSync(join(repo.dir, 'node_modules'));
    symlinkSync(REPO, join(repo.dir, 'node_modules/data-contract-registry'));
    const out = execFileSync(process.execPath, [DCR, 'init', '--action', 'acme/dcr@v1'], {
      cwd: join(repo.dir, 'src'),
      encoding: 'utf8',
      env,
    });
    expect(out).toContain('created  ../contracts/orders_postgres.yaml');
    expect(out).toContain('created  ../.githooks/pre-push');
    expect(out).toContain('updated  git config: core.hooksPath=.githooks');
    expect(out).toContain('Hooks: pre-commit, commit-msg and pre-push run from .githooks');
    expect(out).toContain('Next steps:');
    expect(out).not.toContain('set `uses:`');
    expect(dcr('validate')).toContain('1 contract file valid');
    repo.write('contracts/broken.yaml', contractYaml('broken', 'source_owner: not-an-email'));
    repo.git('add', '-A');
    const refused = repo.tryGit(['commit', '-qm', 'broken'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('email-format');
    repo.write('contracts/broken.yaml', contractYaml('broken'));
    repo.git('add', '-A');
    expect(repo.tryGit(['commit', '-qm', 'fixed'], env).code).toBe(0);
  });

  it('refuses a malformed --action and --hooks with exit 2', () => {
    for (const args of [
      ['--action', 'dcr'],
      ['--hooks', 'lefthook'],
    ]) {
      const r = (() => {
        try {
          dcr('init', ...args);
          return { code: 0, stderr: '' };
        } catch (e) {
          return { code: (e as { status: number }).status, stderr: String((e as { stderr: string }).stderr) };
        }
      })();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(args[0]);
      expect(status(repo)).toBe('');
    }
  });

  it('has a --help', () => {
    expect(dcr('init', '--help')).toContain('Never overwrites a file');
  });
});
