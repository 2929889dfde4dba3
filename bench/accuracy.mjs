// Precision and recall of the change guard's extractors on the labelled corpus in test/corpus.
import { fileURLToPath } from 'node:url';
import { formatScores, loadCorpus, scoreCorpus } from '../dist/detect/accuracy.js';

export async function run() {
  const cases = loadCorpus(fileURLToPath(new URL('../test/corpus', import.meta.url)));
  const scores = scoreCorpus(cases);
  console.log(formatScores(scores));
  for (const s of scores)
    for (const m of s.misses)
      console.log(`  miss ${s.framework}/${m.id}: expected [${m.expected}] found [${m.found}]`);
}
