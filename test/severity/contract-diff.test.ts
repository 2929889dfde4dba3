import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsAt } from '../../src/action/git-range.js';
import { renderComment } from '../../src/action/render-comment.js';
import { loadConfig } from '../../src/config/config.js';
import { diffContracts } from '../../src/contract/diff.js';
import { loadRegistry } from '../../src/registry/load.js';
import { RULE_SEVERITY } from '../../src/severity/codes.js';
import type { DiffResult } from '../../src/cli/output/diff-report.js';
import { sampleReport } from '../action/helpers.js';
import { GIT_ENV, makeRepo, type Repo } from '../check/git-repo.js';
import { caseYaml, DIFF_CASES } from './contract-diff-cases.js';

const BIN = resolve('dist/cli/bin.js');
const dcr = (repo: Repo, args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: GIT_ENV, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('dcr diff and the Action’s PR summary agree on every shared case', () => {
  const root = mkdtempSync(join(tmpdir(), 'dcr-diff-'));
  let repo: Repo;
  let json: DiffResult;
  let comment: string;
  beforeAll(async () => {
    repo = makeRepo(join(root, 'repo'));
    for (const c of DIFF_CASES)
      if (c.before !== null) repo.write(`contracts/${c.job}.yaml`, caseYaml(c.job, c.before));
    repo.git('add', '-A');
    repo.commit('before');
    for (const c of DIFF_CASES) {
      if (c.after === null) repo.git('rm', '-q', `contracts/${c.job}.yaml`);
      else repo.write(`contracts/${c.job}.yaml`, caseYaml(c.job, c.after));
    }
    repo.git('add', '-A');
    repo.commit('after');
    const r = dcr(repo, ['diff', '--base', 'HEAD~1', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.out) as DiffResult;
    expect(json.invalid).toEqual([]);
    // The Action's way: contracts at the merge base from git, the head from the checkout.
    const loaded = loadConfig(repo.dir);
    const before = await contractsAt(repo.dir, loaded, 'HEAD~1');
    const changes = diffContracts(before, loadRegistry(loaded).contracts);
    comment = renderComment(sampleReport({ findings: [], notices: [], changes, blocking: false }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The codes the comment shows for one contract: from its line to the next contract's. */
  const commentCodes = (job: string): string[] => {
    const lines = comment.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`- \`${job}\` `));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && l.startsWith('- `'));
    const block = lines.slice(start, end < 0 ? undefined : end).join('\n');
    return [...new Set(block.match(/DCR-C\d{3}/g) ?? [])].sort();
  };

  it.each(DIFF_CASES.map((c) => [c.job, c] as const))('%s', (job, c) => {
    const fromDiff = json.changes.filter((f) => f.contract === job);
    expect([...new Set(fromDiff.map((f) => f.code))].sort()).toEqual(c.codes);
    for (const f of fromDiff) {
      expect(f.severity).toBe(RULE_SEVERITY[f.code]);
      expect(f.file).toBe(`contracts/${job}.yaml`);
      expect(f.line).toBeGreaterThan(0);
    }
    expect(commentCodes(job)).toEqual(c.codes);
  });

  it('fails on --fail-on breaking, annotates each change, and groups the text by severity', () => {
    const failed = dcr(repo, ['diff', '--base', 'HEAD~1', '--fail-on', 'breaking', '--format', 'github']);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(
      /^::error file=contracts\/c402\.yaml,line=8,col=1,title=dcr DCR-C402 breaking/m,
    );
    expect(failed.out).toMatch(
      /^::notice file=contracts\/c427\.yaml,line=\d+,col=1,title=dcr DCR-C427 info/m,
    );
    const text = dcr(repo, ['diff', '--base', 'HEAD~1']);
    expect(text.code).toBe(0);
    const at = (s: string) => text.out.indexOf(s);
    expect(at('BREAKING (')).toBeGreaterThan(0);
    expect(at('BREAKING (')).toBeLessThan(at('RISKY ('));
    expect(at('RISKY (')).toBeLessThan(at('INFO ('));
    expect(text.out).toContain('contracts/c402.yaml:8  DCR-C402  c402  table removed: public.b');
    expect(dcr(repo, ['diff', '--base', 'HEAD', '--fail-on', 'info']).code).toBe(0); // nothing changed
  });

  it('says what is wrong with bad usage', () => {
    expect(dcr(repo, ['diff']).err).toContain('dcr diff needs --base REV');
    const bad = dcr(repo, ['diff', '--base', 'HEAD~1', '--fail-on', 'fatal']);
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringContaining('--fail-on must be breaking, risky, info'),
    ]);
    expect(dcr(repo, ['diff', '--base', 'no-such-branch']).err).toContain('names no commit');
  });
});
