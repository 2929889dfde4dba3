// The GitHub Action: start-up of the bundled entry (validation-only run on the bundled
// contracts) and rendering a PR comment with many findings. Uses action/dist and dist/.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  const bundle = join(root, 'action', 'dist', 'index.js');
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bundle], {
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: root, GITHUB_EVENT_NAME: 'push' },
      encoding: 'utf8',
    });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`the bundle failed: ${r.stdout}${r.stderr}`);
  }
  console.log(`bundled action, validate-only run on contracts/: median ${median(times).toFixed(0)} ms of 5`);

  const { renderComment } = await import(join(root, 'dist', 'action', 'render-comment.js'));
  const owners = { source: ['dev@example.com'], ingestion: ['data@example.com'] };
  const findings = Array.from({ length: 2000 }, (_, i) => ({
    contract: `job_${i % 50}`,
    table: `public.t${i}`,
    file: `db/migrate/${i}.sql`,
    line: i + 1,
    change: 'alter',
    evidence: `ALTER TABLE public.t${i} ADD COLUMN c${i} int; -- @someone <b>x</b>`,
    owners,
    policy: 'warn',
  }));
  const report = {
    headSha: 'a'.repeat(40),
    findings,
    notices: [],
    changes: [],
    invalid: [],
    mode: 'warn',
    blocking: false,
    ackLabel: 'ack',
    ackedByLabel: false,
    people: new Map(),
  };
  const renders = [];
  let size = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    size = renderComment(report).length;
    renders.push(performance.now() - t);
  }
  console.log(
    `PR comment for 2,000 findings: median ${median(renders).toFixed(1)} ms of 20, ${size} characters (capped)`,
  );
}
