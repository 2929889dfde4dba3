import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractYaml, tempRepo } from './helpers.js';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');
const dcr = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('dcr stale (built CLI)', () => {
  it('prints the documented JSON shape, oldest first, honouring --older-than and --now', () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/a.yaml', contractYaml('a', { source: '[s1@example.com, s2@example.com]' }));
      repo.commit('a', '2025-03-01T00:00:00Z');
      repo.write('contracts/b.yaml', contractYaml('b'));
      repo.commit('b', '2025-01-01T00:00:00Z');
      repo.write('contracts/c.yaml', contractYaml('c'));
      repo.commit('c', '2026-05-01T00:00:00Z');
      const r = dcr(repo.dir, ['stale', '--format', 'json', '--now', '2026-06-01', '--older-than', '26w']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ now: '2026-06-01T00:00:00.000Z', threshold: '26w' });
      expect(json.stale).toEqual([
        expect.objectContaining({
          contract: 'b',
          file: 'contracts/b.yaml',
          lastUpdated: '2025-01-01T00:00:00.000Z',
          ageDays: 516,
        }),
        {
          contract: 'a',
          file: 'contracts/a.yaml',
          lastUpdated: '2025-03-01T00:00:00.000Z',
          ageDays: 457,
          owners: { source: ['s1@example.com', 's2@example.com'], ingestion: ['ing@example.com'] },
          basis: 'commit',
          commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        },
      ]);
      const text = dcr(repo.dir, ['stale', '--now', '2026-06-01']);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^b\s+516 days\s+since 2025-01-01\s+contracts\/b\.yaml$/m);
      expect(text.stdout).toContain('2 of 3 contracts not updated for 6mo or more');
    } finally {
      repo.cleanup();
    }
  });

  it('reads the threshold from the config, refuses unknown settings, and annotates for GitHub', () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/a.yaml', contractYaml('a'));
      repo.commit('a', '2026-01-01T00:00:00Z');
      repo.write('dcr.config.yaml', 'reminders:\n  olderThan: 90d\n');
      const gh = dcr(repo.dir, ['stale', '--now', '2026-06-01', '--format', 'github']);
      expect(gh.code).toBe(0);
      expect(gh.stdout).toBe(
        '::warning file=contracts/a.yaml,title=stale contract a::not updated for 151 days (since 2026-01-01); owners: src@example.com, ing@example.com\n',
      );
      repo.write('dcr.config.yaml', 'reminders:\n  olderThen: 90d\n');
      const bad = dcr(repo.dir, ['stale']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('unknown setting reminders.olderThen; did you mean "olderThan"?');
    } finally {
      repo.cleanup();
    }
  });

  it('refuses a bad duration or date with exit 2 and a hint', () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/a.yaml', contractYaml('a'));
      const r = dcr(repo.dir, ['stale', '--older-than', 'six months']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/"six months" is not a duration[\s\S]*hint: .*180d/);
      expect(dcr(repo.dir, ['stale', '--now', 'tomorrow']).stderr).toContain(
        '--now "tomorrow" is not a date',
      );
    } finally {
      repo.cleanup();
    }
  });
});
