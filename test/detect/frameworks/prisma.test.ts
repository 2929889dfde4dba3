import { describe, expect, it } from 'vitest';
import { prismaExtractor } from '../../../src/detect/extractors/prisma.js';
import { run, summary } from './change.js';

const schema = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model ApiKey {
  id     Int    @id
  userId Int
  user   User   @relation(fields: [userId], references: [id])
}

model User {
  id   Int      @id
  keys ApiKey[]

  @@map("users")
  @@schema("auth")
}
`;

describe('prisma extractor', () => {
  it('uses the model name verbatim (quoted) unless @@map, with @@schema', () => {
    expect(summary(run(prismaExtractor, 'prisma/schema.prisma', undefined, schema))).toEqual([
      '"ApiKey" create',
      'auth.users create',
    ]);
  });

  it('reports a changed scalar field, not a back-relation field', () => {
    const after = schema
      .replace('  userId Int\n', '  userId Int\n  label  String?\n')
      .replace('  keys ApiKey[]\n', '  keys ApiKey[]\n  oldKeys ApiKey[] @relation("old")\n');
    expect(summary(run(prismaExtractor, 'prisma/schema.prisma', schema, after))).toEqual(['"ApiKey" alter']);
  });

  it('reports a changed @@map as a rename', () => {
    const after = schema.replace('@@map("users")', '@@map("accounts")');
    expect(summary(run(prismaExtractor, 'prisma/schema.prisma', schema, after))).toEqual([
      'auth.users rename -> auth.accounts',
    ]);
  });

  it('claims Prisma migration SQL and reads it statement by statement', () => {
    const sql =
      '-- CreateTable\nCREATE TABLE "Tag" ("id" SERIAL NOT NULL);\n\n-- AlterTable\nALTER TABLE "users" ADD COLUMN "tz" TEXT;\n';
    expect(prismaExtractor.matches('prisma/migrations/20240101_x/migration.sql', sql)).toBe(true);
    expect(prismaExtractor.matches('db/migrations/001.sql', sql)).toBe(false);
    const after = sql.replace('"tz" TEXT', '"tz" TEXT NOT NULL');
    expect(run(prismaExtractor, 'prisma/migrations/20240101_x/migration.sql', sql, after)).toMatchObject([
      { table: '"users"', kind: 'alter', line: 5 },
    ]);
  });
});
