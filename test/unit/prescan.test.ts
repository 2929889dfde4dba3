import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { parseContractFile } from '../../src/parse/parse-contract-file.js';
import { prescan } from '../../src/parse/prescan.js';
import { contractYaml, validateTexts } from '../helpers/validate.js';

const enc = (s: string) => new TextEncoder().encode(s);
const N = 10_000;

/** Every way of nesting deeply that YAML has, each far past any stack. */
const DEEP: Record<string, string> = {
  'compact block sequences': `${'- '.repeat(N)}x\n`,
  'explicit keys': `${'? '.repeat(N)}x\n`,
  'compact mappings in sequences': `${'- a: '.repeat(N)}x\n`,
  'flow sequences': '['.repeat(N),
  'flow mappings': '{'.repeat(N),
  'flow mappings with keys': `x: ${'{a: '.repeat(N)}`,
  'flow after a key': `a: ${'['.repeat(N)}${']'.repeat(N)}\n`,
  'nested maps by indentation': Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
  'nested sequences by indentation': Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}-`).join('\n'),
  'a sequence under a plain value': `a: x\n${'- '.repeat(N)}x\n`,
  'brackets after a closed quote': `a: 'x'\n${'['.repeat(N)}\n`,
  'structure after an unterminated quote line': `a: x\n# c\n  ${'['.repeat(N)}\n`,
  'structure after a document marker': `a: |\n  text\n---\n${'- '.repeat(N)}x\n`,
};

describe('prescan: deep nesting is refused before the parser recurses', () => {
  for (const [shape, text] of Object.entries(DEEP)) {
    it(`refuses ${shape}`, () => {
      const problem = prescan(text, DEFAULT_LIMITS);
      expect(problem?.rule).toBe('too-deep');
      expect(problem!.line).toBeGreaterThanOrEqual(1);
      expect(problem!.message.hint).toBeTruthy();
    });
  }

  it('gives every hostile file in one run its own diagnostic, and keeps the valid ones', () => {
    const files: Record<string, string> = { 'good.yaml': contractYaml('good') };
    for (const [i, text] of Object.values(DEEP).entries()) files[`deep${i}.yaml`] = text;
    files['deep-twice.yaml'] = DEEP['compact block sequences']!;
    const r = validateTexts(files);
    expect(r.contracts.map((c) => c.jobId)).toEqual(['good']);
    const byFile = new Map(r.diagnostics.map((d) => [d.file, d.rule]));
    for (const file of Object.keys(files).filter((f) => f !== 'good.yaml')) {
      expect(byFile.get(file), file).toMatch(/^(too-deep|multiple-documents)$/);
    }
  });

  it('counts what a contract really nests: quotes, comments and block scalars are text', () => {
    const text = contractYaml(
      'texty',
      [
        `description: "${'[{'.repeat(100)} - - - - ? ? :"`,
        `x-note: '${'['.repeat(100)}'`,
        `x-block: |`,
        ...Array.from({ length: 60 }, (_, i) => `  ${' '.repeat(i)}- - - - [[[[ {{{{`),
        `x-folded: >-`,
        `  ${'- '.repeat(200)}`,
        `# ${'['.repeat(100)}`,
        `x-deep-enough:`,
        ...Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`),
        `x-list: [[1, 2], {a: [3]}]`,
      ].join('\n'),
    );
    expect(prescan(text, DEFAULT_LIMITS)).toBeUndefined();
    expect(validateTexts({ 'texty.yaml': text }).diagnostics).toEqual([]);
  });

  it('counts levels the way the parser nests them, within the limit and past it', () => {
    const nested = (depth: number) => `${'- '.repeat(depth)}x\n`;
    expect(prescan(nested(DEFAULT_LIMITS.maxDepth - 2), DEFAULT_LIMITS)).toBeUndefined();
    expect(prescan(nested(DEFAULT_LIMITS.maxDepth + 1), DEFAULT_LIMITS)?.rule).toBe('too-deep');
  });

  it('never lets through a text the parser nests deeper than twice the limit (random shapes)', () => {
    const pieces = [
      '- ',
      '? ',
      'a: ',
      '[',
      '{',
      ']',
      '}',
      ', ',
      '\n',
      '\n  ',
      '\n    ',
      "'",
      '"',
      '|\n',
      '# ',
      '&x ',
      '*x ',
      'b',
      ' ',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round++) {
      const length = 50 + Math.floor(random() * 400);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      if (prescan(text, DEFAULT_LIMITS)) continue;
      const doc = parseDocument(text, { uniqueKeys: false });
      expect(depthOf(doc.contents), text).toBeLessThanOrEqual(2 * DEFAULT_LIMITS.maxDepth);
    }
  });
});

describe('prescan: sizes', () => {
  it('refuses more keys than the limit, in block and in flow mappings, before parsing', () => {
    const block = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const flow = `x: {${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join(', ')}}`;
    expect(prescan(block, { ...DEFAULT_LIMITS, maxLines: 50_000 })).toMatchObject({
      rule: 'too-many-keys',
      line: DEFAULT_LIMITS.maxKeys + 1,
    });
    expect(prescan(flow, DEFAULT_LIMITS)?.rule).toBe('too-many-keys');
    const r = parseContractFile('k.yaml', enc(block.slice(0, 200_000)));
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['too-many-keys']);
    expect(r.data).toBeUndefined();
  });

  it('lets a contract list its 1,000 tables, in flow or block style', () => {
    const tables = Array.from({ length: 1000 }, (_, i) => `public.t${i}`);
    const flow = contractYaml('many', `source_tables: [${tables.join(', ')}]`);
    const block = contractYaml('many', `source_tables:\n${tables.map((t) => `  - ${t}`).join('\n')}`);
    expect(validateTexts({ 'many.yaml': flow }).diagnostics).toEqual([]);
    expect(validateTexts({ 'many.yaml': block }).diagnostics).toEqual([]);
  });

  it('refuses too many lines and too many aliases', () => {
    expect(prescan('a: 1\n'.repeat(DEFAULT_LIMITS.maxLines + 1), DEFAULT_LIMITS)).toMatchObject({
      rule: 'file-too-large',
      line: DEFAULT_LIMITS.maxLines + 1,
    });
    const aliases = `a: &a x\nb: [${Array.from({ length: 60 }, () => '*a').join(', ')}]\n`;
    expect(prescan(aliases, DEFAULT_LIMITS)).toMatchObject({ rule: 'alias-limit', line: 2 });
  });

  it('points at a tab used for indentation, but lets tabs inside block scalars be', () => {
    expect(prescan('a:\n\tb: 1\n', DEFAULT_LIMITS)).toMatchObject({ rule: 'tab-indent', line: 2, column: 1 });
    expect(prescan('a: |\n  x\n  \ty\n', DEFAULT_LIMITS)).toBeUndefined();
  });
});

/** Depth of a parsed node tree (the parse succeeded, so its depth is what the scan let in). */
function depthOf(node: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    if (n && typeof n === 'object' && 'items' in n) {
      for (const item of (n as { items: unknown[] }).items) {
        if (item && typeof item === 'object' && 'key' in item) {
          stack.push(
            [(item as { key: unknown }).key, d + 1],
            [(item as unknown as { value: unknown }).value, d + 1],
          );
        } else stack.push([item, d + 1]);
      }
    }
  }
  return max;
}
