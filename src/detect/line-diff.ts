/** Which lines a change removed from `before` and added to `after` (1-based line numbers). */
export interface ChangedLines {
  addedLines: Set<number>;
  removedLines: Set<number>;
}

const splitLines = (text: string | undefined): string[] =>
  text === undefined || text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/**
 * A line diff (Myers' O(ND) shortest edit script, after trimming the common head and tail),
 * for when git's own hunks are not at hand. An added file has every line added; a deleted
 * file every line removed.
 */
export function changedLines(before: string | undefined, after: string | undefined): ChangedLines {
  const a = splitLines(before);
  const b = splitLines(after);
  const addedLines = new Set<number>();
  const removedLines = new Set<number>();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) {
    for (let i = start; i < endA; i++) removedLines.add(i + 1);
    for (let j = start; j < endB; j++) addedLines.add(j + 1);
    return { addedLines, removedLines };
  }
  // Forward Myers with a saved frontier per d, then backtrack to mark the edits.
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    trace.push(v.slice());
  }
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) addedLines.add(start + prevY + 1);
    else removedLines.add(start + prevX + 1);
    x = prevX;
    y = prevY;
  }
  return { addedLines, removedLines };
}
