import { describe, expect, it } from 'vitest';
import { prismaExtractor } from '../../../src/detect/extractors/prisma.js';
import { railsExtractor } from '../../../src/detect/extractors/rails.js';
import { sqlExtractor } from '../../../src/detect/extractors/sql.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from '../frameworks/change.js';

const details = (changes: TableChange[]) =>
  changes.map((c) => [c.table, c.kind, c.detail ?? null, c.column ?? null]).sort();

describe('what an ALTER does, read from the whole statement', () => {
  it("is kept for SQL embedded in a framework's files (a Prisma migration.sql)", () => {
    const sql = `-- AlterTable\nALTER TABLE "api_keys" ADD COLUMN "name" TEXT;\n\n-- AlterTable\nALTER TABLE "users" DROP COLUMN "phone";\n`;
    expect(
      details(run(prismaExtractor, 'prisma/migrations/20260101_x/migration.sql', undefined, sql)),
    ).toEqual([
      ['"api_keys"', 'alter', 'add-column', 'name'],
      ['"users"', 'alter', 'drop-column', 'phone'],
    ]);
  });

  it('reads a statement that spans lines, in a .sql file and inside execute()', () => {
    const sql =
      'ALTER TABLE jobs\n  MODIFY COLUMN requested_memory BIGINT NULL,\n  DROP COLUMN memory_used;\n';
    expect(details(run(sqlExtractor, 'db/V4__containers.sql', undefined, sql))).toEqual([
      ['jobs', 'alter', 'column-type', 'requested_memory'],
      ['jobs', 'alter', 'drop-column', 'memory_used'],
    ]);
    const rb = `class Containers < ActiveRecord::Migration[7.1]
  def up
    execute <<~SQL
      ALTER TABLE jobs
        DROP COLUMN memory_used;
    SQL
  end
end
`;
    expect(details(run(railsExtractor, 'db/migrate/20260101000000_containers.rb', undefined, rb))).toEqual([
      ['jobs', 'alter', 'drop-column', 'memory_used'],
    ]);
  });
});
