import { isIgnoredPath } from '../lang/ignored-paths.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import type { Extractor, FileChange, RepoContext, TableChange } from '../types.js';
import { appDir, appModelFiles, DJANGO_CONTEXT, modelsAppLabel } from './django-apps.js';
import { diffModels, type ModelSide } from './django-model-diff.js';
import { isMigrationText, migrationOps } from './django-migration.js';
import { parseModelClasses, tableModels } from './django-models.js';

const MODELS = /(^|\/)models(\.py|\/[\w-]+\.py)$/;
const PYTHON_ANNOTATION = /(\w)\s*:\s*[\w.[\], |"']+?(?=\s*[,)=])/g;

/** An operation's source, comments, layout and type annotations aside: equal keys do the same. */
function opKey(p: Parsed, op: Operation): string {
  const text = p.src.masked
    .slice(p.src.lineStarts[op.start - 1] ?? 0, p.src.lineStarts[op.end] ?? p.src.masked.length)
    .replace(/\bdef\s+\w+\s*\([^)]*\)\s*(->[^:]+)?:/g, (d) =>
      d.replace(PYTHON_ANNOTATION, '$1').replace(/->[^:]+/, ''),
    )
    .replace(/\s+/g, '');
  const strings = p.src.strings
    .filter(
      (s) =>
        s.open >= (p.src.lineStarts[op.start - 1] ?? 0) && s.close <= (p.src.lineStarts[op.end] ?? Infinity),
    )
    .map((s) => p.src.text.slice(s.start, s.end))
    .join('\u0000');
  return `${op.table}|${op.kind}|${text}|${strings}`;
}

function migrationChanges(change: FileChange, repo: RepoContext | undefined): TableChange[] {
  // A deleted migration was applied (or squashed) already: removing the file changes no table.
  if (change.status === 'deleted' || change.after === undefined) return [];
  const parse = (text: string): Parsed => migrationOps(text, change.path, repo);
  if (change.before === undefined || change.status === 'added') return changesFromOperations(change, parse);
  // An edited migration: operations that read the same on both sides (an annotation or an
  // import changed around them) do nothing new.
  const before = parse(change.before);
  const after = parse(change.after);
  const keys = (p: Parsed) => new Set(p.ops.map((o) => opKey(p, o)));
  const [kb, ka] = [keys(before), keys(after)];
  const filtered = (p: Parsed, other: Set<string>): Parsed => ({
    src: p.src,
    ops: p.ops.filter((o) => !other.has(opKey(p, o))),
  });
  return changesFromOperations(change, (text) =>
    text === change.after ? filtered(after, kb) : filtered(before, ka),
  );
}

/** One side of a models file: its models, abstract and concrete parents resolved across the app's files. */
function modelSide(
  path: string,
  text: string | undefined,
  side: 'before' | 'after',
  repo: RepoContext | undefined,
): ModelSide | undefined {
  if (text === undefined) return undefined;
  const own = parseModelClasses(text);
  const others = appModelFiles(appDir(path, false), repo, side)
    .filter((f) => f !== path)
    .flatMap((f) => parseModelClasses(repo!.read(f, side) ?? '').classes);
  const names = new Set(own.classes.map((c) => c.name));
  const models = tableModels(
    [...others.filter((c) => !names.has(c.name)), ...own.classes],
    modelsAppLabel(path, repo),
  );
  return { src: own.src, models: models.filter((m) => names.has(m.name)) };
}

/** Django migrations (recognised by content, any folder) and models files (compared by effective schema). */
export const djangoExtractor: Extractor = {
  id: 'django',
  contextGlobs: DJANGO_CONTEXT,
  matches: (path, text) =>
    /\.py$/.test(path) &&
    !isIgnoredPath(path) &&
    ((isMigrationText(text) && /\bmigrations\b/.test(text)) ||
      (MODELS.test(path) && /from django\.db import models|models\.Model/.test(text))),
  extract: (change, options) => {
    const text = change.after ?? change.before ?? '';
    if (isMigrationText(text)) return migrationChanges(change, options.repo);
    if (change.status === 'modified' && change.addedLines.size === 0 && change.removedLines.size === 0)
      return [];
    return diffModels(
      change.status === 'added'
        ? undefined
        : modelSide(change.oldPath ?? change.path, change.before, 'before', options.repo),
      change.status === 'deleted' ? undefined : modelSide(change.path, change.after, 'after', options.repo),
    );
  },
};
