#!/usr/bin/env node
// `npm run bench [-- NAME...]`: runs every benchmark in bench/*.mjs (or the named ones) on
// this machine and prints their figures. Each bench file exports `run(): Promise<void>`.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : all) {
  console.log(`\n## bench: ${name}`);
  const mod = await import(join(here, `${name}.mjs`));
  await mod.run();
}
