import { describe, expect, it } from 'vitest';
import { parseHunks, parseRaw, splitPatch } from '../../src/git/diff.js';

describe('git diff parsing', () => {
  it('reads raw records with renames and odd names, and finds the patch', () => {
    const z = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const raw = `:000000 100644 ${z} ${a} A\0dir/we ird\nname.sql\0:100644 100644 ${a} ${a} R100\0old é.sql\0new é.sql\0\0diff --git a/x b/x\n`;
    const { entries, end } = parseRaw(Buffer.from(raw));
    expect(entries).toEqual([
      {
        status: 'A',
        path: 'dir/we ird\nname.sql',
        oldMode: '000000',
        newMode: '100644',
        oldOid: z,
        newOid: a,
      },
      {
        status: 'R',
        oldPath: 'old é.sql',
        path: 'new é.sql',
        oldMode: '100644',
        newMode: '100644',
        oldOid: a,
        newOid: a,
      },
    ]);
    expect(Buffer.from(raw).subarray(end).toString()).toBe('diff --git a/x b/x\n');
  });
  it('turns -U0 hunk headers into line sets', () => {
    const block =
      'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3 +3,2 @@ ctx\n-old\n+new\n+new2\n@@ -10,2 +11,0 @@\n-a\n-b\n@@ -20,0 +21 @@\n+c\n';
    const h = parseHunks(block);
    expect([...h.added]).toEqual([3, 4, 21]);
    expect([...h.removed]).toEqual([3, 10, 11]);
    expect(h.binary).toBe(false);
    expect(parseHunks('diff --git a/b b/b\nBinary files a/b and b/b differ\n').binary).toBe(true);
  });
  it('splits one block per file even when a hunk line starts with "diff"', () => {
    expect(
      splitPatch('diff --git a/1 b/1\n@@ -1 +1 @@\n-diff --git x\n+y\ndiff --git a/2 b/2\n'),
    ).toHaveLength(2);
  });
});
