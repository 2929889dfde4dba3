import { keyword, literalAt, positional, readParenArgs } from '../lang/args.js';
import { ormTable } from '../lang/naming.js';
import { lineOf, lineText, scanSource, type Source } from '../lang/source.js';
import type { ExtractOptions, FileChange, RepoContext, TableChange } from '../types.js';

/** Where EF Core keeps the model it last generated a migration for: one snapshot per DbContext. */
export const SNAPSHOT_GLOB = '**/*ModelSnapshot.cs';

/** One entity of a model snapshot: its table and what the snapshot says about it. */
interface SnapshotEntity {
  table: string;
  /** The entity's configuration, whitespace removed (columns, keys, indexes, relationships). */
  body: string;
}

/**
 * An entity's snapshot text without what is only in the object model: navigations
 * (`b.Navigation("Items")`, the navigation names of `HasOne`/`WithMany`), which a new relation
 * adds to the principal's entry although its table does not change; and how EF Core versions
 * spell the same thing differently.
 */
function schemaOnly(body: string): string {
  return body
    .replace(/,\(string\)null(?=\))/g, '') // `ToTable("x", (string)null)`: the same table, as newer EF Core writes it
    .replace(/\b\w+\.Navigation\("[^"]*"\)(\.[A-Za-z]+\([^()]*\))*;/g, '')
    .replace(/\.(WithMany|WithOne)\("[^"]*"\)/g, '.$1()')
    .replace(/\.HasOne\(("[^"]*"),"[^"]*"\)/g, '.HasOne($1)');
}

/** The entities of a `*ModelSnapshot.cs` (`modelBuilder.Entity("Ns.Type", b => { ...; b.ToTable("x"); })`). */
export function snapshotEntities(text: string): Map<string, SnapshotEntity> {
  const src = scanSource(text, 'csharp');
  const out = new Map<string, SnapshotEntity>();
  for (const m of src.masked.matchAll(/\b(\w+)\s*\.\s*Entity\s*\(/g)) {
    if (m[1] !== 'modelBuilder') continue;
    const call = readParenArgs(src, m.index + m[0].length - 1);
    const first = positional(call)[0];
    const name = first ? literalAt(src, first.value) : undefined;
    if (name === undefined) continue;
    const body = src.masked.slice(first!.end, call.end);
    const lambda = /^\s*,\s*([A-Za-z_]\w*)\s*=>/.exec(body)?.[1] ?? 'b';
    const start = first!.end;
    let table: string | undefined;
    const to = new RegExp(`\\b${lambda}\\s*\\.\\s*To(?:Table|View)\\s*\\(`).exec(body);
    if (to) {
      const args = readParenArgs(src, start + to.index + to[0].length - 1);
      const t = positional(args)[0];
      const s = positional(args)[1] ?? keyword(args, 'schema');
      const tn = t ? literalAt(src, t.value) : undefined;
      if (tn !== undefined) table = ormTable(tn, s ? literalAt(src, s.value) : undefined);
    }
    const prev = out.get(name);
    const text2 = schemaOnly(src.text.slice(start, call.end).replace(/\s+/g, ''));
    out.set(name, {
      table: table ?? prev?.table ?? ormTable(name.split('.').pop()!),
      // A block left empty (it only held navigations) says nothing about the table.
      body: (prev?.body ?? '') + (/^,\w+=>\{\}\)$/.test(text2) ? '' : text2),
    });
  }
  return out;
}

/** Parsed models per repository context and side: every model file of a diff compares the same two. */
const models = new WeakMap<RepoContext, Partial<Record<'before' | 'after', Map<string, SnapshotEntity>>>>();

/** The snapshot entities of every DbContext in the repository at one side, keyed by entity type name. */
function model(repo: RepoContext, side: 'before' | 'after'): Map<string, SnapshotEntity> {
  let sides = models.get(repo);
  if (!sides) models.set(repo, (sides = {}));
  const cached = sides[side];
  if (cached) return cached;
  const all = new Map<string, SnapshotEntity>();
  sides[side] = all;
  for (const path of repo.list(SNAPSHOT_GLOB, side)) {
    const text = repo.read(path, side);
    if (text !== undefined) for (const [k, v] of snapshotEntities(text)) all.set(k, v);
  }
  return all;
}

/** Whether any model snapshot differs between the base and the head (cheap: no parsing). */
function snapshotsDiffer(repo: RepoContext): boolean {
  const before = repo.list(SNAPSHOT_GLOB, 'before');
  const after = repo.list(SNAPSHOT_GLOB, 'after');
  if (before.join('\n') !== after.join('\n')) return true;
  return after.some((p) => repo.read(p, 'before') !== repo.read(p, 'after'));
}

const TYPE_REF =
  /\b(?:class|record)\s+(\w+)|\b(DbSet|Entity|IEntityTypeConfiguration|EntityTypeBuilder)\s*<\s*(?:[\w.]+\.)?(\w+)\s*>/g;

/** The end of the statement starting at `from`: the first `;` outside brackets. */
function statementEnd(src: Source, from: number): number {
  let depth = 0;
  for (let k = from; k < src.masked.length; k++) {
    const ch = src.masked[k]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ';' && depth <= 0) return k;
  }
  return src.masked.length;
}

/**
 * The entity types a model file maps on the changed lines: every class it declares and every
 * `IEntityTypeConfiguration<T>` (a class is one entity, a configuration one mapping). A
 * DbContext maps many: only those its changed lines name (`DbSet<T>`) or configure (inside a
 * `modelBuilder.Entity<T>(...)` statement). `DbSet<T>` outside a DbContext is a query handle.
 */
function typesIn(src: Source, changed: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  const context = /\bclass\s+\w+\s*(?:<[^>]*>)?\s*:\s*[\w.]*DbContext\b/.test(src.masked);
  const touched = (from: number, to: number): boolean => {
    for (let l = lineOf(src, from); l <= lineOf(src, to); l++) if (changed.has(l)) return true;
    return false;
  };
  for (const m of src.masked.matchAll(TYPE_REF)) {
    if (!context) {
      if (m[2] !== 'DbSet') out.add((m[1] ?? m[3])!);
    } else if (m[2] === 'DbSet' || m[2] === 'Entity') {
      if (touched(m.index, m[2] === 'Entity' ? statementEnd(src, m.index) : m.index)) out.add(m[3]!);
    } else if (m[2]) out.add(m[3]!);
  }
  return out;
}

/** Whether any changed line of the image holds code (not blank, not a comment, not a `using`). */
function codeChanged(src: Source | undefined, lines: ReadonlySet<number>): boolean {
  if (!src) return false;
  return [...lines].some((l) => {
    const code = lineText(src, l, true).trim();
    return code !== '' && !/^(using\s[\w.= ]+;|[{}();,]+|#\w.*)$/.test(code);
  });
}

/**
 * Entity classes, entity configurations and DbContexts, compared by their effective schema:
 * EF Core rewrites the model snapshot for every model change it generates a migration for, so
 * the snapshot entities (of the types this file declares or configures) that differ between
 * the base and the head are what the file changed. An unchanged snapshot means no table changed.
 */
export function modelChanges(change: FileChange, options: ExtractOptions): TableChange[] {
  const after = change.after === undefined ? undefined : scanSource(change.after, 'csharp');
  const before = change.before === undefined ? undefined : scanSource(change.before, 'csharp');
  if (!codeChanged(after, change.addedLines) && !codeChanged(before, change.removedLines)) return [];
  const repo = options.repo;
  if (!repo || !snapshotsDiffer(repo)) return [];
  const types = new Set([
    ...(after ? typesIn(after, change.addedLines) : []),
    ...(before ? typesIn(before, change.removedLines) : []),
  ]);
  const was = model(repo, 'before');
  const now = model(repo, 'after');
  const out: TableChange[] = [];
  const short = (name: string) => name.split('.').pop()!;
  const at = (src: Source | undefined, type: string): { line: number; evidence: string } => {
    const m = src ? new RegExp(`\\b(?:class|record)\\s+${type}\\b|<\\s*${type}\\s*>`).exec(src.masked) : null;
    const line = m && src ? lineOf(src, m.index) : 1;
    return { line, evidence: src ? lineText(src, line).trim() : type };
  };
  for (const [name, e] of now) {
    if (!types.has(short(name))) continue;
    const old = was.get(name);
    if (old && old.body === e.body && old.table === e.table) continue;
    const where = at(after, short(name));
    if (!old) out.push({ table: e.table, kind: 'create', ...where });
    else if (old.table !== e.table)
      out.push({ table: old.table, kind: 'rename', renamedTo: e.table, ...where });
    else out.push({ table: e.table, kind: 'alter', ...where });
  }
  for (const [name, e] of was) {
    if (!types.has(short(name)) || now.has(name)) continue;
    out.push({ table: e.table, kind: 'drop', side: 'before', ...at(before, short(name)) });
  }
  return out;
}
