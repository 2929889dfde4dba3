import { literalAt, positional, propIn, type Arg } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { stringConstants } from '../lang/constants.js';
import { JS_DOWN, JS_UP, downRanges, inRanges } from '../lang/directions.js';
import { sniffDialect } from '../lang/embedded-sql.js';
import { migrationCallOps } from '../lang/migration-call.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable, ormTable } from '../lang/naming.js';
import { JS_CONSTANT_GLOBS } from '../lang/js-constants.js';
import { changesFromSchemas } from '../lang/model-schema.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { scanSource } from '../lang/source.js';
import { entitySchemas } from './typeorm-entities.js';
import { isDetailedCall, RUNNER_ALTERS, runnerAlterOps } from './typeorm-runner.js';
import type { ChangeKind, Extractor } from '../types.js';

const RUNNER: Record<string, ChangeKind> = {
  createTable: 'create',
  dropTable: 'drop',
  renameTable: 'rename',
  clearTable: 'data',
};

function migrationOps(text: string): Parsed {
  const src = scanSource(text, 'js');
  const consts = stringConstants(src);
  const down = downRanges(src, JS_UP, JS_DOWN);
  const dialect = sniffDialect(text);
  const ops: Operation[] = [];
  // const table = await queryRunner.getTable("orders"): the table object many migrations pass on.
  const fetched = new Map<string, string>();
  for (const m of src.masked.matchAll(
    /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*await\s+(?:this\.)?\w+\s*\.\s*getTable\s*\(/g,
  )) {
    const name = literalAt(src, m.index + m[0].length, consts);
    if (name !== undefined) fetched.set(m[1]!, name);
  }
  const tableArg = (a: Arg | undefined): string | null => {
    if (!a) return null;
    const direct = literalAt(src, a.value, consts);
    if (direct !== undefined) return dottedTable(direct);
    const held = /^([A-Za-z_$][\w$]*)!?$/.exec(src.masked.slice(a.value, a.end).trim())?.[1];
    if (held !== undefined && fetched.has(held)) return dottedTable(fetched.get(held)!);
    const obj = /^new\s+Table\s*\(\s*/.exec(src.masked.slice(a.value, a.end));
    if (obj) {
      const open = a.value + obj[0].length;
      const n = propIn(src, open, matchBracket(src, open), 'name');
      const schema = propIn(src, open, matchBracket(src, open), 'schema');
      return n ? (schema ? ormTable(n, schema) : dottedTable(n)) : null;
    }
    return null;
  };
  for (const site of findCalls(src, [...Object.keys(RUNNER), ...RUNNER_ALTERS, 'query'], false)) {
    if (!/(queryRunner|runner|qr)\s*\.\s*$/i.test(site.receiver)) continue;
    const isDown = inRanges(down, site.startLine);
    if (isDetailedCall(site.name))
      ops.push(...runnerAlterOps(src, site, tableArg(positional(site.call)[0]), isDown, consts));
    else ops.push(...migrationCallOps(src, site, isDown, RUNNER, tableArg, dialect));
  }
  return { src, ops };
}

/** TypeORM: migrations (`MigrationInterface`, `queryRunner` calls and SQL in `up`) and `@Entity` classes. */
export const typeormExtractor: Extractor = {
  id: 'typeorm',
  matches: (path, text) =>
    /\.(c|m)?[jt]s$/.test(path) &&
    !isIgnoredPath(path) &&
    (/\bMigrationInterface\b|\bQueryRunner\b/.test(text) ||
      (/@Entity\s*\(/.test(text) && /typeorm/.test(text))),
  contextGlobs: JS_CONSTANT_GLOBS,
  extract: (change, options) =>
    /\bMigrationInterface\b|\bQueryRunner\b/.test(change.after ?? change.before ?? '')
      ? changesFromOperations(change, migrationOps)
      : changesFromSchemas(change, (text, side) =>
          entitySchemas(text, {
            path: side === 'before' ? (change.oldPath ?? change.path) : change.path,
            side,
            ...(options.repo ? { repo: options.repo } : {}),
          }),
        ),
};
