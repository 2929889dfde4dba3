import { chooseDialect } from '../sql/dialect.js';
import { sqlFileChanges } from '../sql/file-changes.js';
import { downSectionLines, migrationLayout } from '../sql/migration-layout.js';
import { preparePgParser } from '../sql/pg-parser.js';
import type { Extractor, TableChange } from '../types.js';

const SKIPPED_DIRS = /(?:^|\/)(?:node_modules|target|dbt_packages|vendor)\//;

/**
 * Plain `.sql` files in any common dialect and the SQL layouts of migration tools: Flyway
 * (`V1__x.sql`, repeatable `R__x.sql`), golang-migrate (`*.up.sql`; `*.down.sql` ignored),
 * Sqitch (`deploy/`; `revert/` and `verify/` ignored), dbmate and goose up/down sections,
 * Liquibase formatted SQL (`--changeset` headers and `--rollback` lines are comments).
 */
export const sqlExtractor: Extractor = {
  id: 'sql',
  matches: (path) => /\.sql$/i.test(path) && !SKIPPED_DIRS.test(path),
  prepare: preparePgParser,
  extract(change, options) {
    const layout = migrationLayout(change.path);
    if (layout.ignored) return [];
    const text = change.after ?? change.before ?? '';
    const dialect = chooseDialect(change.path, text, options.dialect ?? liquibaseDbms(text));
    const downAfter = downSectionLines(change.after ?? '');
    const downBefore = downSectionLines(change.before ?? '');
    const changes = sqlFileChanges(change, {
      dialect,
      lineFilter: (line, side) => !(side === 'after' ? downAfter : downBefore).has(line),
    });
    const note = noteFor(change.status, layout, text);
    return note
      ? changes.map((c): TableChange => ({ ...c, note: c.note ? `${note}; ${c.note}` : note }))
      : changes;
  },
};

function noteFor(
  status: string,
  layout: ReturnType<typeof migrationLayout>,
  text: string,
): string | undefined {
  if (layout.repeatable) return 'repeatable migration: it runs again whenever it changes';
  if (/--\s*changeset\b[^\n]*\brunOnChange:true/i.test(text) && status === 'modified') {
    return 'Liquibase runOnChange changeset: it runs again whenever it changes';
  }
  if (status === 'modified' && (layout.versioned || /^--\s*liquibase formatted sql/im.test(text))) {
    return 'edits an existing migration, which may already have run';
  }
  if (status === 'deleted') return 'deleted migration (often a squash)';
  return undefined;
}

/** Liquibase formatted SQL may declare its database: `--changeset a:1 dbms:postgresql`. */
const liquibaseDbms = (text: string): string | undefined =>
  /^--\s*changeset\b[^\n]*\bdbms:\s*!?([a-z0-9]+)/im.exec(text)?.[1];
