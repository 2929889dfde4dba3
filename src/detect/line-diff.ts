/** Which lines a change removed from `before` and added to `after` (1-based line numbers). */
export interface ChangedLines {
  addedLines: Set<number>;
  removedLines: Set<number>;
}

const splitLines = (text: string | undefined): string[] =>
  text === undefined || text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/**
 * Beyond this many edits the middle of the two texts counts as rewritten whole: the frontiers
 * kept for the backtrack grow with the square of the edits (a rewritten 2 MB bundle would need
 * gigabytes). About 4 * MAX_EDITS^2 bytes at most.
 */
const MAX_EDITS = 4000;

/**
 * A line diff (Myers' O(ND) shortest edit script, after trimming the common head and tail),
 * for when git's own hunks are not at hand. An added file has every line added; a deleted
 * file every line removed; a middle rewritten by more than MAX_EDITS edits all of it.
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
  const wholeMiddle = () => {
    for (let i = start; i < endA; i++) removedLines.add(i + 1);
    for (let j = start; j < endB; j++) addedLines.add(j + 1);
    return { addedLines, removedLines };
  };
  if (n === 0 || m === 0) return wholeMiddle();
  // Forward Myers with a saved frontier per d, then backtrack to mark the edits.
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[offset - d .. offset + d] after step d (the diagonals step d can reach).
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    if (d > MAX_EDITS) return wholeMiddle();
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
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!; // v[offset + k] after step d - 1
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
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
