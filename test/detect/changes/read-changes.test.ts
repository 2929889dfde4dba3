import { describe, expect, it } from 'vitest';
import { readChanges } from '../../../src/detect/changes/read-changes.js';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { readBlobs, readBlobsUpTo } from '../../../src/git/index-files.js';
import { withRepo } from '../../check/git-repo.js';

const MIGRATION = 'db/migrate/002_orders.sql';

describe('reading the changed files', () => {
  it('skips a file over the size limit unread, says so, and still reads the files after it', async () => {
    await withRepo(async (repo) => {
      repo.write('README.md', '# x\n');
      repo.git('add', '.');
      repo.commit('init');
      // Sorts before the migration, as the 2 GiB file of the report did; 64 KiB over a 16 KiB limit.
      repo.write('db/migrate/001_big.sql', `-- ${'x'.repeat(64 * 1024)}\nDROP TABLE payments;\n`);
      repo.write(MIGRATION, 'ALTER TABLE orders ADD COLUMN note text;\n');
      repo.git('add', '.');
      const found = await detectTableChanges(
        repo.dir,
        { kind: 'staged' },
        { excluded: () => false, maxBytes: 16 * 1024 },
      );
      expect(found.changes.map((c) => [c.file, c.table, c.kind])).toEqual([[MIGRATION, 'orders', 'alter']]);
      expect(found.notices).toEqual([
        expect.objectContaining({
          file: 'db/migrate/001_big.sql',
          message: expect.stringMatching(/larger than|size|KiB|MiB/i),
        }),
      ]);
    });
  });

  it('asks git for sizes first and reads only the blobs within the limit', async () => {
    await withRepo(async (repo) => {
      repo.write('a.txt', 'small\n');
      repo.write('b.bin', Buffer.alloc(100_000, 1));
      repo.git('add', '.');
      const oids = repo
        .git('ls-files', '-s')
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[1]!);
      const { blobs, oversized } = await readBlobsUpTo(repo.dir, [...oids, '0'.repeat(40)], 1000);
      expect([...blobs.values()].map((b) => b.toString())).toEqual(['small\n']);
      expect([...oversized.values()]).toEqual([100_000]);
      // Without a limit every blob is read whole, across many chunks of git's output.
      const all = await readBlobs(repo.dir, oids);
      expect([...all.values()].map((b) => b.length).sort((x, y) => x - y)).toEqual([6, 100_000]);
    });
  });

  it('reads no file of a commit that only touches documentation, and warms the SQL parser for SQL', async () => {
    await withRepo(async (repo) => {
      repo.write('README.md', '# x\n');
      repo.git('add', '.');
      repo.commit('init');
      repo.write('docs/schema.md', 'We ALTER TABLE orders ADD COLUMN note here.\n');
      repo.git('add', '.');
      let asked = 0;
      const options = { excluded: () => false, onClaimable: () => asked++ };
      expect(await readChanges(repo.dir, { kind: 'staged' }, options)).toEqual({
        changes: [],
        notices: [],
        unread: [],
        files: [{ path: 'docs/schema.md', status: 'added' }],
      });
      expect(asked).toBe(0);
      repo.write('db/1.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      repo.write('db/2.sql', 'ALTER TABLE orders ADD COLUMN memo text;\n');
      repo.git('add', '.');
      const set = await readChanges(repo.dir, { kind: 'staged' }, options);
      expect(set.changes.map((c) => [c.change.path, c.extractor.id])).toEqual([
        ['db/1.sql', 'sql'],
        ['db/2.sql', 'sql'],
      ]);
      expect(asked).toBe(1);
    });
  });
});
