import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { buildAction } from '../../action/build.mjs';
import { TempRepo } from '../helpers/git-repo.js';
import { contractYaml } from '../helpers/validate.js';
import { extractorFor } from '../../src/detect/extractors/index.js';
import { FakeGithub } from './fake-github.js';

/** The SQL extractor is being written alongside; the finding scenarios run once it is registered. */
const noSqlExtractor = !extractorFor(
  'db/002_orders.sql',
  'ALTER TABLE public.orders ADD COLUMN note text;\n',
);

/** The bundle is built outside the repository, so it cannot reach schema/ by a relative path. */
let work: string;
let bundle: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dcr-action-'));
  bundle = (await buildAction(join(work, 'bundle', 'index.js'))) as string;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runBundle(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      env: { PATH: process.env.PATH ?? '', HOME: work, ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the bundled action on a pull request', () => {
  let gh: FakeGithub;
  let repo: TempRepo;
  let base: string;
  const files = () => ({
    summary: join(work, 'summary.md'),
    output: join(work, 'output.txt'),
    event: join(work, 'event.json'),
  });

  beforeEach(async () => {
    gh = await new FakeGithub().start();
    gh.addPull({ number: 12, user: 'pr-author' });
    repo = new TempRepo();
    repo.write('dcr.config.yaml', 'people:\n  src@example.com: alice\n  ing@example.com: "@acme/data-eng"\n');
    repo.write('contracts/orders.yaml', contractYaml('orders', 'source_tables: [public.orders]'));
    repo.write(
      'contracts/payments.yaml',
      contractYaml('payments', 'source_tables: [public.payments]\nsource_owner: pay@example.com'),
    );
    repo.write(
      'db/001_init.sql',
      'CREATE TABLE public.orders (id int);\nCREATE TABLE public.payments (id int);\n',
    );
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'init');
    base = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'feature');
    for (const f of Object.values(files())) rmSync(f, { force: true });
  });
  afterEach(async () => {
    await gh.stop();
    repo.remove();
  });

  const push = (message: string) => {
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', message);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const f = files();
    writeFileSync(
      f.event,
      JSON.stringify({
        action: 'synchronize',
        pull_request: {
          number: 12,
          user: { login: 'pr-author' },
          labels: [],
          html_url: 'https://github.com/o/r/pull/12',
          base: { sha: base, repo: { full_name: 'o/r' } },
          head: { sha: head, repo: { full_name: 'o/r' } },
        },
      }),
    );
    gh.pulls.get(12)!.headSha = head;
    return head;
  };
  const env = (over: Record<string, string> = {}) => ({
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files().event,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_STEP_SUMMARY: files().summary,
    GITHUB_OUTPUT: files().output,
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_MODE: 'warn',
    INPUT_NOTIFY: 'comment,reviewers',
    ...over,
  });

  it.skipIf(noSqlExtractor)(
    'two pushes leave exactly one comment, with the second run’s findings',
    async () => {
      repo.write('db/002_orders.sql', 'ALTER TABLE public.orders ADD COLUMN note text;\n');
      push('touch orders');
      const first = await runBundle(env());
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(gh.comments.get(12)).toHaveLength(1);
      expect(gh.comments.get(12)![0]!.body).toContain('public.orders');

      rmSync(join(repo.dir, 'db/002_orders.sql'));
      repo.write('db/003_payments.sql', 'DROP TABLE public.payments;\n');
      const head = push('payments instead');
      const second = await runBundle(env());
      expect(second.code).toBe(0);
      const comments = gh.comments.get(12)!;
      expect(comments).toHaveLength(1);
      const body = comments[0]!.body;
      expect(body).toContain('`payments` · `public.payments`');
      expect(body).toContain('DROP TABLE public.payments;');
      expect(body).not.toContain('public.orders');
      expect(body).toContain(head.slice(0, 7));
      expect(gh.log.filter((l) => l.method === 'POST' && l.path.endsWith('/comments'))).toHaveLength(1);
      // Owners asked to review: the mapped user and team (never the PR author).
      expect(gh.reviewRequests.at(-1)).toEqual({ pull: 12, reviewers: [], team_reviewers: ['data-eng'] });
      expect(readFileSync(files().summary, 'utf8')).toContain('public.payments');
      expect(readFileSync(files().output, 'utf8')).toMatch(/^findings<<(dcr_[\w-]+)\n1\n\1$/m);

      // A third push that no longer touches contracted tables says so in the same comment.
      rmSync(join(repo.dir, 'db/003_payments.sql'));
      repo.write('README.md', 'docs\n');
      push('docs only');
      expect((await runBundle(env())).code).toBe(0);
      expect(gh.comments.get(12)).toHaveLength(1);
      expect(gh.comments.get(12)![0]!.body).toContain('no longer touches any contracted table');
    },
  );

  it('two pushes changing contracts leave exactly one comment, with the second run’s changes', async () => {
    repo.write(
      'contracts/orders.yaml',
      contractYaml('orders', 'source_tables: [public.orders]\ningestion_frequency_minutes: 15'),
    );
    push('orders every 15 minutes');
    expect((await runBundle(env())).code).toBe(0);
    expect(gh.comments.get(12)![0]!.body).toContain('frequency (minutes): `60` → `15`');

    repo.write('contracts/orders.yaml', contractYaml('orders', 'source_tables: [public.orders]'));
    repo.write(
      'contracts/payments.yaml',
      contractYaml(
        'payments',
        'source_tables: [public.payments]\nsource_owner: pay@example.com\ningestion_type: cdc',
      ),
    );
    const head = push('payments by cdc instead');
    const second = await runBundle(env());
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const comments = gh.comments.get(12)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('ingestion type: `full` → `cdc`');
    expect(comments[0]!.body).not.toContain('frequency');
    expect(comments[0]!.body).toContain(head.slice(0, 7));
    expect(gh.log.filter((l) => l.method === 'POST' && l.path.endsWith('/comments'))).toHaveLength(1);
    expect(readFileSync(files().output, 'utf8')).toMatch(/^contract-changes<<(dcr_[\w-]+)\n1\n\1$/m);

    repo.write(
      'contracts/payments.yaml',
      contractYaml('payments', 'source_tables: [public.payments]\nsource_owner: pay@example.com'),
    );
    push('back to full');
    expect((await runBundle(env())).code).toBe(0);
    expect(gh.comments.get(12)).toHaveLength(1);
    expect(gh.comments.get(12)![0]!.body).toContain('no longer touches any contracted table');
  });

  it('annotates an invalid contract the pull request changes and fails', async () => {
    repo.write('contracts/orders.yaml', contractYaml('orders', 'ingestion_type: sometimes'));
    push('break orders');
    const r = await runBundle(env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=contracts\/orders.yaml,line=\d+,col=\d+,title=dcr invalid-value::ingestion_type must be one of/m,
    );
    expect(gh.comments.get(12)![0]!.body).toContain('#### Invalid contracts');
  });

  it('summarises contract changes and asks the owners on both sides to review', async () => {
    repo.write(
      'contracts/payments.yaml',
      contractYaml(
        'payments',
        'source_tables: [public.payments]\nsource_owner: src@example.com\nstatus: retired',
      ),
    );
    push('retire payments');
    const r = await runBundle(env());
    expect(r.code).toBe(0);
    const body = gh.comments.get(12)![0]!.body;
    expect(body).toContain('**contract retired**');
    expect(body).toContain('source owner: `pay@example.com` → @alice (`src@example.com`)');
    expect(gh.reviewRequests.at(-1)).toEqual({
      pull: 12,
      reviewers: ['alice'],
      team_reviewers: ['data-eng'],
    });
  });

  it.skipIf(noSqlExtractor)(
    'in block mode fails unless acknowledged by the label; annotates the finding',
    async () => {
      repo.write('db/002_orders.sql', 'ALTER TABLE public.orders ADD COLUMN note text;\n');
      push('touch orders');
      const blocked = await runBundle(env({ INPUT_MODE: 'block' }));
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toMatch(
        /^::warning file=db\/002_orders.sql,line=1,title=dcr%3A orders::alter of public.orders/m,
      );
      expect(gh.comments.get(12)![0]!.body).toContain('**Merging is blocked**');
      const event = JSON.parse(readFileSync(files().event, 'utf8'));
      event.pull_request.labels = [{ name: 'data-contract-ack' }];
      writeFileSync(files().event, JSON.stringify(event));
      expect((await runBundle(env({ INPUT_MODE: 'block' }))).code).toBe(0);
      // Without the label, a commit trailer acknowledges it too.
      event.pull_request.labels = [];
      writeFileSync(files().event, JSON.stringify(event));
      repo.write('README.md', 'talked to the owners\n');
      push('docs\n\nData-Contract-Ack: orders');
      const acked = await runBundle(env({ INPUT_MODE: 'block' }));
      expect(acked.code).toBe(0);
      // The comment names the commit that changed the table and the one that acknowledged it.
      const made = repo.git('rev-parse', 'HEAD~1').trim().slice(0, 10);
      const ackedBy = repo.git('rev-parse', 'HEAD').trim().slice(0, 10);
      expect(gh.comments.get(12)![0]!.body).toMatch(
        new RegExp(`\`${made}\`.*_\\(acknowledged by \\[?\`${ackedBy}\``),
      );
      expect(acked.stdout).toMatch(
        new RegExp(`::notice .*\\(commit ${made}\\) \\(acknowledged by commit ${ackedBy}\\)`),
      );
    },
  );

  it('falls back to the job summary with a fork’s read-only token', async () => {
    gh.tokens['fork-token'] = { login: 'github-actions[bot]', readOnly: true };
    repo.write(
      'contracts/orders.yaml',
      contractYaml('orders', 'source_tables: [public.orders, public.refunds]'),
    );
    push('add a table');
    const r = await runBundle(env({ 'INPUT_GITHUB-TOKEN': 'fork-token' }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::warning title=dcr::the token may not comment');
    expect(gh.comments.get(12)).toBeUndefined();
    expect(readFileSync(files().summary, 'utf8')).toContain('tables: +`public.refunds`');
  });

  it('says how to fix a checkout too shallow for the merge base', async () => {
    repo.write('db/002_orders.sql', 'ALTER TABLE public.orders ADD COLUMN note text;\n');
    push('touch orders');
    const shallow = mkdtempSync(join(tmpdir(), 'dcr-shallow-'));
    try {
      const { execFileSync } = await import('node:child_process');
      execFileSync('git', [
        'clone',
        '-q',
        '--depth',
        '1',
        '--branch',
        'feature',
        `file://${repo.dir}`,
        shallow,
      ]);
      const r = await runBundle(env({ GITHUB_WORKSPACE: shallow }));
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('fetch-depth: 0');
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });
});
