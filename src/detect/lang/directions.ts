import { lineOf, type Source } from './source.js';

/** Where JS/TS migrations define `up` and `down` (Knex, Sequelize, TypeORM). */
export const JS_UP =
  /(?:\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b|^\s*(?:public\s+)?(?:async\s+)?up\s*(?:\(|:))/gm;
export const JS_DOWN =
  /(?:\bexports\.down\b|\bexport\s+(?:async\s+)?function\s+down\b|\bexport\s+const\s+down\b|^\s*(?:public\s+)?(?:async\s+)?down\s*(?:\(|:))/gm;

/**
 * Line ranges of the down direction: from each down definition to the next up definition
 * after it, or the end of the file (real files define up and down as siblings).
 */
export function downRanges(src: Source, up: RegExp, down: RegExp): Array<[number, number]> {
  const ups = [...src.masked.matchAll(up)].map((m) =>
    lineOf(src, m.index + (m[0].length - m[0].trimStart().length)),
  );
  const last = src.lineStarts.length;
  return [...src.masked.matchAll(down)].map((m) => {
    const line = lineOf(src, m.index + (m[0].length - m[0].trimStart().length));
    const next = ups.filter((u) => u > line).sort((a, b) => a - b)[0];
    return [line, next === undefined ? last : next - 1] as [number, number];
  });
}

/** Whether a line is inside one of the ranges. */
export const inRanges = (ranges: Array<[number, number]>, line: number): boolean =>
  ranges.some(([a, b]) => line >= a && line <= b);
