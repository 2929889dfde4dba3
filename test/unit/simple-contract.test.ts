import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs bench script, no types
import { contractYaml as benchContract } from '../../bench/site.mjs';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { parseContractFile } from '../../src/parse/parse-contract-file.js';
import { readSimpleContract } from '../../src/parse/simple-contract.js';
import { contractYaml, validateTexts } from '../helpers/validate.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every YAML file below a folder, as text. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
}

/** Odd corners of YAML, each appended to (or replacing a line of) a valid contract. */
const CORNERS = [
  'description: plain text',
  'description: text # with a comment',
  'description: text#no comment',
  "description: it's got 'quotes' and \"more\"",
  'description: a, b, c',
  'description: a: b',
  'description: a:b',
  'description: ends with colon:',
  'description: [not, closed',
  'description: [a, b,]',
  'description: [a, , b]',
  'description: []',
  'description: [ ]',
  'description: [\'a\', "b", c d]',
  'description: [a:b]',
  'description: [a#b]',
  'description: [a] b',
  'description: [a] # c',
  'description: [[a]]',
  'description: {a: b}',
  "description: 'it''s'",
  "description: 'unclosed",
  "description: 'a' b",
  "description: 'a'# c",
  "description: 'a' # c",
  'description: "a\\tb"',
  'description: "a # b"',
  'description: ""',
  "description: ''",
  'description:',
  'description: # only a comment',
  'description: ~',
  'description: null',
  'description: Null',
  'description: NULL',
  'description: true',
  'description: True',
  'description: FALSE',
  'description: yes',
  'description: 0',
  'description: 007',
  'description: -1',
  'description: +1',
  'description: 1.5',
  'description: .5',
  'description: .inf',
  'description: .nan',
  'description: 0x1F',
  'description: 0o17',
  'description: 1e3',
  'description: 123456789012345',
  'description: 1234567890123456789',
  'description: 12abc',
  'description: 1:30',
  'description: &a text',
  'description: *a',
  'description: !!str text',
  'description: !custom text',
  'description: |\n  block',
  'description: >\n  folded',
  'description: multi\n  line',
  'description: value\n  # indented comment',
  'description: value\n# comment\n\n',
  'description: @at',
  'description: `tick',
  'description: %pct',
  'description: -dash',
  'description: ?q',
  'description: :colon',
  'description: ,comma',
  'description: /path/to/x',
  'description: $var',
  'description: (paren)',
  'description: a]b',
  'description: a{b',
  'description: café olé',
  'description: 東京',
  'description: a\u00a0b',
  'description: trailing spaces   ',
  'description:   leading spaces',
  'tags:\n- a\n- b',
  'tags:\n  - a\n  - b',
  'tags:\n  - a\n - b',
  'tags:\n  - a\n    - b',
  'tags:\n  - a\n    more',
  'tags:\n  - a\n  # c\n  - b',
  'tags:\n  - a\n# c\n  - b',
  'tags:\n\n  - a\n\n  - b\n\n',
  'tags:\n  -\n  - b',
  'tags:\n  - # c',
  'tags:\n  - - a',
  'tags:\n  - a: b',
  'tags:\n  - a:',
  'tags:\n  - \'q\'\n  - "d"',
  'tags:\n  - a # c',
  'tags:\n  -a',
  'tags:\n  nested: map',
  'tags: # c\n  - a',
  'tags:\n- a\nnext_key: x',
  'tags: [a, b]\n- c',
  'description: x\ndescription: y',
  '__proto__: x',
  'constructor: x',
  'toString: x',
  'x-extra: 1',
  '"quoted_key": x',
  "'quoted_key': x",
  'key with space: x',
  'key : x',
  'key:x',
  '? explicit\n: value',
  '<<: x',
  '---\nanother: doc',
  '...',
  '%YAML 1.2',
  'a: b\n\tc: d',
  'description: tab\there',
  'description: cr\r',
  'description: nul\u0000',
  'description: del\u007f',
  'description: nel\u0085x',
  'description: bom\ufeffx',
  'description: ls\u2028x',
  `description: ${'k'.repeat(2000)}`,
  `${'k'.repeat(1100)}: x`,
];

/** A few variants of each line of a file: the reader must agree with the parser on all of them. */
function variants(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const swap = (next: string) => [...lines.slice(0, i), next, ...lines.slice(i + 1)].join('\n');
    out.push(swap(`  ${line}`), swap(`${line} # c`), swap(`${line}:`), swap(`${line}\n${line}`));
    out.push(swap(line.replace(': ', ": '") + "'"), swap(line.replace(': ', ': "') + '"'));
    out.push(swap(line.replace(': ', ':  ')), swap(`# ${line}`), swap(line.replace(/ /g, '')));
  });
  return out;
}

/** The reader's answer for a text, checked against the full parser's; true when it was taken. */
function agrees(text: string): boolean {
  const bytes = enc(text);
  const simple = readSimpleContract(bytes, DEFAULT_LIMITS);
  if (!simple) return false;
  const full = parseContractFile('c.yaml', bytes);
  expect(full.diagnostics, text).toEqual([]);
  expect(simple.data, text).toStrictEqual(full.data);
  if (typeof full.data?.ingestion_jobid === 'string')
    expect(simple.jobIdAt, text).toEqual(full.source.locate(['ingestion_jobid']));
  return true;
}

describe('readSimpleContract (the fast reader)', () => {
  const corpus = [
    ...yamlFiles('test/fixtures/contracts'),
    ...yamlFiles('contracts'),
    ...Array.from({ length: 40 }, (_, i) => benchContract(i * 37) as string),
    ...CORNERS.map((c) => contractYaml('corner', c)),
    ...CORNERS,
  ];

  it('reads exactly what the YAML parser reads, wherever it answers at all', () => {
    let taken = 0;
    let total = 0;
    for (const text of corpus)
      for (const t of [text, ...variants(text)]) {
        total++;
        if (agrees(t)) taken++;
      }
    // Both ways are exercised: most texts are read fast, the odd ones are left to the parser.
    expect(taken).toBeGreaterThan(total / 10);
    expect(taken).toBeLessThan(total);
  });

  it('reads the usual contracts, and leaves every odd corner above that it cannot read to the parser', () => {
    for (let i = 0; i < 40; i++) expect(agrees(benchContract(i) as string)).toBe(true);
    expect(agrees(readFileSync('contracts/orders_postgres.yaml', 'utf8'))).toBe(true);
    for (const c of ['description: 0x1F', 'description: ~', 'description: &a text', 'tags:\n  nested: map'])
      expect(readSimpleContract(enc(contractYaml('c', c)), DEFAULT_LIMITS), c).toBeUndefined();
  });

  it('leaves files over the configured limits to the parser', () => {
    const text = contractYaml('limits', 'tags: [a, b, c, d]');
    expect(readSimpleContract(enc(text), DEFAULT_LIMITS)).toBeDefined();
    expect(readSimpleContract(enc(text), { ...DEFAULT_LIMITS, maxKeys: 5 })).toBeUndefined();
    expect(readSimpleContract(enc(text), { ...DEFAULT_LIMITS, maxLines: 3 })).toBeUndefined();
    expect(readSimpleContract(enc(text), { ...DEFAULT_LIMITS, maxFileBytes: 50 })).toBeUndefined();
    expect(readSimpleContract(enc('\ufeff' + text), DEFAULT_LIMITS)).toBeUndefined();
  });
});

describe('validateContracts with the fast reader', () => {
  // A tab in a last comment line changes nothing for YAML, but the fast reader declines it.
  const fullOnly = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([f, t]) => [f, `${t}# full\tparser\n`]));
  const files = {
    'a.yaml': contractYaml('a', 'ingestion_type: fulll'),
    'b.yaml': contractYaml('a', 'description: the same job id as a.yaml'),
    'c.yaml': contractYaml('c', 'source_tables: [orders, "bad name!", orders]'),
    'd.yaml': contractYaml('d', 'source_owner: not-an-email'),
    'e.yaml': contractYaml('e', 'ingestion_type: incremental'),
    'f.yaml': contractYaml('f', 'ingestion_frequency_minutes: "60"'),
    'g.yaml': contractYaml('g', "ingestion_jobid:   'g'\ndescription: fine"),
    'h.yaml': contractYaml('h', 'tags:\n  - x\n  - y'),
    'i.yaml': contractYaml('i', 'source_tables: [a.orders, b.orders]\nstatus: retired'),
  };

  it('gives the same diagnostics, places and contracts as the full parser alone', () => {
    const fast = validateTexts(files);
    const full = validateTexts(fullOnly(files));
    expect(fast.diagnostics.length).toBeGreaterThan(4);
    expect(fast.diagnostics).toEqual(full.diagnostics);
    const strip = (r: typeof fast) => r.contracts.map((c) => ({ ...c }));
    expect(strip(fast)).toEqual(strip(full));
    expect(fast.files).toBe(full.files);
  });

  it("gives the same contracts without the rules (the change guard's cache), and no findings", () => {
    const corpusFiles = Object.fromEntries(
      [
        ...Object.entries(files),
        ...Object.entries(fullOnly(files)).map(([f, t]) => [`full-${f}`, t]),
        ...yamlFiles('test/fixtures/contracts').map((t, i) => [`fixture-${i}.yaml`, t]),
        ...CORNERS.map((c, i) => [`corner-${i}.yaml`, contractYaml(`corner_${i}`, c)]),
      ].map(([f, t]) => [f, t] as [string, string]),
    );
    const all = validateTexts(corpusFiles);
    const only = validateTexts(corpusFiles, { contractsOnly: true });
    expect(all.contracts.length).toBeGreaterThan(20);
    expect(all.diagnostics.some((d) => d.rule !== 'schema')).toBe(true); // rules had things to say
    expect(only.contracts).toEqual(all.contracts);
    // What is left are the parser's and the schema's findings, every one of them also found with the rules.
    expect(only.diagnostics.length).toBeLessThan(all.diagnostics.length);
    for (const d of only.diagnostics) expect(all.diagnostics).toContainEqual(d);
  });

  it('takes the fast way for clean files only', () => {
    // The tab-free clean files are read without the parser: their text is never composed.
    const clean = ['e.yaml', 'g.yaml', 'h.yaml', 'i.yaml'];
    for (const f of clean)
      expect(readSimpleContract(enc(files[f as keyof typeof files]), DEFAULT_LIMITS), f).toBeDefined();
    expect(
      validateTexts(Object.fromEntries(clean.map((f) => [f, files[f as keyof typeof files]]))).diagnostics,
    ).toEqual([]);
  });
});
