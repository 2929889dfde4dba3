import { describe, expect, it } from 'vitest';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { knexExtractor } from '../../../src/detect/extractors/knex.js';
import { detectFixture, fixtureDir } from './js-fixture-repo.js';
import { run, summary } from './change.js';

describe('Knex migrations by content', () => {
  it('claims exports.up with knex.schema in any folder, and leaves runtime code alone', () => {
    const text = `exports.up = function (knex) {
  return knex.schema.alterTable('jobs', (t) => t.integer('attempts'));
};
exports.down = (knex) => knex.schema.alterTable('jobs', (t) => t.dropColumn('attempts'));
`;
    expect(extractorFor('server/db_migrations/003_attempts.js', text)?.id).toBe('knex');
    expect(extractorFor('src/knex_migrations/003_attempts.js', text)?.id).toBe('knex');
    expect(summary(run(knexExtractor, 'server/db_migrations/003_attempts.js', undefined, text))).toEqual([
      'jobs alter',
    ]);
    const runtime = `export async function list(knex) {\n  return knex('jobs').select('*');\n}\n`;
    expect(extractorFor('src/services/jobs.js', runtime)).toBeUndefined();
  });

  it("writes a file's string constants into interpolated raw SQL", () => {
    const text = `const tableName = 'streams'
export async function up(knex) {
  await knex.schema.raw(\`ALTER TABLE "\${tableName}" ALTER COLUMN "name" DROP DEFAULT\`)
}
`;
    expect(summary(run(knexExtractor, 'migrations/1_x.ts', undefined, text))).toEqual(['"streams" alter']);
  });

  // specklesystems/speckle-server 8fbe1322e18efbd2e3257b65889c8c45957a657c (Apache-2.0): raw
  // ALTER TABLE whose table name is a constant interpolated into a template literal.
  it('names the table of interpolated raw SQL (real commit)', async () => {
    const changes = await detectFixture(fixtureDir('knex', 'speckle-8fbe132'));
    // One statement, five actions: each column's default dropped (its name a constant too).
    expect(changes.map((c) => `${c.table} ${c.kind} ${c.detail} ${c.column}`)).toEqual(
      ['name', 'createdAt', 'updatedAt', 'allowPublicComments', 'visibility'].map(
        (col) => `"streams" alter default ${col}`,
      ),
    );
  });
});
