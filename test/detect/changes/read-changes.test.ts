import { describe, expect, it } from 'vitest';
import { everyLine, readChanges } from '../../../src/detect/changes/read-changes.js';
import { diffHunks } from '../../../src/git/diff.js';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { readBlobs, readBlobsUpTo } from '../../../src/git/index-files.js';
import { withRepo } from '../../check/git-repo.js';

const MIGRATION = 'db/migrate/002_orders.sql';

describe('reading the changed files', () => {
  it("gives a file added or deleted whole git's own changed lines, without asking git", async () => {
    const texts: Record<string, string> = {
      'a/trailing.sql': 'CREATE TABLE a (id int);\nDROP TABLE b;\n',
      'a/no-final-newline.sql': 'CREATE TABLE a (id int);\nDROP TABLE b;',
      'a/crlf.sql': 'CREATE TABLE a (id int);\r\n\r\nDROP TABLE b;\r\n',
      'a/one-empty-line.sql': '\n',
      'a/blank-lines.sql': '\n\n\nDROP TABLE c;\n\n',
      'a/empty.sql': '',
    };
    await withRepo(async (repo) => {
      repo.write('README.md', '# x\n');
      repo.git('add', '.');
      repo.commit('init');
      const paths = Object.keys(texts);
      // Added whole (no rename can pair them: nothing is deleted in this commit).
      for (const [path, text] of Object.entries(texts)) repo.write(path, text);
      repo.git('add', '.');
      const added = await diffHunks(repo.dir, { kind: 'staged' }, paths);
      for (const [path, text] of Object.entries(texts))
        expect([...everyLine(text)], path).toEqual([...(added.get(path)?.added ?? [])]);
      const set = await readChanges(repo.dir, { kind: 'staged' }, { excluded: () => false });
      const blank = set.changes.find((c) => c.change.path === 'a/blank-lines.sql')!.change;
      expect([...blank.addedLines]).toEqual([1, 2, 3, 4, 5]);
      expect(blank.removedLines.size).toBe(0);
      repo.commit('add');
      // Deleted whole.
      repo.git('rm', '-q', '-r', 'a');
      const removed = await diffHunks(repo.dir, { kind: 'staged' }, paths);
      for (const [path, text] of Object.entries(texts))
        expect([...everyLine(text)], path).toEqual([...(removed.get(path)?.removed ?? [])]);
      const gone = await readChanges(repo.dir, { kind: 'staged' }, { excluded: () => false });
      const trailing = gone.changes.find((c) => c.change.path === 'a/trailing.sql')!.change;
      expect([...trailing.removedLines]).toEqual([1, 2]);
      expect(trailing.addedLines.size).toBe(0);
    });
  });

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

  it('reads only the blobs within the limit, and those after a larger one', async () => {
    await withRepo(async (repo) => {
      repo.write('a.txt', 'small\n');
      repo.write('b.bin', Buffer.alloc(100_000, 1));
      repo.write('c.txt', 'after\n');
      repo.git('add', '.');
      const oids = repo
        .git('ls-files', '-s')
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[1]!);
      const { blobs, oversized } = await readBlobsUpTo(repo.dir, [...oids, '0'.repeat(40)], 1000);
      expect([...blobs.values()].map((b) => b.toString())).toEqual(['small\n', 'after\n']);
      expect([...oversized.values()]).toEqual([100_000]);
      // Without a limit every blob is read whole, across many chunks of git's output.
      const all = await readBlobs(repo.dir, oids);
      expect([...all.values()].map((b) => b.length).sort((x, y) => x - y)).toEqual([6, 6, 100_000]);
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
