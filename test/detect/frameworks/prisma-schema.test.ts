import { describe, expect, it } from 'vitest';
import { prismaExtractor } from '../../../src/detect/extractors/prisma.js';
import { detectFixture, fixtureDir } from './js-fixture-repo.js';
import { run, summary } from './change.js';

const schema = `model Post {
  id       Int    @id
  title    String // the headline
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])

  @@index([authorId])
}

model User {
  id    Int    @id
  posts Post[]
}
`;

describe('prisma schema by effective schema', () => {
  it('reports nothing for comments, alignment or back-reference fields', () => {
    const path = 'prisma/schema.prisma';
    const comments = schema.replace('// the headline', '// the title shown in lists').replace('/// x', '');
    expect(run(prismaExtractor, path, schema, comments)).toEqual([]);
    const aligned = schema
      .replace('title    String', 'title        String')
      .replace('  id    Int    @id\n  posts', '  id        Int      @id\n  posts');
    expect(run(prismaExtractor, path, schema, aligned)).toEqual([]);
    const backRef = schema.replace(
      '  posts Post[]\n',
      '  posts Post[]\n  drafts Post[] @relation("drafts")\n',
    );
    expect(run(prismaExtractor, path, schema, backRef)).toEqual([]);
  });

  it('reports a field, a type, a nullability or an index that changes, with the column', () => {
    const path = 'prisma/schema.prisma';
    const added = run(
      prismaExtractor,
      path,
      schema,
      schema.replace('  authorId Int\n', '  authorId Int\n  body String?\n'),
    );
    expect(added).toMatchObject([{ table: '"Post"', kind: 'alter', detail: 'add-column', column: 'body' }]);
    expect(
      summary(run(prismaExtractor, path, schema, schema.replace('title    String', 'title    String?'))),
    ).toEqual(['"Post" alter']);
    expect(
      run(prismaExtractor, path, schema, schema.replace('@@index([authorId])', '@@index([authorId, title])')),
    ).toMatchObject([{ table: '"Post"', detail: 'index' }]);
  });

  it('reports every column a change touches, not only the first (a drop after an add is not hidden)', () => {
    const changed = schema
      .replace('  authorId Int\n', '  authorId Int\n  body String?\n')
      .replace('  title    String // the headline\n', '')
      .replace('  id       Int    @id\n', '  id       BigInt @id\n');
    const changes = run(prismaExtractor, 'prisma/schema.prisma', schema, changed);
    expect(changes.map((c) => [c.detail ?? 'alter', c.column, c.side ?? 'after'])).toEqual([
      ['alter', 'id', 'after'],
      ['add-column', 'body', 'after'],
      ['drop-column', 'title', 'before'],
    ]);
  });

  // Mintplex-Labs/anything-llm e37f20f54718fdeda4c93ef50e974725213e3f07 (MIT): only a comment
  // inside a model changes.
  it('reports nothing for a commit that only fixes a comment in the schema (real commit)', async () => {
    expect(await detectFixture(fixtureDir('prisma', 'anything-llm-e37f20f'))).toEqual([]);
  });
});
