import { describe, expect, it } from 'vitest';
import { changedLines } from '../../src/detect/line-diff.js';

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
const diff = (a: string | undefined, b: string | undefined) => {
  const r = changedLines(a, b);
  return { added: sorted(r.addedLines), removed: sorted(r.removedLines) };
};

describe('changedLines', () => {
  it('marks a modified line on both sides', () => {
    expect(diff('a\nb\nc\n', 'a\nx\nc\n')).toEqual({ added: [2], removed: [2] });
  });
  it('marks an appended line only', () => {
    expect(diff('a\nb\n', 'a\nb\nc\n')).toEqual({ added: [3], removed: [] });
  });
  it('treats added and deleted files as all lines', () => {
    expect(diff(undefined, 'a\nb\n')).toEqual({ added: [1, 2], removed: [] });
    expect(diff('a\nb\n', undefined)).toEqual({ added: [], removed: [1, 2] });
  });
  it('finds scattered edits with a minimal script', () => {
    expect(diff('a\nb\nc\nd\ne\n', 'a\nc\nd\nX\ne\nY\n')).toEqual({ added: [4, 6], removed: [2] });
  });
  it('sees a moved line as one removal and one addition', () => {
    expect(diff('x\na\nb\n', 'a\nb\nx\n')).toEqual({ added: [3], removed: [1] });
  });
  it('ignores CRLF versus LF and reports nothing for equal texts', () => {
    expect(diff('a\r\nb\r\n', 'a\nb\n')).toEqual({ added: [], removed: [] });
  });
});

describe('a rewrite too large to diff line by line', () => {
  it('counts the whole rewritten middle, in bounded memory', () => {
    const lines = (p: string) => Array.from({ length: 30_000 }, (_, i) => `${p}${i}`).join('\n');
    const before = `head\n${lines('a')}\ntail\n`;
    const after = `head\n${lines('b')}\ntail\n`;
    const { addedLines, removedLines } = changedLines(before, after);
    expect(addedLines.size).toBe(30_000);
    expect(removedLines.size).toBe(30_000);
    expect(Math.min(...addedLines)).toBe(2);
    expect(Math.max(...removedLines)).toBe(30_001);
  });
});
