import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTableName, partKey } from '../contract/table-name.js';
import { extractorFor } from './extractors/index.js';
import { changedLines } from './line-diff.js';
import type { FileChange } from './types.js';

/** One labelled change of the accuracy corpus (test/corpus/README.md). */
export interface CorpusCase {
  framework: string;
  id: string;
  path: string;
  status: FileChange['status'];
  oldPath?: string;
  tables: string[];
  before?: string;
  after?: string;
}

/** Reads every case below `dir` (`<framework>/<case>/case.json` with before.txt / after.txt). */
export function loadCorpus(dir: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  if (!existsSync(dir)) return cases;
  for (const framework of readdirSync(dir, { withFileTypes: true })) {
    if (!framework.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, framework.name), { withFileTypes: true })) {
      const folder = join(dir, framework.name, entry.name);
      if (!entry.isDirectory() || !existsSync(join(folder, 'case.json'))) continue;
      const meta = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Omit<
        CorpusCase,
        'framework' | 'id'
      >;
      const read = (name: string) =>
        existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : undefined;
      const c: CorpusCase = {
        framework: framework.name,
        id: entry.name,
        path: meta.path,
        status: meta.status,
        tables: meta.tables,
      };
      if (meta.oldPath !== undefined) c.oldPath = meta.oldPath;
      const before = read('before.txt');
      const after = read('after.txt');
      if (before !== undefined) c.before = before;
      if (after !== undefined) c.after = after;
      cases.push(c);
    }
  }
  return cases.sort((a, b) => (a.framework + a.id < b.framework + b.id ? -1 : 1));
}

/** The bare table name used for scoring: last part, case-folded unless quoted. */
export function bareTable(name: string): string {
  const parsed = parseTableName(name);
  return 'error' in parsed ? name.toLowerCase() : partKey(parsed.table);
}

/** The tables an extractor reports for a case (bare names; unknown tables left out). */
export function tablesFound(c: CorpusCase): Set<string> {
  const { addedLines, removedLines } = changedLines(c.before, c.after);
  const change: FileChange = { path: c.path, status: c.status, addedLines, removedLines };
  if (c.oldPath !== undefined) change.oldPath = c.oldPath;
  if (c.before !== undefined) change.before = c.before;
  if (c.after !== undefined) change.after = c.after;
  const extractor = extractorFor(c.path, c.after ?? c.before ?? '');
  if (!extractor) return new Set();
  return new Set(
    extractor
      .extract(change, {})
      .map((t) => t.table)
      .filter((t): t is string => t !== null)
      .map(bareTable),
  );
}

export interface Score {
  framework: string;
  cases: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Cases whose found tables differ from the labels. */
  misses: { id: string; expected: string[]; found: string[] }[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/** Precision and recall per framework and overall (`framework: 'all'`, last). */
export function scoreCorpus(cases: readonly CorpusCase[]): Score[] {
  const by = new Map<string, Score>();
  const get = (framework: string) => {
    let s = by.get(framework);
    if (!s) {
      s = {
        framework,
        cases: 0,
        truePositives: 0,
        falsePositives: 0,
        falseNegatives: 0,
        precision: 1,
        recall: 1,
        misses: [],
      };
      by.set(framework, s);
    }
    return s;
  };
  for (const c of cases) {
    const expected = new Set(c.tables.map(bareTable));
    const found = tablesFound(c);
    for (const s of [get(c.framework), get('all')]) {
      s.cases += 1;
      for (const t of found)
        if (expected.has(t)) s.truePositives += 1;
        else s.falsePositives += 1;
      for (const t of expected) if (!found.has(t)) s.falseNegatives += 1;
      const differs = found.size !== expected.size || [...found].some((t) => !expected.has(t));
      if (differs && s.framework !== 'all')
        s.misses.push({ id: c.id, expected: [...expected], found: [...found] });
    }
  }
  const scores = [...by.values()].map((s) => ({
    ...s,
    precision: ratio(s.truePositives, s.truePositives + s.falsePositives),
    recall: ratio(s.truePositives, s.truePositives + s.falseNegatives),
  }));
  return scores.sort((a, b) =>
    a.framework === 'all' ? 1 : b.framework === 'all' ? -1 : a.framework < b.framework ? -1 : 1,
  );
}

/** A plain-text table of scores. */
export function formatScores(scores: readonly Score[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const rows = scores.map(
    (s) =>
      `| ${s.framework} | ${s.cases} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${pct(s.precision)} | ${pct(s.recall)} |`,
  );
  return [
    '| framework | cases | TP | FP | FN | precision | recall |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
