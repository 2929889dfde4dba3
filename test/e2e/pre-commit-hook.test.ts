import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempRepo } from '../helpers/git-repo.js';
import { DCR, REPO } from '../helpers/paths.js';
import { contractYaml } from '../helpers/validate.js';

const VALID = contractYaml('orders');
const BROKEN = contractYaml('orders', 'ingestion_type: sometimes');

describe('hooks/pre-commit in a real repository', () => {
  let repo: TempRepo;
  const env = { DCR_BIN: DCR, NO_COLOR: '1', HUSKY: '', DCR_SKIP: '' };

  beforeEach(() => {
    repo = new TempRepo();
    repo.git('config', 'core.hooksPath', join(REPO, 'hooks'));
    repo.write('README.md', 'hello\n');
    repo.git('add', 'README.md');
    repo.git('commit', '-q', '-m', 'init', '--no-verify');
  });
  afterEach(() => repo.remove());

  it('judges the staged content: valid in the index, broken in the working tree, commits', () => {
    repo.write('contracts/orders.yaml', VALID);
    repo.git('add', 'contracts/orders.yaml');
    repo.write('contracts/orders.yaml', BROKEN);
    const r = repo.tryGit(['commit', '-q', '-m', 'add orders'], env);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
    // The hook changed nothing: the working tree still holds the unstaged edit.
    expect(readFileSync(join(repo.dir, 'contracts/orders.yaml'), 'utf8')).toBe(BROKEN);
    expect(repo.git('status', '--porcelain')).toBe(' M contracts/orders.yaml\n');
  });

  it('judges the staged content: broken in the index, valid in the working tree, refuses', () => {
    repo.write('contracts/orders.yaml', BROKEN);
    repo.git('add', 'contracts/orders.yaml');
    repo.write('contracts/orders.yaml', VALID);
    const r = repo.tryGit(['commit', '-q', '-m', 'add orders'], env);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(
      'contracts/orders.yaml:7:17  error  invalid-value  ingestion_type must be one of',
    );
    expect(repo.git('status', '--porcelain')).toBe('AM contracts/orders.yaml\n');
  });

  it('sees `commit -a` content through the temporary index git hands the hook', () => {
    repo.write('contracts/orders.yaml', VALID);
    repo.git('add', 'contracts/orders.yaml');
    repo.git('commit', '-q', '-m', 'add', '--no-verify');
    repo.write('contracts/orders.yaml', BROKEN);
    const r = repo.tryGit(['commit', '-a', '-q', '-m', 'break it'], env);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('invalid-value');
  });

  it('sees `commit <path>` content', () => {
    repo.write('contracts/orders.yaml', VALID);
    repo.git('add', 'contracts/orders.yaml');
    repo.git('commit', '-q', '-m', 'add', '--no-verify');
    repo.write('contracts/orders.yaml', BROKEN);
    const r = repo.tryGit(['commit', '-q', '-m', 'break it', 'contracts/orders.yaml'], env);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('invalid-value');
  });

  it('checks the very first commit of a repository', () => {
    const fresh = new TempRepo();
    try {
      fresh.git('config', 'core.hooksPath', join(REPO, 'hooks'));
      fresh.write('contracts/orders.yaml', BROKEN);
      fresh.git('add', '.');
      const r = fresh.tryGit(['commit', '-q', '-m', 'first'], env);
      expect(r.code).not.toBe(0);
      expect(r.output).toContain('invalid-value');
    } finally {
      fresh.remove();
    }
  });

  it('finds a duplicate job id against contracts already committed', () => {
    repo.write('contracts/orders.yaml', VALID);
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'add', '--no-verify');
    repo.write('contracts/orders_copy.yaml', VALID);
    repo.git('add', '.');
    const r = repo.tryGit(['commit', '-q', '-m', 'copy'], env);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('contracts/orders_copy.yaml:1:18  error  duplicate-jobid');
    expect(r.output).not.toContain('contracts/orders.yaml:1:18');
  });

  it('is skipped with DCR_SKIP=1 and with HUSKY=0', () => {
    repo.write('contracts/orders.yaml', BROKEN);
    repo.git('add', '.');
    expect(repo.tryGit(['commit', '-q', '-m', 'skip'], { ...env, DCR_SKIP: '1' }).code).toBe(0);
    repo.write('contracts/other.yaml', BROKEN.replace('orders', 'other'));
    repo.git('add', '.');
    expect(repo.tryGit(['commit', '-q', '-m', 'skip'], { ...env, HUSKY: '0' }).code).toBe(0);
  });

  it('does nothing and says nothing when no contract is staged', () => {
    repo.write('contracts/orders.yaml', BROKEN); // broken but not staged
    repo.write('src/app.ts', 'export {};\n');
    repo.git('add', 'src/app.ts');
    const r = repo.tryGit(['commit', '-q', '-m', 'code only'], env);
    expect(r.code).toBe(0);
    expect(r.output).toBe('');
  });
});
