import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from '../helpers/git-repo.js';
import { REPO } from '../helpers/paths.js';
import { contractYaml } from '../helpers/validate.js';

// A newcomer's first hour, as a test: pack dcr from a clean copy of the repository the way it is
// published (prepack builds dist/ and writes npm-shrinkwrap.json), install the tarball into a
// fresh repository, follow the README's Quick start line by line, then commit and push as a team
// does. npm runs offline: the shrinkwrap pins every dependency by integrity, and `npm ci` left
// their tarballs in the npm cache (a consumer lockfile made from it stands in for the registry's
// metadata, which is all `--offline` lacks).

/** The shell lines of the README's Quick start block, comments removed. */
function quickStart(): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** Copies the files git would put in a fresh clone (tracked and new, never ignored ones). */
function cleanCopy(to: string): void {
  // The corpora are data the package never ships; leaving them out keeps the copy small.
  const files = execFileSync(
    'git',
    ['ls-files', '-co', '--exclude-standard', '-z', '--', '.', ':!test/corpus'],
    {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .split('\0')
    .filter((f) => f && existsSync(join(REPO, f)));
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(REPO, f), join(to, f));
  }
  symlinkSync(join(REPO, 'node_modules'), join(to, 'node_modules'));
}

/** The lockfile a registry install would produce from the package's shrinkwrap. */
function consumerLock(shrinkwrap: { packages: Record<string, Record<string, unknown>> }, tarball: string) {
  const root = shrinkwrap.packages['']!;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0' },
    'node_modules/data-contract-registry': {
      version: root.version,
      resolved: `file:${tarball}`,
      dev: true,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [key, value] of Object.entries(shrinkwrap.packages))
    if (key.startsWith('node_modules/') && !value.dev)
      packages[`node_modules/data-contract-registry/${key}`] = { ...value, dev: true };
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

describe('quick start: the packed package in a fresh repository, as the README says', () => {
  const work = mkdtempSync(join(tmpdir(), 'dcr-quickstart-'));
  const packDir = join(work, 'pack');
  const origin = join(work, 'origin.git');
  let repo: TempRepo;
  let tarball = '';
  const steps: { line: string; code: number; output: string }[] = [];
  // A user's shell: no dcr test variables, npm kept off the network.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  for (const k of ['DCR_BIN', 'DCR_SKIP', 'HUSKY', 'DCR_DEBUG', 'FORCE_COLOR']) delete env[k];
  const sh = (line: string) => {
    const r = spawnSync('sh', ['-c', line], { cwd: repo.dir, env, encoding: 'utf8', timeout: 180_000 });
    return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  };

  beforeAll(async () => {
    const copy = join(work, 'clone');
    cleanCopy(copy);
    mkdirSync(packDir);
    execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
      cwd: copy,
      env,
      stdio: 'pipe',
    });
    tarball = join(
      packDir,
      readdirSync(packDir).find((f) => f.endsWith('.tgz'))!,
    );

    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    repo = new TempRepo('dcr-newcomer-');
    repo.write(
      'package.json',
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2) + '\n',
    );
    repo.write('README.md', '# shop\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'start');
    repo.git('remote', 'add', 'origin', origin);
    repo.git('push', '-q', 'origin', 'main');
    repo.git('fetch', '-q', 'origin');
    const shrinkwrap = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/npm-shrinkwrap.json'], { encoding: 'utf8' }),
    );
    writeFileSync(
      join(repo.dir, 'package-lock.json'),
      JSON.stringify(consumerLock(shrinkwrap, tarball), null, 2),
    );

    for (const line of quickStart()) {
      if (line.startsWith('npx dcr serve')) {
        steps.push({ line, ...(await serveOnce(line)) });
        continue;
      }
      const run = line.replace(
        /^npm install --save-dev data-contract-registry$/,
        `npm install --save-dev ${tarball}`,
      );
      steps.push({ line, ...sh(run) });
    }
  }, 600_000);

  /** Starts the catalog on a free port, waits for it to answer, stops it. */
  async function serveOnce(line: string): Promise<{ code: number; output: string }> {
    // Its own process group, so that stopping it stops npx and dcr under it.
    const child = spawn('sh', ['-c', `exec ${line} --port 0`], { cwd: repo.dir, env, detached: true });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const closed = new Promise((r) => child.once('close', r));
    const deadline = Date.now() + 60_000;
    let code = -1;
    while (Date.now() < deadline && code !== 0 && child.exitCode === null) {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) {
        const res = await fetch(`${url}api/contracts`).catch(() => undefined);
        if (res?.ok) {
          output += `\n${JSON.stringify(await res.json())}`;
          code = 0;
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
    return { code, output };
  }

  afterAll(() => {
    repo?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it('ships the CLI, LICENSE, the shrinkwrap and built code, with nothing that runs at install', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of [
      'package/dist/cli/bin.js',
      'package/LICENSE',
      'package/npm-shrinkwrap.json',
      'package/hooks/pre-push',
    ])
      expect(files).toContain(f);
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(pkg.name).toBe('data-contract-registry');
    expect(pkg.bin).toEqual({ dcr: 'dist/cli/bin.js' });
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts?.[script]).toBeUndefined();
  });

  it('every Quick start line succeeds', () => {
    expect(steps.map((s) => s.line)).toEqual(quickStart());
    for (const s of steps)
      expect({ line: s.line, code: s.code, output: s.code ? s.output : '' }).toEqual({
        line: s.line,
        code: 0,
        output: '',
      });
    const install = steps[0]!;
    expect(install.output).not.toMatch(/EBADENGINE|install-scripts|deprecated/i);
    expect(steps.find((s) => s.line.startsWith('npx dcr serve'))!.output).toContain('orders_postgres');
  });

  it('installed what runs on this Node, with the hooks turned on', () => {
    const version = execFileSync(join(repo.dir, 'node_modules/.bin/dcr'), ['--version'], {
      encoding: 'utf8',
      env,
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.githooks');
    expect(repo.git('log', '--format=%s', '-1').trim()).toBe('Data contracts');
    expect(repo.git('ls-files')).toContain('.githooks/pre-push');
    // What dcr writes is ignored, not committed.
    expect(
      repo.git('check-ignore', '.dcr/reminders.json', '_site/index.html').trim().split('\n'),
    ).toHaveLength(2);
  });

  it('runs every command from the installed package', () => {
    for (const command of ['init', 'validate', 'check', 'stale', 'remind', 'site', 'serve']) {
      const help = sh(`npx dcr ${command} --help`);
      expect({ command, code: help.code }).toEqual({ command, code: 0 });
      expect(help.output).toContain(`dcr ${command}`);
    }
    const stale = sh('npx dcr stale --format json');
    expect(stale.code).toBe(0);
    expect(JSON.parse(stale.output)).toHaveProperty('stale');
    const remind = sh('npx dcr remind --dry-run');
    expect(remind.code, remind.output).toBe(0);
    const site = sh('npx dcr site build --out _site');
    expect(site.code, site.output).toBe(0);
    expect(existsSync(join(repo.dir, '_site/index.html'))).toBe(true);
    expect(repo.git('status', '--porcelain')).toBe(''); // what dcr wrote is ignored
  });

  it('refuses a commit with a broken contract, and accepts the fixed one', () => {
    repo.write('contracts/payments.yaml', contractYaml('payments', 'source_owner: not-an-email'));
    repo.git('add', '-A');
    const refused = sh('git commit -q -m "broken contract"');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('email-format');
    repo.write('contracts/payments.yaml', contractYaml('payments'));
    repo.git('add', '-A');
    expect(sh('git commit -q -m "payments contract"').code).toBe(0);
  });

  it('reports a commit that alters a contracted table, and the push checks it again', () => {
    repo.write('db/migrations/002_orders_note.sql', 'ALTER TABLE public.orders ADD COLUMN note text;\n');
    repo.git('add', '-A');
    const commit = sh('git commit -q -m "orders: a note column"');
    expect(commit.code).toBe(0);
    expect(commit.output).toContain('orders_postgres');
    expect(commit.output).toContain('dev-team@example.com');
    const push = sh('git push -q origin main');
    expect(push.code).toBe(0);
    expect(push.output).toContain('orders_postgres');
    expect(push.output).toContain('002_orders_note.sql');
    expect(
      execFileSync('git', ['--git-dir', origin, 'log', '--format=%s', '-1'], { encoding: 'utf8' }).trim(),
    ).toBe('orders: a note column');
  });
});
