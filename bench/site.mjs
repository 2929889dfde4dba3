// `npm run bench -- site`: the catalog at 1,000 / 10,000 / 100,000 generated contracts
// (DCR_BENCH_SITE_SIZES=1000,10000 to choose). For each: load (YAML parse + validate) and
// write times, total bytes, gzipped bytes fetched before the first search result, and the
// time from a keystroke to rendered results in headless Chromium.
/* global Event, requestAnimationFrame -- used inside page.evaluate, in the browser */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../dist/config/config.js';
import { writeSite } from '../dist/site/build.js';
import { loadCatalog } from '../dist/site/load-catalog.js';

const WORDS =
  'orders customers payments invoices shipments products inventory refunds ledger events clicks sessions users accounts tickets campaigns'.split(
    ' ',
  );
const TYPES = ['full', 'incremental', 'cdc', 'stream'];
const SOURCES = ['postgres', 'mysql', 'sqlserver', 'oracle', 'snowflake', 'kafka', 'api'];
const pick = (list, i) => list[i % list.length];

function contractYaml(i) {
  const w1 = pick(WORDS, i);
  const w2 = pick(WORDS, Math.floor(i / 7) + 3);
  const team = `team${i % 400}`;
  const type = pick(TYPES, Math.floor(i / 3));
  return `ingestion_jobid: ${w1}_${w2}_${i}
description: Extract of ${w1} and ${w2} from system ${i % 997} for reporting.
status: ${pick(['active', 'active', 'active', 'deprecated', 'draft'], i)}
source_host: ${w2}-db-${i % 300}.internal
source_db: ${w1}_${i % 50}
source_type: ${pick(SOURCES, i)}
source_tables: [${w1}.${w2}_${i}, ${w2}.${w1}_${i % 1000}]
ingestion_type: ${type}
${type === 'stream' ? '' : `ingestion_frequency_minutes: ${pick([5, 15, 60, 1440, 10080], i)}\n`}source_owner: ${team}@example.com
ingestion_owner: [data-eng-${i % 20}@example.com]
tags: [${w1}, ${pick(['finance', 'pii', 'core', 'ops'], i)}]
`;
}

const TYPES_MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function staticServer(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES_MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const ms = (t) => `${Math.round(t)} ms`;
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

export async function run() {
  const sizes = (process.env.DCR_BENCH_SITE_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const rows = [];
  try {
    for (const n of sizes) {
      // The generated contracts are kept under bench/.work (written once per size).
      const work = join(fileURLToPath(new URL('.work/', import.meta.url)), `site-${n}`);
      if (!existsSync(join(work, '.complete'))) {
        rmSync(work, { recursive: true, force: true });
        mkdirSync(join(work, 'contracts'), { recursive: true });
        for (let i = 0; i < n; i++)
          writeFileSync(
            join(work, 'contracts', `${contractYaml(i).split('\n')[0].slice(17)}.yaml`),
            contractYaml(i),
          );
        writeFileSync(
          join(work, 'dcr.config.yaml'),
          'contracts: contracts\nrules: { filename-jobid: off }\n',
        );
        writeFileSync(join(work, '.complete'), '');
      }
      const dir = mkdtempSync(join(tmpdir(), 'dcr-bench-site-'));
      try {
        const t0 = performance.now();
        const catalog = await loadCatalog(loadConfig(work), { now: new Date() });
        const t1 = performance.now();
        const site = await writeSite(catalog.entries, { outDir: join(dir, 'site'), now: new Date() });
        const t2 = performance.now();
        const server = await staticServer(join(dir, 'site'));
        const url = `http://127.0.0.1:${server.address().port}/`;
        const page = await browser.newPage();
        const fetched = [];
        page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
        const start = performance.now();
        await page.goto(`${url}index.html?q=orders`);
        await page.waitForSelector('body[data-ready]');
        await page.waitForSelector('#results .matched');
        const firstResult = performance.now() - start;
        const before = [...new Set(fetched)];
        const gz = before.reduce(
          (sum, p) => sum + gzipSync(readFileSync(join(dir, 'site', p === '/' ? 'index.html' : p))).length,
          0,
        );
        await page.waitForSelector('body[data-ready="all"]');
        // Keystroke to rendered results, measured in the page; the first search builds the index.
        const key = await page.evaluate(async () => {
          const input = document.getElementById('q');
          const times = [];
          for (const q of [
            '',
            'c',
            'cu',
            'cust',
            'custo',
            'pay',
            'payments fin',
            'invocies',
            'team12@',
            'ledger.refunds_',
          ]) {
            const t = performance.now();
            input.value = q;
            input.dispatchEvent(new Event('input'));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            times.push(performance.now() - t);
          }
          return times;
        });
        const warm = key.slice(2).sort((a, b) => a - b);
        await page.close();
        server.close();
        rows.push({
          contracts: n,
          load: ms(t1 - t0),
          write: ms(t2 - t1),
          files: site.files,
          total: `${(site.bytes / 1048576).toFixed(1)} MB`,
          'gzip before 1st result': kb(gz),
          'load to 1st result': ms(firstResult),
          'first keystroke (index build)': ms(key[1]),
          'keystroke median / max': `${ms(warm[Math.floor(warm.length / 2)])} / ${ms(warm[warm.length - 1])}`,
        });
        console.log(rows[rows.length - 1]);
      } finally {
        if (process.env.DCR_BENCH_KEEP) console.log(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  console.table(rows);
}
