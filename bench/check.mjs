// `dcr check --staged`, and the pre-commit hook as `dcr init` installs it (hooks/pre-commit:
// validate and check in one process, after the shell's prose-only test), in a repository with
// 5,000 contracts: a staged 300-file change (half of it SQL migrations, a few touching
// contracted tables), and a commit of 20 Markdown files; beside `git diff --cached --name-only`
// on the same repository. Node start-up included. Goals: under 500 ms and under 150 ms.
// Each is run in this machine's environment and without NODE_EXTRA_CA_CERTS, which costs every
// Node process here about 45 ms before any script runs (Node 20 reads the certificates at
// start-up) and which a developer's laptop does not usually set.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractText } from './lib/generate.mjs';
import { exec, median, ms } from './lib/timing.mjs';

const COUNT = Number(process.env.BENCH_CONTRACTS ?? 5_000);
const dcr = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const preCommit = fileURLToPath(new URL('../hooks/pre-commit', import.meta.url));
const cacheDir = fileURLToPath(new URL(`./.work/check-cache`, import.meta.url));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  DCR_CACHE_DIR: cacheDir,
};

function write(dir, path, text) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A repository with COUNT contracts and an initial schema, committed once and reused. */
export function repository() {
  const dir = fileURLToPath(new URL(`./.work/check-${COUNT}`, import.meta.url));
  if (existsSync(join(dir, '.ready'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args) => exec('git', args, { cwd: dir, env });
  git('init', '-q', '-b', 'main');
  for (let i = 0; i < COUNT; i++) {
    const { id, text } = contractText(i);
    write(dir, `contracts/part${Math.floor(i / 1000)}/${id}.yaml`, text);
  }
  write(dir, 'db/migrate/000_init.sql', 'CREATE TABLE shop.table_0 (id int);\n');
  write(dir, 'src/app.ts', 'export const app = 1;\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  writeFileSync(join(dir, '.ready'), '');
  return dir;
}

/** Stages 150 migrations (10 touch contracted tables) and 150 application files. */
export function stageBig(dir) {
  const git = (...args) => exec('git', args, { cwd: dir, env });
  git('reset', '-q'); // the bench's own repository: start each scenario from a clean index
  for (let i = 1; i <= 150; i++) {
    const touch = i % 15 === 0 ? `ALTER TABLE shop.table_${i * 10} ADD COLUMN c${i} int;\n` : '';
    write(
      dir,
      `db/migrate/${String(i).padStart(3, '0')}_change.sql`,
      `-- migration ${i}\nCREATE TABLE app_${i} (id bigint primary key, name text not null);\nCREATE INDEX app_${i}_name ON app_${i} (name);\n${touch}INSERT INTO app_${i} (id, name) VALUES (1, 'x');\n`,
    );
    write(dir, `src/feature_${i}.ts`, `export function feature${i}(x: number) {\n  return x + ${i};\n}\n`);
  }
  git('add', 'db', 'src');
}

export function stageIrrelevant(dir) {
  const git = (...args) => exec('git', args, { cwd: dir, env });
  git('reset', '-q');
  exec('git', ['rm', '-q', '-r', '--cached', 'db', 'src'], { cwd: dir, env }, [0, 128]);
  git('reset', '-q');
  for (let i = 1; i <= 20; i++) write(dir, `docs/page_${i}.md`, `# Page ${i}\n`);
  git('add', 'docs');
}

export function stageAppCode(dir) {
  const git = (...args) => exec('git', args, { cwd: dir, env });
  git('reset', '-q');
  exec('git', ['rm', '-q', '-r', '--cached', 'db', 'src', 'docs'], { cwd: dir, env }, [0, 128]);
  git('reset', '-q');
  const paths = [];
  for (let i = 1; i <= 20; i++) {
    paths.push(`src/feature_${i}.ts`);
    write(dir, paths.at(-1), `export function feature${i}(x: number) {\n  return x * ${i};\n}\n`);
  }
  git('add', ...paths);
}

export async function run() {
  const dir = repository();
  const laptop = { ...env };
  delete laptop.NODE_EXTRA_CA_CERTS;
  const envs = [
    ['this machine', env],
    ['without NODE_EXTRA_CA_CERTS', laptop],
  ];
  const rows = [];
  // The parsed contracts' cache: kept between runs (a hook's usual case), rebuilt after one
  // contract changed (the first commit after a pull that brought a contract), or none at all
  // (the first commit after a clone or an upgrade of dcr).
  const edited = join(dir, 'contracts/part0/', `${contractText(7).id}.yaml`);
  const original = readFileSync(edited, 'utf8');
  let edits = 0;
  const editOne = () => writeFileSync(edited, `${original}# edit ${++edits}\n`);
  const noCache = () => rmSync(cacheDir, { recursive: true, force: true });
  const warm = () => {};
  const scenarios = [
    ['300 files staged (150 migrations, 10 touch contracts)', stageBig, true, warm],
    ['the same, one contract edited since the last run', stageBig, true, editOne],
    ['the same, no cache yet (after a clone)', stageBig, true, noCache],
    ['20 Markdown files staged', stageIrrelevant, false, warm],
    ['20 TypeScript files staged, no table change', stageAppCode, false, warm],
  ];
  for (const [name, stage, expectFindings, before] of scenarios) {
    stage(dir);
    const cells = [];
    for (const [, e] of envs) {
      const check = await median(
        () => {
          const r = exec(
            process.execPath,
            [dcr, 'check', '--staged', '--format', 'json'],
            { cwd: dir, env: e },
            [0, 1],
          );
          const found = JSON.parse(r.stdout).findings.length;
          if (expectFindings ? found === 0 : found !== 0) throw new Error(`unexpected findings: ${found}`);
        },
        5,
        before,
      );
      const hook = await median(
        () => {
          const r = exec('sh', [preCommit], { cwd: dir, env: { ...e, DCR_BIN: dcr, NO_COLOR: '1' } }, [0]);
          if (expectFindings !== r.stdout.includes('contact:'))
            throw new Error(`unexpected hook output: ${r.stdout}`);
        },
        5,
        before,
      );
      cells.push(ms(check), ms(hook));
    }
    const diff = await median(() => exec('git', ['diff', '--cached', '--name-only'], { cwd: dir, env }), 5);
    rows.push(`| ${name} | ${cells.join(' | ')} | ${ms(diff)} |`);
  }
  writeFileSync(edited, original);
  // What Node itself costs on this machine, for reading the figures above.
  const bare = await median(() => exec(process.execPath, ['-e', '0'], { env }), 5);
  const bareLaptop = await median(() => exec(process.execPath, ['-e', '0'], { env: laptop }), 5);
  console.log(
    `${COUNT} contracts; Node start-up alone (\`node -e 0\`): ${ms(bare)} here, ${ms(bareLaptop)} without NODE_EXTRA_CA_CERTS`,
  );
  console.log(
    '| scenario | dcr check --staged | pre-commit hook | check, without NODE_EXTRA_CA_CERTS | hook, without NODE_EXTRA_CA_CERTS | git diff --cached --name-only |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}
