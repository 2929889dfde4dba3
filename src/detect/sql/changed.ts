/** Whether a 1-based inclusive line range holds a changed line. */
export function rangeChanged(changed: ReadonlySet<number>, from: number, to: number): boolean {
  if (changed.size === 0) return false;
  if (to - from < changed.size) {
    for (let l = from; l <= to; l++) if (changed.has(l)) return true;
    return false;
  }
  for (const l of changed) if (l >= from && l <= to) return true;
  return false;
}

/** 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** Every line number of a text (for added and deleted files). */
export function allLines(text: string | undefined): Set<number> {
  const n = text === undefined ? 0 : text.split('\n').length;
  return new Set(Array.from({ length: n }, (_, k) => k + 1));
}
