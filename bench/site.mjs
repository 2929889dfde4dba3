// `npm run bench -- site`: the catalog at 1,000 / 10,000 / 100,000 generated contracts
// (DCR_BENCH_SITE_SIZES=1000,10000 to choose; DCR_BENCH_SITE_RUNS=5 builds each). For each:
// - build: `dcr site build` in a process of its own, median and worst of the runs;
// - on a throttled link (Chromium's own throttling over CDP: 5 Mbit/s, 40 ms latency; files
//   served gzipped, as GitHub Pages does): bytes and time to the first result for a page
//   opened with a query in its URL, and for a first keystroke on a page opened without one;
// - keystrokes once everything is loaded (no throttling): median and worst of 9 typed as a
//   search goes (`c`, `cu`, `cust`, ... a table name), and of the 26 one-letter queries (which
//   match the most rows); each from the input event to the frame drawn after it;
// - keystrokes typed while the browser still builds its whole index (no throttling): answered
//   from the index shards; `n of 3 while indexing` says how many arrived before it was done;
// - Pagefind (dev dependency) on the same contract pages, for comparison: index time, bytes
//   and time to its first result on the same link (DCR_BENCH_PAGEFIND=0 to skip).
// DCR_BENCH_SITE_REUSE=1 keeps each built site under bench/.work/site-v2-<n>/site and, when one
// is there, measures it without building again (build columns say `reused`; Pagefind's index
// is kept with it): a 100,000-contract build takes minutes. Delete the folder after a change
// to the build or the search files.
/* global Event, requestAnimationFrame, PerformanceObserver, MutationObserver -- used inside page.evaluate, in the browser */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const PAGEFIND = fileURLToPath(new URL('../node_modules/.bin/pagefind', import.meta.url));

const WORDS =
  'orders customers payments invoices shipments products inventory refunds ledger events clicks sessions users accounts tickets campaigns'.split(
    ' ',
  );
const TYPES = ['full', 'incremental', 'cdc', 'stream'];
const SOURCES = ['postgres', 'mysql', 'sqlserver', 'oracle', 'snowflake', 'kafka', 'api'];
const pick = (list, i) => list[i % list.length];

/** Contract i: tables schema-qualified, quoted (every 5th) and bare (every 7th). */
export function contractYaml(i) {
  const w1 = pick(WORDS, i);
  const w2 = pick(WORDS, Math.floor(i / 7) + 3);
  const team = `team${i % 400}`;
  const type = pick(TYPES, Math.floor(i / 3));
  const second =
    i % 5 === 0
      ? `'"${w2}"."${w1}_${i % 1000}"'`
      : i % 7 === 0
        ? `${w1}_${i % 1000}`
        : `${w2}.${w1}_${i % 1000}`;
  return `ingestion_jobid: ${w1}_${w2}_${i}
description: Extract of ${w1} and ${w2} from system ${i % 997} for reporting.
status: ${pick(['active', 'active', 'active', 'deprecated', 'draft'], i)}
source_host: ${w2}-db-${i % 300}.internal
source_db: ${w1}_${i % 50}
source_type: ${pick(SOURCES, i)}
source_tables: [${w1}.${w2}_${i}, ${second}]
ingestion_type: ${type}
${type === 'stream' ? '' : `ingestion_frequency_minutes: ${pick([5, 15, 60, 1440, 10080], i)}\n`}source_owner: ${team}@example.com
ingestion_owner: [data-eng-${i % 20}@example.com]
tags: [${w1}, ${pick(['finance', 'pii', 'core', 'ops'], i)}]
`;
}

const TYPES_MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Static files, gzipped when the browser accepts it (as GitHub Pages serves them). */
function staticServer(root) {
  const gz = new Map();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      const type = TYPES_MIME[extname(file)] ?? 'application/octet-stream';
      // Pagefind's index files are compressed already; everything else is gzipped.
      if (
        /gzip/.test(req.headers['accept-encoding'] ?? '') &&
        !/pagefind\/(index|fragment|filter)\//.test(file)
      ) {
        if (!gz.has(file)) gz.set(file, gzipSync(body));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
        res.end(gz.get(file));
      } else {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      }
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const ms = (t) => `${Math.round(t)} ms`;
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const medMax = (sorted) => `${ms(sorted[Math.floor(sorted.length / 2)])} / ${ms(sorted[sorted.length - 1])}`;

/** A page on the throttled link (Chromium's own throttling, over CDP). */
async function throttledPage(browser) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: (5_000_000 / 8) | 0,
    uploadThroughput: (5_000_000 / 8) | 0,
  });
  return page;
}

// Measured inside the page (the `dcr-results` mark the app sets when results are drawn, and
// Resource Timing's transferSize: bytes as sent, gzipped), not by polling from outside.
const FIRST_MARK = () =>
  new Promise((resolve) => {
    const done = () => {
      const mark = performance.getEntriesByName('dcr-results')[0];
      if (!mark) return false;
      const nav = performance.getEntriesByType('navigation')[0];
      const bytes = performance
        .getEntriesByType('resource')
        .filter((r) => r.responseEnd <= mark.startTime)
        .reduce((sum, r) => sum + r.transferSize, nav.transferSize);
      resolve({ time: mark.startTime, bytes });
      return true;
    };
    if (!done()) new PerformanceObserver(() => done()).observe({ entryTypes: ['mark'] });
  });

/** A page opened with a query in its URL: time from navigation to the first results drawn. */
async function openedWithQuery(browser, url) {
  const page = await throttledPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    return await page.evaluate(FIRST_MARK);
  } finally {
    await page.close();
  }
}

/**
 * A page opened without a query; one key pressed the moment the script can take it (the
 * bulk data has only begun to load): time and bytes from the key to the first results drawn.
 */
/** Each text typed in turn: ms from the input event to the frame drawn after it, sorted. */
const TYPE_EACH = async (texts) => {
  const input = document.getElementById('q');
  const times = [];
  for (const text of texts) {
    const t = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
};

/**
 * Keystrokes typed the moment the browser starts building its whole index (`data-ready` =
 * `indexing`), one after the other: ms from each input event to its results drawn, and how
 * many were answered while the index was still being built.
 */
async function whileIndexing(browser, url, texts) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    return await page.evaluate(async (texts) => {
      while (!document.body) await new Promise((r) => setTimeout(r, 1));
      // Small catalogs build their index at once: the keystrokes then find it built.
      const begun = () => ['indexing', 'ranking', 'all'].includes(document.body.dataset.ready);
      await new Promise((resolve) => {
        if (begun()) return resolve();
        new MutationObserver((_, obs) => {
          if (begun()) {
            obs.disconnect();
            resolve();
          }
        }).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
      });
      const input = document.getElementById('q');
      const times = [];
      let during = 0;
      for (const text of texts) {
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input'));
        await new Promise((resolve) => {
          const find = () => performance.getEntriesByName('dcr-results').find((e) => e.startTime >= t0);
          if (find()) return resolve();
          const obs = new PerformanceObserver(() => {
            if (find()) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe({ entryTypes: ['mark'] });
        });
        if (document.body.dataset.ready === 'indexing') during++;
        // The frame with the results drawn.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - t0);
      }
      return { times: times.sort((a, b) => a - b), during };
    }, texts);
  } finally {
    await page.close();
  }
}

async function firstKeystroke(browser, url, key) {
  const page = await throttledPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    return await page.evaluate(async (k) => {
      while (!document.body?.dataset.ready) await new Promise((r) => setTimeout(r, 5));
      const input = document.getElementById('q');
      const t0 = performance.now();
      input.value = k;
      input.dispatchEvent(new Event('input'));
      const mark = await new Promise((resolve) => {
        const find = () => performance.getEntriesByName('dcr-results').find((e) => e.startTime >= t0);
        const found = find();
        if (found) return resolve(found);
        new PerformanceObserver(() => {
          const m = find();
          if (m) resolve(m);
        }).observe({ entryTypes: ['mark'] });
      });
      const bytes = performance
        .getEntriesByType('resource')
        .filter((r) => r.responseEnd > t0 && r.responseEnd <= mark.startTime)
        .reduce((sum, r) => sum + r.transferSize, 0);
      return { time: mark.startTime - t0, bytes };
    }, key);
  } finally {
    await page.close();
  }
}

function build(work, out) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'site', 'build', '--out', out], {
    cwd: work,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`site build failed: ${r.stderr}`);
  return performance.now() - t;
}

export function generate(n) {
  const work = join(fileURLToPath(new URL('.work/', import.meta.url)), `site-v2-${n}`);
  if (!existsSync(join(work, '.complete'))) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, 'contracts'), { recursive: true });
    for (let i = 0; i < n; i++)
      writeFileSync(
        join(work, 'contracts', `${contractYaml(i).split('\n')[0].slice(17)}.yaml`),
        contractYaml(i),
      );
    writeFileSync(join(work, 'dcr.config.yaml'), 'contracts: contracts\nrules: { filename-jobid: off }\n');
    writeFileSync(join(work, '.complete'), '');
  }
  return work;
}

const PF_PAGE = `<!doctype html><meta charset="utf-8"><title>pagefind</title><ol id="results"></ol>
<script type="module">
const pagefind = await import('./pagefind/pagefind.js');
const q = new URLSearchParams(location.search).get('q');
const search = await pagefind.search(q);
const first = await search.results[0]?.data();
const li = document.createElement('li');
li.className = 'matched';
li.textContent = first ? first.url : 'nothing';
document.getElementById('results').append(li);
performance.mark('dcr-results');
</script>`;

export async function run() {
  const sizes = (process.env.DCR_BENCH_SITE_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const runs = Number(process.env.DCR_BENCH_SITE_RUNS ?? 5);
  const withPagefind = process.env.DCR_BENCH_PAGEFIND !== '0' && existsSync(PAGEFIND);
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
      const work = generate(n);
      const i = Math.floor(n / 2) + 7;
      // The bare name of a table, as someone would paste it from an error message.
      const query = `${pick(WORDS, Math.floor(i / 7) + 3)}_${i}`;
      const reuse = process.env.DCR_BENCH_SITE_REUSE === '1';
      const dir = reuse ? work : mkdtempSync(join(tmpdir(), 'dcr-bench-site-'));
      const out = join(dir, 'site');
      const reused = reuse && existsSync(join(out, 'index.html'));
      try {
        const times = [];
        const loadBefore = loadavg()[0].toFixed(1);
        if (!reused) for (let r = 0; r < runs; r++) times.push(build(work, out));
        const load = `${loadBefore} / ${loadavg()[0].toFixed(1)}`;
        const all = reused ? 'reused' : times.map((t) => (t / 1000).toFixed(1)).join(', ');
        times.sort((a, b) => a - b);
        const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) =>
          d.isFile(),
        ).length;
        const buildRow = {
          contracts: n,
          'build median / worst': reused
            ? 'reused'
            : `${ms(times[Math.floor(times.length / 2)])} / ${ms(times[times.length - 1])}`,
          'builds (s)': all,
          'load avg before / after': load,
          files,
        };
        if (process.env.DCR_BENCH_SITE_BUILD_ONLY === '1') {
          rows.push(buildRow);
          console.log(buildRow);
          continue;
        }
        const server = await staticServer(out);
        const url = `http://127.0.0.1:${server.address().port}/`;
        const opened = await openedWithQuery(browser, `${url}index.html?q=${encodeURIComponent(query)}`);
        const key = await firstKeystroke(browser, `${url}index.html`, query[0]);
        const indexing = await whileIndexing(browser, `${url}index.html`, ['c', 'pay', query]);
        // Keystrokes once all is loaded and the whole index is built.
        const page = await browser.newPage();
        await page.goto(`${url}index.html`);
        await page.waitForSelector('body[data-ready="all"]', { timeout: 300_000 });
        const keys = await page.evaluate(TYPE_EACH, [
          'c',
          'cu',
          'cust',
          'custo',
          'pay',
          'payments fin',
          'invocies',
          'team12@',
          query,
        ]);
        const letters = await page.evaluate(TYPE_EACH, [...'abcdefghijklmnopqrstuvwxyz']);
        await page.close();
        let pf = {};
        if (withPagefind) {
          const t = performance.now();
          const kept = reuse && existsSync(join(out, 'pagefind', 'pagefind.js'));
          const r = kept
            ? { status: 0 }
            : spawnSync(PAGEFIND, ['--site', out, '--glob', 'contracts/*.html', '--quiet'], {
                encoding: 'utf8',
              });
          if (r.status !== 0) pf = { pagefind: `failed: ${r.stderr.trim().split('\n').pop()}` };
          else {
            const index = kept ? 'reused' : ms(performance.now() - t);
            writeFileSync(join(out, 'pf.html'), PF_PAGE);
            const first = await openedWithQuery(browser, `${url}pf.html?q=${encodeURIComponent(query)}`);
            pf = {
              'pagefind index': index,
              'pagefind bytes / time to 1st result': `${kb(first.bytes)} / ${ms(first.time)}`,
            };
          }
        }
        server.close();
        rows.push({
          ...buildRow,
          'URL query: bytes / time to 1st result': `${kb(opened.bytes)} / ${ms(opened.time)}`,
          '1st keystroke (while loading): bytes / time to 1st result': `${kb(key.bytes)} / ${ms(key.time)}`,
          'keystrokes (all loaded) median / max': medMax(keys),
          'one-letter queries (26) median / max': medMax(letters),
          'keystrokes while indexing median / max': `${medMax(indexing.times)} (${indexing.during} of ${indexing.times.length} while indexing)`,
          ...pf,
        });
        console.log(rows[rows.length - 1]);
      } finally {
        if (reuse) console.log(`kept ${out}`);
        else if (process.env.DCR_BENCH_KEEP) console.log(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`query: a bare table name; link: 5 Mbit/s, 40 ms (Chromium throttling); gzip on`);
  console.table(rows);
}
