// `dcr validate` on 10,000 generated contracts, beside the floor on the same files: a bare
// loop of readFile + yaml.parse + one compiled ajv validator. Goal: < 3 s, within 1.5x.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContracts, listYaml } from './lib/generate.mjs';
import { exec, median, ms } from './lib/timing.mjs';

const COUNT = Number(process.env.BENCH_CONTRACTS ?? 10_000);
const dcr = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const schemaFile = fileURLToPath(new URL('../schema/contract.schema.json', import.meta.url));

export async function run() {
  const dir = generateContracts(fileURLToPath(new URL(`./.work/validate-${COUNT}`, import.meta.url)), COUNT);
  const files = listYaml(dir);
  const whole = await median(() => {
    const r = exec(process.execPath, [dcr, 'validate', dir, '--format', 'json'], {}, [0, 1]);
    const json = JSON.parse(r.stdout);
    if (json.contracts !== COUNT) throw new Error(`validated ${json.contracts} files, expected ${COUNT}`);
  }, 3);
  // The floor, in a fresh process too, so Node start-up and module loading count on both sides.
  const floorScript = `
    const { readFileSync } = require('node:fs');
    const { parse } = require('yaml');
    const { Ajv } = require('ajv');
    const files = JSON.parse(readFileSync(0, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')));
    let ok = 0;
    for (const f of files) if (validate(parse(readFileSync(f, 'utf8')))) ok++;
    if (ok !== files.length) process.exit(3);
  `;
  const floor = await median(() => {
    exec(process.execPath, ['-e', floorScript], {
      input: JSON.stringify(files),
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
  }, 3);
  // The pre-commit hook's first step when no contract is staged: it must cost little more
  // than starting Node.
  const repo = mkdtempSync(join(tmpdir(), 'dcr-bench-hook-'));
  try {
    exec('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'app.ts'), 'export {};\n');
    exec('git', ['add', 'app.ts'], { cwd: repo });
    const noop = await median(() => exec(process.execPath, [dcr, 'validate', '--staged'], { cwd: repo }), 7);
    const bare = await median(() => exec(process.execPath, ['-e', '0']), 7);
    console.log(`dcr validate --staged, no contract staged: ${ms(noop)} (node -e 0: ${ms(bare)})\n`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  console.log(`| contracts | dcr validate (process) | floor: read + yaml.parse + ajv (process) | ratio |`);
  console.log(`|---|---|---|---|`);
  console.log(`| ${COUNT} | ${ms(whole)} | ${ms(floor)} | ${(whole / floor).toFixed(2)}x |`);
}
