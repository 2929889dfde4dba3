import type { DiffTarget } from '../git/diff.js';
import { readChanges, type Notice, type ReadOptions } from './changes/read-changes.js';
import { notices as noticeText } from './messages.js';
import { loadRepoContext } from './changes/repo-context.js';
import type { UnreadFile } from './changes/unread.js';
import { needsGrammar, preparePgParser, withPgFocus, type PgFocus } from './sql/pg-parser.js';
import type { ExtractOptions, TableChange } from './types.js';
import { trace } from '../util/trace.js';

/** A table change with the file it was found in. */
export interface Located extends TableChange {
  file: string;
}

export interface DetectOptions extends ReadOptions {
  /** SQL dialect from the config. */
  dialect?: string;
  /**
   * The tables that matter (the change guard's contracted names), asked for once some file
   * is to be read: PostgreSQL's grammar then reads only statements that may name one of
   * them, and loads only when some changed file does. Undefined: every statement.
   */
  focus?: () => Promise<PgFocus | undefined>;
}

/**
 * The table changes of one diff (the staged changes, or between two trees): what the change
 * guard and the accuracy benchmark both measure. Files no extractor reads, and extractor
 * failures, become notices; nothing is matched to contracts here.
 */
export async function detectTableChanges(
  top: string,
  target: DiffTarget,
  options: DetectOptions,
): Promise<{ changes: Located[]; notices: Notice[]; unread: UnreadFile[] }> {
  // Without a focus, the PostgreSQL parser compiles while git reads the files, when some file may need it.
  const set = await readChanges(top, target, {
    ...options,
    ...(options.focus
      ? {}
      : {
          onClaimable: () =>
            void preparePgParser({ ...(options.dialect ? { dialect: options.dialect } : {}) }).catch(
              () => undefined,
            ),
        }),
  });
  trace(`detect: ${set.changes.length} files to extract`);
  const notices = [...set.notices];
  const changes: Located[] = [];
  // Slow starters (the PostgreSQL parser) load only for the extractors this change uses;
  // extraction works without them, so a failed load is not an error.
  const used = new Set(set.changes.map((c) => c.extractor));
  const globs = [...used].flatMap((e) => e.contextGlobs ?? []);
  const extractOptions: ExtractOptions = {
    ...(options.dialect ? { dialect: options.dialect } : {}),
    ...(globs.length ? { repo: await loadRepoContext(top, target, globs) } : {}),
    changedFiles: set.files,
  };
  // Every extractor may hand embedded SQL (`execute`, `RunSQL`, `addSql`...) to the shared SQL
  // reader, which prefers PostgreSQL's grammar: it loads whenever any file is claimed, so what
  // a file yields never depends on which other files share the diff.
  trace('detect: repository context read');
  const focus = used.size > 0 ? await options.focus?.() : undefined;
  const needsPg =
    used.size > 0 &&
    (!focus ||
      set.changes.some(({ change }) => needsGrammar(focus, `${change.before ?? ''}\n${change.after ?? ''}`)));
  if (used.size > 0 && !needsPg) extractOptions.withoutPgParser = true;
  const slow = needsPg ? [preparePgParser(extractOptions)] : [];
  await Promise.all(
    [...slow, ...[...used].map((e) => e.prepare?.(extractOptions))].map((p) => p?.catch(() => undefined)),
  );
  trace('detect: parsers ready');
  withPgFocus(focus, () => {
    for (const { change, extractor } of set.changes) {
      try {
        for (const t of extractor.extract(change, extractOptions))
          changes.push({ ...t, file: t.side === 'before' && change.oldPath ? change.oldPath : change.path });
      } catch (error) {
        notices.push({
          file: change.path,
          line: 1,
          message: noticeText.extractorFailed(extractor.id, (error as Error).message ?? String(error)),
        });
      }
    }
  });
  trace('detect: extracted');
  return { changes, notices, unread: set.unread };
}
