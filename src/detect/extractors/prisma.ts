import { matchBracket } from '../lang/blocks.js';
import { sniffDialect, sqlOperationsIn, sqlSource } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import { changesFromModels, changesFromOperations, type Model } from '../lang/operations.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
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

/** Line ranges of the model fields that are only relation back-references (`posts Post[]`): no column. */
function virtualLines(src: Source, models: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const m of src.masked.matchAll(/^[ \t]+\w+\s+(\w+)(\[\]|\?)?[ \t]*(@relation\([^)]*\))?[ \t]*$/gm)) {
    if (!models.has(m[1]!) || /fields\s*:/.test(m[3] ?? '')) continue;
    out.add(lineOf(src, m.index + 1));
  }
  return out;
}

function schemaChanges(change: Parameters<Extractor['extract']>[0]): TableChange[] {
  // Back-reference fields change no table: drop them from the changed lines before diffing.
  const names = (text?: string): Set<string> => new Set(text ? modelSet(text).models.map((m) => m.name) : []);
  const all = new Set([...names(change.before), ...names(change.after)]);
  const strip = (text: string | undefined, lines: ReadonlySet<number>): Set<number> => {
    if (!text) return new Set(lines);
    const virtual = virtualLines(scanSource(text, 'js'), all);
    return new Set([...lines].filter((l) => !virtual.has(l)));
  };
  return changesFromModels(
    {
      ...change,
      addedLines: strip(change.after, change.addedLines),
      removedLines: strip(change.before, change.removedLines),
    },
    modelSet,
  );
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
    /\.prisma$/.test(change.path) ? schemaChanges(change) : migrationChanges(change, options.dialect),
};
