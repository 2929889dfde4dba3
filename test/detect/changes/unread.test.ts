import { describe, expect, it } from 'vitest';
import { holdsSignature, SCHEMA_SIGNATURE, unreadSchemaFile } from '../../../src/detect/changes/unread.js';
import { corpusFiles } from '../../helpers/corpus-files.js';

/**
 * Every string a simple regular expression matches, with each repetition taken zero times and
 * once (`+` once): enough for the literal alternations of SCHEMA_SIGNATURE. Throws on syntax
 * it does not know, so a new construct in the signature fails the test rather than passing it.
 */
function expand(source: string): string[] {
  let i = 0;
  const alternation = (): string[] => {
    const out: string[] = [];
    for (;;) {
      out.push(...sequence());
      if (source[i] !== '|') return out;
      i++;
    }
  };
  const sequence = (): string[] => {
    let words = [''];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let atom: string[];
      const c = source[i]!;
      if (c === '(') {
        i += source.startsWith('(?:', i) ? 3 : 1;
        atom = alternation();
        if (source[i] !== ')') throw new Error(`unclosed group at ${i}`);
        i++;
      } else if (c === '\\') {
        const e = source[i + 1]!;
        i += 2;
        if (e === 'b') atom = [''];
        else if (e === 's') atom = [' '];
        else if ('.()[]|*+?:-'.includes(e)) atom = [e];
        else throw new Error(`unknown escape \\${e}`);
      } else if ('[]{}^$.'.includes(c)) {
        throw new Error(`unknown syntax ${c} at ${i}`);
      } else {
        atom = [c];
        i++;
      }
      const q = source[i];
      if (q === '*' || q === '?') {
        atom = ['', ...atom];
        i++;
      } else if (q === '+') i++;
      words = words.flatMap((w) => atom.map((a) => w + a));
    }
    return words;
  };
  const all = alternation();
  if (i !== source.length) throw new Error(`stopped at ${i}`);
  return all;
}

describe('schema code that no extractor reads', () => {
  it('holds one of the signature words in every string the signature matches', () => {
    const samples = expand(SCHEMA_SIGNATURE.source);
    expect(samples.length).toBeGreaterThan(60);
    for (const sample of samples)
      for (const text of [sample, sample.toUpperCase(), `x = "${sample}";`]) {
        expect([text, SCHEMA_SIGNATURE.test(text)]).toEqual([text, true]);
        expect([text, holdsSignature(text)]).toEqual([text, true]);
      }
  });

  it('answers as the signature does on every file of the mined corpus', () => {
    const files = corpusFiles();
    let holding = 0;
    for (const { path, text } of files) {
      const expected = SCHEMA_SIGNATURE.test(text);
      expect([path, holdsSignature(text)]).toEqual([path, expected]);
      if (expected) holding++;
    }
    expect(holding).toBeGreaterThan(200);
    expect(holding).toBeLessThan(files.length);
  });

  it('names a file with schema code in its changed lines, and passes over one without', () => {
    const before = 'def up\nend\n';
    const after = 'def up\n  add_column :orders, :note, :text\nend\n';
    expect(unreadSchemaFile('lib/tasks/migrate.rb', before, after)).toEqual({
      file: 'lib/tasks/migrate.rb',
      lines: [{ line: 2, text: '  add_column :orders, :note, :text' }],
    });
    expect(unreadSchemaFile('lib/tasks/migrate.rb', before, 'def up\n  puts 1\nend\n')).toBeUndefined();
    expect(unreadSchemaFile('docs/x.md', before, after)).toBeUndefined();
  });
});
