import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Contract } from '../../src/contract/types.js';
import { collectStale } from '../../src/stale/collect.js';
import { findStale } from '../../src/stale/stale.js';
import { contractYaml, tempRepo } from './helpers.js';

const contract = (jobId: string, extra: Partial<Contract> = {}): Contract => ({
  jobId,
  file: `contracts/${jobId}.yaml`,
  status: 'active',
  sourceHost: 'h',
  sourceDb: 'd',
  tables: [],
  ingestionType: 'full',
  owners: { source: ['s@example.com'], ingestion: ['i@example.com'] },
  tags: [],
  extensions: {},
  ...extra,
});
const change = (date: string) => ({ commit: 'c0ffee', date, author: 'a', email: 'a@example.com' });
const now = new Date('2026-07-01T00:00:00Z');

describe('findStale', () => {
  it('lists contracts older than the threshold, oldest first, and uses a later reviewed_at', () => {
    const contracts = [
      contract('a'),
      contract('b'),
      contract('c', { reviewedAt: '2026-06-01' }),
      contract('never'),
      contract('gone', { status: 'retired' }),
    ];
    const changes = new Map([
      ['contracts/a.yaml', change('2025-12-01T00:00:00Z')],
      ['contracts/b.yaml', change('2025-01-01T00:00:00Z')],
      ['contracts/c.yaml', change('2024-01-01T00:00:00Z')],
      ['contracts/gone.yaml', change('2020-01-01T00:00:00Z')],
    ]);
    const stale = findStale(contracts, changes, { now, thresholdDays: 180 });
    expect(stale.map((s) => s.contract)).toEqual(['b', 'a']);
    expect(stale[0]).toMatchObject({
      file: 'contracts/b.yaml',
      lastUpdated: '2025-01-01T00:00:00.000Z',
      ageDays: 546,
      basis: 'commit',
    });
  });

  it('counts a reviewed_at date alone, and the threshold boundary as stale', () => {
    const stale = findStale([contract('r', { reviewedAt: '2026-01-02' })], new Map(), {
      now,
      thresholdDays: 180,
    });
    expect(stale).toEqual([expect.objectContaining({ contract: 'r', ageDays: 180, basis: 'reviewed_at' })]);
    expect(
      findStale([contract('r', { reviewedAt: '2026-01-03' })], new Map(), { now, thresholdDays: 180 }),
    ).toEqual([]);
  });
});

describe('collectStale on a real repository', () => {
  it('reads backdated commits, follows renames and treats uncommitted files as fresh', async () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/old_job.yaml', contractYaml('old_job'));
      repo.write('contracts/renamed_job.yaml', contractYaml('renamed_job'));
      repo.write('contracts/edited.yaml', contractYaml('edited'));
      repo.commit('initial', '2025-01-10T12:00:00Z');
      mkdirSync(`${repo.dir}/contracts/sub`);
      repo.git(['mv', 'contracts/renamed_job.yaml', 'contracts/sub/renamed_job.yaml']);
      repo.commit('pure rename', '2026-06-20T12:00:00Z');
      repo.write('contracts/edited.yaml', contractYaml('edited', { lines: ['description: now described'] }));
      repo.commit('edit', '2026-06-21T12:00:00Z');
      repo.write('contracts/new_job.yaml', contractYaml('new_job'));
      const report = await collectStale(loadConfig(repo.dir), { now, thresholdDays: 182.625 });
      expect(report.stale.map((s) => [s.contract, s.file, s.lastUpdated])).toEqual([
        ['old_job', 'contracts/old_job.yaml', '2025-01-10T12:00:00.000Z'],
        ['renamed_job', 'contracts/sub/renamed_job.yaml', '2025-01-10T12:00:00.000Z'],
      ]);
      expect(report.contracts).toHaveLength(4);
      expect(report.shallow).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it('leaves out contracts with validation errors (unsafe owner addresses)', async () => {
    const repo = tempRepo();
    try {
      repo.write('contracts/ok.yaml', contractYaml('ok'));
      repo.write(
        'contracts/evil.yaml',
        contractYaml('evil', { source: '"a@example.com\\r\\nBcc: x@evil.com"' }),
      );
      repo.commit('initial', '2024-01-01T00:00:00Z');
      const report = await collectStale(loadConfig(repo.dir), { now, thresholdDays: 180 });
      expect(report.stale.map((s) => s.contract)).toEqual(['ok']);
      expect(report.invalid).toEqual(['contracts/evil.yaml']);
    } finally {
      repo.cleanup();
    }
  });

  it('works when the config folder is a sub-folder of the repository', async () => {
    const repo = tempRepo();
    try {
      repo.write('data/dcr.config.yaml', 'contracts: defs\n');
      repo.write('data/defs/x.yaml', contractYaml('x'));
      repo.write('other/defs/y.yaml', contractYaml('y'));
      repo.commit('initial', '2024-01-01T00:00:00Z');
      const report = await collectStale(loadConfig(`${repo.dir}/data`), { now, thresholdDays: 180 });
      expect(report.stale.map((s) => [s.contract, s.file])).toEqual([['x', 'defs/x.yaml']]);
    } finally {
      repo.cleanup();
    }
  });
});
