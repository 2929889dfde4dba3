import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, extractorFor } from '../../../src/detect/extractors/index.js';
import { LAZY_EXTRACTORS, extractorLookup, mayClaim } from '../../../src/detect/extractors/lazy.js';
import { loadCorpus } from '../../../src/detect/accuracy.js';
import { corpusFiles } from '../../helpers/corpus-files.js';
import { REPO } from '../../helpers/paths.js';

describe('extractors loaded on demand', () => {
  const files = corpusFiles();

  it('are the registered extractors, in the same order', async () => {
    const loaded = await Promise.all(LAZY_EXTRACTORS.map((e) => e.load()));
    expect(loaded).toEqual([...EXTRACTORS]);
    expect(LAZY_EXTRACTORS.map((e) => e.id)).toEqual(EXTRACTORS.map((e) => e.id));
  });

  it('accept by path every file their extractor claims in the mined corpus', () => {
    expect(files.length).toBeGreaterThan(1000);
    let claimed = 0;
    for (const { path, text } of files)
      EXTRACTORS.forEach((extractor, i) => {
        if (!extractor.matches(path, text)) return;
        claimed++;
        expect(LAZY_EXTRACTORS[i]!.paths.test(path), `${extractor.id} claims ${path}`).toBe(true);
      });
    expect(claimed).toBeGreaterThan(500);
  });

  it('answer exactly as the registered lookup does', async () => {
    const lookup = await extractorLookup(files.map((f) => f.path));
    for (const { path, text } of files) expect(lookup(path, text), path).toBe(extractorFor(path, text));
  });

  it('need a sign in the text only where their extractor never claims a file without it, in both corpora', () => {
    const handWritten = loadCorpus(join(REPO, 'test/corpus')).flatMap((c) =>
      [c.before, c.after].filter((t): t is string => t !== undefined).map((text) => ({ path: c.path, text })),
    );
    const signed = LAZY_EXTRACTORS.filter((e) => e.text);
    expect(signed.map((e) => e.id)).toEqual(['django', 'alembic', 'typeorm', 'sequelize', 'knex']);
    const claimed = new Map<string, number>();
    for (const { path, text } of [...files, ...handWritten])
      LAZY_EXTRACTORS.forEach((e, i) => {
        if (!e.text || !EXTRACTORS[i]!.matches(path, text)) return;
        claimed.set(e.id, (claimed.get(e.id) ?? 0) + 1);
        expect(e.text.test(text), `${e.id} claims ${path} without its sign`).toBe(true);
      });
    for (const e of signed) expect(claimed.get(e.id) ?? 0, e.id).toBeGreaterThan(5);
  });

  it('answer file by file, given the texts, as the registered lookup does', async () => {
    for (const { path, text } of files) {
      const lookup = await extractorLookup([{ path, texts: [undefined, text] }]);
      expect(lookup(path, text), path).toBe(extractorFor(path, text));
    }
    // Application code loads no ORM extractor: nothing is there to answer.
    const app = 'export function total(xs: number[]) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n';
    const lookup = await extractorLookup([{ path: 'src/total.ts', texts: [undefined, app] }]);
    expect(lookup('src/total.ts', 'export class X extends MigrationInterface {}')).toBeUndefined();
  });

  it('leave documentation and assets alone by path', () => {
    for (const path of ['README.md', 'docs/guide.rst', 'assets/logo.png', 'Makefile', 'go.mod'])
      expect(mayClaim(path), path).toBe(false);
    for (const path of ['db/migrate/001.sql', 'app/models.py', 'src/entity/User.ts', 'Migrations/X.cs'])
      expect(mayClaim(path), path).toBe(true);
  });
});
