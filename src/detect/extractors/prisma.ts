import { matchBracket } from '../lang/blocks.js';
import { sniffDialect, sqlOperationsIn, sqlSource } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import { changesFromSchemas, signature, type SchemaEntry, type SchemaModel } from '../lang/model-schema.js';
import { changesFromOperations, type Model } from '../lang/operations.js';
import { lineOf, lineText, scanSource, type Source } from '../lang/source.js';
import type { Extractor, TableChange } from '../types.js';

const MIGRATION = /(^|\/)migrations\/[^/]+\/migration\.sql$/;
const PRISMA_SQL =
  /^--\s*(CreateTable|AlterTable|DropTable|RenameTable|CreateIndex|DropIndex|AddForeignKey|DropForeignKey|CreateEnum|AlterEnum|RenameIndex|CreateSchema)\b/m;

/** The models of a Prisma schema: table `@@map("x")` or the model name verbatim, `@@schema` as schema. */
function modelSet(text: string): { src: Source; models: Model[] } {
  const src = scanSource(text, 'js');
  const models: Model[] = [];
  for (const m of src.masked.matchAll(/^[ \t]*model\s+(\w+)\s*\{/gm)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(src, open);
    const body = src.masked.slice(open, close);
    if (/@@ignore\b/.test(body)) continue;
    const literal = (attr: string): string | undefined => {
      const a = new RegExp(`@@${attr}\\s*\\(\\s*(?:name\\s*:\\s*)?`).exec(body);
      const lit = a ? src.strings.find((s) => s.open === open + a.index + a[0].length) : undefined;
      return lit ? src.text.slice(lit.start, lit.end) : undefined;
    };
    const table = ormTable(literal('map') ?? m[1]!, literal('schema'));
    models.push({ name: m[1]!, table, start: lineOf(src, m.index), end: lineOf(src, close - 1) });
  }
  return { src, models };
}

/**
 * The models of a schema with their effective schema: one entry per field that is a column (a
 * scalar, or a relation field holding `fields:`), one per block attribute (`@@index`, `@@id`,
 * `@@unique`...). Back-reference fields (`posts Post[]`), comments and alignment are not schema.
 */
function schemaSet(text: string): { src: Source; models: SchemaModel[] } {
  const { src, models } = modelSet(text);
  const names = new Set(models.map((m) => m.name));
  return {
    src,
    models: models.map((m) => {
      const entries: SchemaEntry[] = [];
      for (let line = m.start + 1; line < m.end; line++) {
        const code = lineText(src, line, true).trim();
        const sig = signature(src, src.lineStarts[line - 1]!, src.lineStarts[line] ?? src.text.length);
        if (code === '' || sig === '') continue;
        if (code.startsWith('@@')) {
          entries.push({ key: sig, sig: '', line });
          continue;
        }
        const field = /^(\w+)\s+(\w+)/.exec(code);
        if (!field) continue;
        if (names.has(field[2]!) && !/\bfields\s*:/.test(code)) continue; // back-reference: no column
        const mapped = /@map\(\s*(?:name\s*:\s*)?"([^"]*)"/.exec(lineText(src, line));
        entries.push({ key: `column:${mapped?.[1] ?? field[1]}`, sig, line });
      }
      return { name: m.name, table: m.table, line: m.start, entries };
    }),
  };
}

function migrationChanges(change: Parameters<Extractor['extract']>[0], dialect?: string): TableChange[] {
  return changesFromOperations(change, (text) => {
    const src = sqlSource(text);
    return { src, ops: sqlOperationsIn(src, text, 0, dialect ?? sniffDialect(text)) };
  });
}

/** Prisma: `*.prisma` schemas (model sets diffed) and `migrations/<name>/migration.sql` (SQL in the schema's dialect). */
export const prismaExtractor: Extractor = {
  id: 'prisma',
  matches: (path, text) =>
    !isIgnoredPath(path) &&
    (/\.prisma$/.test(path) ||
      (MIGRATION.test(path) && (/(^|\/)prisma\//.test(path) || PRISMA_SQL.test(text)))),
  extract: (change, options) =>
    /\.prisma$/.test(change.path)
      ? changesFromSchemas(change, schemaSet)
      : migrationChanges(change, options.dialect),
};
