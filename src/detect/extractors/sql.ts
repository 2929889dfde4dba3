import { splitAlter } from '../sql/alter-detail.js';
import { chooseDialect, dialectNamed } from '../sql/dialect.js';
import { sqlFileChanges } from '../sql/file-changes.js';
import { downSectionLines, migrationLayout, type MigrationLayout } from '../sql/migration-layout.js';
import { preparePgParser } from '../sql/pg-parser.js';
import { splitStatements, type Statement } from '../sql/split.js';
import type { Extractor, FileChange, TableChange } from '../types.js';

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
  extract(original, options) {
    const layout = migrationLayout(original.path);
    if (layout.ignored) return [];
    const text = original.after ?? original.before ?? '';
    // Runtime query files (sqlc, HugSQL, aiosql) hold the application's queries, not migrations.
    if (RUNTIME_QUERIES.test(text)) return [];
    // Sqitch `rework` copies the previous script to `name@tag.sql`: history, already deployed.
    if (original.status === 'added' && layout.reworkCopy) return [];
    const change = rerunsWhole(original, layout) ? asAdded(original) : original;
    const dialect = chooseDialect(change.path, text, options.dialect ?? liquibaseDbms(text));
    const downAfter = downSectionLines(change.after ?? '');
    const downBefore = downSectionLines(change.before ?? '');
    const changes = sqlFileChanges(change, {
      dialect,
      lineFilter: (line, side) => !(side === 'after' ? downAfter : downBefore).has(line),
    });
    const note = noteFor(change.status, layout, text);
    // An alter's actions are read from its whole statement (its evidence is one line of it).
    const statements = {
      after: undefined as Statement[] | undefined,
      before: undefined as Statement[] | undefined,
    };
    const statementAt = (c: TableChange): string => {
      const side = c.side ?? 'after';
      const all = (statements[side] ??= splitStatements(
        change[side] ?? '',
        dialectNamed(dialect) ?? 'generic',
      ));
      return all.find((st) => c.line >= st.line && c.line <= st.endLine)?.text ?? c.evidence;
    };
    const detailed = changes.flatMap((c) =>
      c.kind === 'alter' && c.detail === undefined ? splitAlter(c, statementAt(c)) : [c],
    );
    return note
      ? detailed.map((c): TableChange => ({ ...c, note: c.note ? `${note}; ${c.note}` : note }))
      : detailed;
  },
};

function noteFor(status: string, layout: MigrationLayout, text: string): string | undefined {
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

/** sqlc `-- name: GetUser :one`, HugSQL/PugSQL `-- :name get-user :? :1`, aiosql `-- name: get-user^`. */
const RUNTIME_QUERIES =
  /^--\s*(?:name:\s*[\w-]+(?:[!<>*#$^]+|\s+:(?:one|many|exec\w*|batch\w+|copyfrom)\b)|:name\s+[\w-]+\s+:)/m;

/**
 * Flyway knows a repeatable migration by its description (`R__2_Runs_view.sql` → "2 Runs view"):
 * renamed to another description, it is a new repeatable and runs again in full.
 */
function rerunsWhole(change: FileChange, layout: MigrationLayout): boolean {
  if (!layout.repeatable || change.status !== 'renamed' || change.oldPath === undefined) return false;
  return repeatableDescription(change.oldPath) !== repeatableDescription(change.path);
}

const repeatableDescription = (path: string): string =>
  path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/^R__/i, '')
    .replace(/\.sql$/i, '')
    .replace(/_/g, ' ')
    .toLowerCase();

/** The change seen as an added file: every statement of the after-image counts. */
function asAdded(change: FileChange): FileChange {
  const lines = (change.after ?? '').split('\n').length;
  const added: FileChange = {
    path: change.path,
    status: change.status,
    addedLines: new Set(Array.from({ length: lines }, (_, k) => k + 1)),
    removedLines: new Set(),
  };
  if (change.oldPath !== undefined) added.oldPath = change.oldPath;
  if (change.after !== undefined) added.after = change.after;
  return added;
}

/** Liquibase formatted SQL may declare its database: `--changeset a:1 dbms:postgresql`. */
const liquibaseDbms = (text: string): string | undefined =>
  /^--\s*changeset\b[^\n]*\bdbms:\s*!?([a-z0-9]+)/im.exec(text)?.[1];
