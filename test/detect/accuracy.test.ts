import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatScores, loadCorpus, scoreCorpus } from '../../src/detect/accuracy.js';

const corpus = loadCorpus(fileURLToPath(new URL('../corpus', import.meta.url)));
const scores = scoreCorpus(corpus);

describe('change-guard accuracy on the labelled corpus', () => {
  it('holds at least 150 labelled changes, positives and negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.some((c) => c.tables.length === 0)).toBe(true);
    expect(corpus.some((c) => c.tables.length > 0)).toBe(true);
  });

  it.each(scores.map((s) => [s.framework, s] as const))(
    '%s: precision and recall at least 0.95',
    (_name, s) => {
      const detail = `${formatScores([s])}\nmisses: ${JSON.stringify(s.misses, null, 1)}`;
      expect(s.precision, detail).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, detail).toBeGreaterThanOrEqual(0.95);
    },
  );
});
