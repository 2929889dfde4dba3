// Precision and recall of the change guard.
// 1. The mined corpus (test/corpus/mined): real commits from public repositories, labelled blind
//    by people who did not write the extractors. This is the accuracy figure.
// 2. The hand-written corpus (test/corpus/<framework>): regression cases written by the
//    extractors' authors. It measures agreement with ourselves, not accuracy.
// `DCR_BENCH_MISSES=1` lists every mined case whose tables differ from the labels;
// `DCR_BENCH_FRAMEWORKS=django,alembic` runs only those frameworks' mined cases.
import { fileURLToPath } from 'node:url';
import { formatScores, loadCorpus, scoreCorpus } from '../dist/detect/accuracy.js';
import {
  formatKinds,
  formatMined,
  loadMinedCorpus,
  runMinedCase,
  scoreKinds,
  scoreMined,
} from '../dist/detect/mined-corpus.js';

const corpus = (path) => fileURLToPath(new URL(`../test/corpus/${path}`, import.meta.url));

export async function run() {
  // `DCR_BENCH_FOCUS=1`: SQL read as the guard reads it when the labelled tables are the contracted ones.
  const focus = process.env.DCR_BENCH_FOCUS === '1';
  const only = process.env.DCR_BENCH_FRAMEWORKS?.split(',').filter(Boolean);
  const cases = loadMinedCorpus(corpus('mined')).filter((c) => !only || only.includes(c.framework));
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (next < cases.length) results.push(await runMinedCase(cases[next++], { focus }));
    }),
  );
  console.log(
    `### Mined corpus: ${cases.length} commits, ${new Set(cases.map((c) => c.repo)).size} repositories`,
  );
  console.log(
    '(`dcr check --base <parent> --head <commit>` detection, tables compared by bare name, case-folded)\n',
  );
  console.log(formatMined(scoreMined(results)));
  console.log(
    "\n**What each change does.** The labellers also wrote each change's kind in their own words; `labelClass` (src/detect/mined-corpus.ts) maps them to the guard's kinds by rules fixed before comparing. Of the labelled changes whose table the guard found in the same file: how often its kind is the same, how often it says only `alter`, and for column changes the column too.\n",
  );
  console.log(formatKinds(scoreKinds(results)));
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `\ndetection per commit: median ${ms[ms.length >> 1]?.toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]?.toFixed(1)} ms; whole run ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (process.env.DCR_BENCH_MISSES === '1') {
    results.sort((a, b) => (a.c.framework + a.c.id < b.c.framework + b.c.id ? -1 : 1));
    for (const r of results) {
      const missed = [...r.expected].filter((t) => !r.found.has(t));
      const extra = [...r.found].filter((t) => !r.expected.has(t));
      if (missed.length || extra.length)
        console.log(`  ${r.c.framework}/${r.c.id}: missed [${missed}] extra [${extra}]`);
    }
  }

  console.log("\n### Hand-written regression corpus (written by the extractors' authors: not evidence)\n");
  const scores = scoreCorpus(loadCorpus(corpus('')));
  console.log(formatScores(scores));
  for (const s of scores)
    for (const m of s.misses)
      console.log(`  miss ${s.framework}/${m.id}: expected [${m.expected}] found [${m.found}]`);
}
