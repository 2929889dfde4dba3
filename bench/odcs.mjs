// ODCS: what reading ODCS files in place costs `dcr validate` (the official ODCS schema is
// compiled once per process, only when an ODCS file is there), and the speed of a whole
// export and import of the bundled contracts.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, median, ms } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dcr = join(root, 'dist/cli/bin.js');
const contracts = join(root, 'contracts');
const big = join(root, 'test/fixtures/odcs/examples/all__postgresql-adventureworks-contract.odcs.yaml');

export async function run() {
  const work = fileURLToPath(new URL('./.work/odcs', import.meta.url));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const plain = await median(
    () => exec(process.execPath, [dcr, 'validate', contracts, '--format', 'json']),
    5,
  );
  const exported = join(work, 'odcs');
  const exportRun = await median(() => {
    rmSync(exported, { recursive: true, force: true });
    exec(process.execPath, [dcr, 'export', 'odcs', '--contracts', contracts, '--out', exported]);
  }, 3);
  const back = join(work, 'back');
  const importRun = await median(() => {
    rmSync(back, { recursive: true, force: true });
    exec(process.execPath, [dcr, 'import', 'odcs', exported, '--out', back]);
  }, 3);
  // The same jobs as ODCS files in place, plus the 190 KB official AdventureWorks document.
  const mixed = join(work, 'mixed');
  mkdirSync(mixed, { recursive: true });
  for (const f of readdirSync(exported)) copyFileSync(join(exported, f), join(mixed, f));
  copyFileSync(big, join(mixed, 'adventureworks.odcs.yaml'));
  const inPlace = await median(
    () => exec(process.execPath, [dcr, 'validate', mixed, '--format', 'json'], {}, [0, 1]),
    5,
  );
  const n = readdirSync(contracts).length;
  console.log(`| run | time |`);
  console.log(`|---|---|`);
  console.log(`| dcr validate, ${n} dcr contracts | ${ms(plain)} |`);
  console.log(`| dcr validate, the same ${n} as *.odcs.yaml + AdventureWorks (190 KB) | ${ms(inPlace)} |`);
  console.log(`| dcr export odcs, ${n} contracts | ${ms(exportRun)} |`);
  console.log(`| dcr import odcs, ${n} documents | ${ms(importRun)} |`);
}
