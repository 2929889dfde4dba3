import { describe, expect, it } from 'vitest';
import { lastChanges } from '../../src/git/last-changes.js';
import { tempRepo } from './helpers.js';

describe('lastChanges with { relative }', () => {
  it('reads only the folder, with paths relative to it, and not a sibling sharing its prefix', async () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/a.yaml', 'a: 1\n');
      repo.write('contracts2/a.yaml', 'a: 1\n');
      repo.commit('both', '2024-01-01T00:00:00Z');
      repo.write('contracts2/a.yaml', 'a: 2\n');
      repo.commit('sibling only', '2025-01-01T00:00:00Z');
      const changes = await lastChanges(repo.dir, ['a.yaml'], [], { relative: 'contracts/' });
      expect(changes.get('a.yaml')?.date).toBe('2024-01-01T00:00:00+00:00');
      const whole = await lastChanges(repo.dir, ['contracts/a.yaml', 'contracts2/a.yaml']);
      expect(whole.get('contracts/a.yaml')?.date).toBe('2024-01-01T00:00:00+00:00');
      expect(whole.get('contracts2/a.yaml')?.date).toBe('2025-01-01T00:00:00+00:00');
    } finally {
      repo.cleanup();
    }
  });

  it('returns nothing before the first commit, and fails loudly on a broken repository', async () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/a.yaml', 'a: 1\n');
      expect((await lastChanges(repo.dir, ['a.yaml'], [], { relative: 'contracts/' })).size).toBe(0);
      repo.commit('one', '2024-01-01T00:00:00Z');
      repo.write('.git/HEAD', 'ref: refs/heads/main\n');
      repo.write(`.git/refs/heads/main`, '0123456789012345678901234567890123456789\n');
      await expect(lastChanges(repo.dir, ['contracts/a.yaml'])).rejects.toThrow(/git log failed|rev-parse/);
    } finally {
      repo.cleanup();
    }
  });
});
