import { literalAt, positional } from '../lang/args.js';
import { matchBracket } from '../lang/blocks.js';
import { findCalls } from '../lang/calls.js';
import { downRanges, inRanges } from '../lang/directions.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import { isIgnoredPath } from '../lang/ignored-paths.js';
import { dottedTable, pluralize, underscore } from '../lang/naming.js';
import { changesFromOperations, type Operation, type Parsed } from '../lang/operations.js';
import { shortClass } from '../lang/php.js';
import { lineOf, scanSource, type Source } from '../lang/source.js';
import { stringConstants } from '../lang/constants.js';
import { blueprintOps, dropColumnsOps } from './laravel-blueprint.js';
import type { ChangeKind, Extractor, FileChange, RepoContext } from '../types.js';

const SCHEMA: Record<string, ChangeKind> = {
  create: 'create',
  table: 'alter',
  drop: 'drop',
  dropIfExists: 'drop',
  rename: 'rename',
  dropColumns: 'alter',
};
const WRITES = [
  'insert',
  'insertOrIgnore',
  'insertGetId',
  'update',
  'updateOrInsert',
  'upsert',
  'delete',
  'truncate',
  'increment',
  'decrement',
  'create',
  'forceCreate',
  'firstOrCreate',
  'updateOrCreate',
  'save',
  'forceDelete',
];
const UP = /\bfunction\s+up\s*\(/g;
const DOWN = /\bfunction\s+down\s*\(/g;
/** Facades and helpers that are not Eloquent models. */
const NOT_MODELS = new Set([
  'DB',
  'Schema',
  'Str',
  'Arr',
  'Carbon',
  'Log',
  'Cache',
  'Config',
  'Artisan',
  'Hash',
  'App',
  'Storage',
  'Event',
  'Queue',
  'Mail',
  'Http',
  'Blueprint',
  'Collection',
]);

/** `protected $table = 'x'` of model classes defined in the file. */
function modelTables(src: Source): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of src.masked.matchAll(/\bclass\s+(\w+)\s+extends\s+\w*Model\b[^{]*\{/g)) {
    const end = matchBracket(src, m.index + m[0].length - 1);
    const t = /\$table\s*=\s*/.exec(src.masked.slice(m.index, end));
    const table = t ? literalAt(src, m.index + t.index + t[0].length) : undefined;
    if (table) map.set(m[1]!, table);
  }
  return map;
}

/** What a migration can learn from the repository around it, at one side. */
interface Surroundings {
  /** The text of the file declaring class `name` (imported as `importPath`), if found. */
  classText(name: string, importPath?: string): string | undefined;
  /** Whether the file is a migration: other files count only for their schema builders' DDL. */
  migration: boolean;
}

/** `$this->table`, `self::TABLE`, `static::$table`, `$table` as the constant or property they name. */
function nameResolver(src: Source, inherited: ReadonlyMap<string, string>): Map<string, string> {
  const own = stringConstants(src);
  const out = new Map<string, string>(inherited);
  for (const [k, v] of own) {
    out.set(k, v);
    if (k.startsWith('$')) {
      out.set(`$this->${k.slice(1)}`, v);
      out.set(`static::${k}`, v);
      out.set(`self::${k}`, v);
    } else {
      out.set(`self::${k}`, v);
      out.set(`static::${k}`, v);
    }
  }
  return out;
}

function opsOf(
  text: string,
  env?: Surroundings,
  depth = 0,
  inheritedNames?: ReadonlyMap<string, string>,
): Parsed {
  const src = scanSource(text, 'php');
  const down = downRanges(src, UP, DOWN);
  const ops: Operation[] = [];
  const models = modelTables(src);
  const parent = baseClass(src);
  const baseText = parent && depth < 3 ? env?.classText(parent.name, parent.importPath) : undefined;
  const names = nameResolver(src, inheritedNames ?? (baseText ? inheritedConstants(baseText) : new Map()));
  const literal = (at: number): string | undefined => {
    const direct = literalAt(src, at, names);
    if (direct !== undefined) return direct;
    const ref = /^\s*((?:\$this->|self::\$?|static::\$?)\w+)/.exec(src.masked.slice(at, at + 100));
    return ref ? names.get(ref[1]!.replace(/\s+/g, '')) : undefined;
  };
  for (const site of findCalls(src, Object.keys(SCHEMA), false)) {
    if (
      !/^(\\?Illuminate\\Support\\Facades\\)?Schema::((connection|setConnection)\([^)]*\)\s*->)?$/.test(
        site.receiver.replace(/\s+/g, ''),
      )
    )
      continue;
    const args = positional(site.call);
    const name = (i: number): string | undefined => {
      const v = args[i] ? literal(args[i]!.value) : undefined;
      return v === undefined ? undefined : dottedTable(v);
    };
    const base = { start: site.startLine, end: site.endLine, down: inRanges(down, site.startLine) };
    if (site.name === 'rename') {
      const to = name(1);
      ops.push({ ...base, table: name(0) ?? null, kind: 'rename', ...(to ? { renamedTo: to } : {}) });
    } else if (site.name === 'table' || site.name === 'dropColumns') {
      const table = name(0) ?? null;
      const detailed =
        site.name === 'table'
          ? blueprintOps(src, site, table, base.down, literal)
          : dropColumnsOps(src, site, table, base, literal);
      ops.push(...(detailed ?? [{ ...base, table, kind: 'alter' as const }]));
    } else ops.push({ ...base, table: name(0) ?? null, kind: SCHEMA[site.name]! });
  }
  for (const site of findCalls(
    src,
    ['statement', 'unprepared', 'affectingStatement', 'update', 'insert', 'delete'],
    false,
  )) {
    if (
      !/^(\\?Illuminate\\Support\\Facades\\)?DB::((connection)\([^)]*\)\s*->)?$/.test(
        site.receiver.replace(/\s+/g, ''),
      )
    )
      continue;
    const a = positional(site.call)[0];
    if (!a) continue;
    for (const op of sqlOperations(src, a.start, a.end)) {
      if (env && !env.migration && op.kind === 'data') continue;
      ops.push({ ...op, down: inRanges(down, op.start) });
    }
  }
  // Data: DB::table('x')->...->update(), Model::where(...)->update(), Model::create([...]).
  // Outside migrations, writes are the application's normal work, not changes of a table.
  for (const site of env && !env.migration ? [] : findCalls(src, WRITES, false)) {
    const chain = site.receiver;
    const data = {
      kind: 'data' as const,
      start: lineOf(src, site.at),
      end: site.endLine,
      down: inRanges(down, site.startLine),
    };
    const db = /^(?:\\?Illuminate\\Support\\Facades\\)?DB::(?:connection\([^)]*\)\s*->\s*)?table\s*\(/.exec(
      chain,
    );
    if (db) {
      const v = literal(site.at + db[0].length);
      if (v) ops.push({ ...data, table: dottedTable(v) });
      continue;
    }
    const model = /^\\?(?:\w+\\)*([A-Z]\w*)::/.exec(chain);
    if (model && !NOT_MODELS.has(model[1]!)) {
      ops.push({ ...data, table: models.get(model[1]!) ?? modelTable(src, model[1]!, env) });
    }
  }
  // A migration that inherits its up() (a project's base migration class) runs the base's
  // operations: they count for the whole class body, whose text (the rows, the table) feeds them.
  if (
    baseText &&
    parent &&
    (!/\bfunction\s+up\s*\(/.test(src.masked) || /\bparent::up\s*\(/.test(src.masked))
  ) {
    const inherited = opsOf(baseText, env, depth + 1, names).ops.filter((o) => !o.down);
    for (const op of inherited) ops.push({ ...op, start: parent.start, end: parent.end, line: parent.start });
  }
  return { src, ops };
}

/** The class a migration extends, when it is not Laravel's own `Migration`. */
function baseClass(
  src: Source,
): { name: string; importPath?: string; start: number; end: number } | undefined {
  const m = /\bclass\b[^{;]*?\bextends\s+\\?([\w\\]+)[^{;]*\{/.exec(src.masked);
  if (!m || /^(?:Illuminate\\Database\\Migrations\\)?Migration$/.test(m[1]!)) return undefined;
  const name = shortClass(m[1]!);
  const imp = new RegExp(`^\\s*use\\s+\\\\?([\\w\\\\]*\\\\${name})\\s*;`, 'm').exec(src.text);
  const open = m.index + m[0].length - 1;
  return {
    name,
    ...(imp ? { importPath: imp[1]! } : {}),
    start: lineOf(src, m.index),
    end: lineOf(src, matchBracket(src, open) - 1),
  };
}

/** A model's table: its `protected $table` (read from the model's file), else the snake plural of its name. */
function modelTable(src: Source, name: string, env: Surroundings | undefined): string {
  const imp = new RegExp(`^\\s*use\\s+\\\\?([\\w\\\\]*\\\\${name})\\s*;`, 'm').exec(src.text);
  const text = env?.classText(name, imp?.[1]);
  const own = text ? modelTables(scanSource(text, 'php')).get(name) : undefined;
  return own ?? pluralize(underscore(name));
}

/** Constants and properties a base class passes down to its subclasses. */
function inheritedConstants(text: string): Map<string, string> {
  return nameResolver(scanSource(text, 'php'), new Map());
}

/** Globs of the files that may declare a migration's base class. */
const BASE_GLOBS = ['**/*Migration*.php'];
/** Globs of Eloquent model files (for their `$table`). */
const MODEL_GLOBS = ['**/Models/**/*.php', 'app/*.php'];

/** A Laravel migration, by its folder or by what it holds. */
const isMigration = (path: string, text: string): boolean =>
  /(^|\/)database\/migrations\//.test(path) || /extends\s+Migration\b/.test(text);

/** Schema-builder DDL written outside migrations (install scripts, service providers, commands). */
const SCHEMA_BUILDER =
  /\bSchema::(?:connection\([^)]*\)\s*->\s*)?(?:create|table|drop|dropIfExists|rename|dropColumns)\s*\(/;

function surroundings(
  repo: RepoContext | undefined,
  side: 'before' | 'after',
  migration: boolean,
): Surroundings {
  if (!repo) return { migration, classText: () => undefined };
  return {
    migration,
    classText(name, importPath) {
      const all = repo.list(`**/${name}.php`, side);
      const tail = importPath ? `/${importPath.split('\\').slice(1).join('/')}.php` : undefined;
      const best =
        all.find((p) => tail !== undefined && `/${p}`.toLowerCase().endsWith(tail.toLowerCase())) ?? all[0];
      return best ? repo.read(best, side) : undefined;
    },
  };
}

const extractLaravel = (change: FileChange, repo: RepoContext | undefined) => {
  const migration = isMigration(change.path, change.after ?? change.before ?? '');
  const after = surroundings(repo, 'after', migration);
  const before = surroundings(repo, 'before', migration);
  return changesFromOperations(change, (t) => opsOf(t, t === change.after ? after : before), { migration });
};

/**
 * Laravel migrations (by folder or `extends Migration`): `Schema::` builders, `DB::` SQL and
 * writes in `up()`, table names from constants and properties, and the `up()` a project's base
 * migration class runs; elsewhere, the DDL of `Schema::` builders (install scripts).
 */
export const laravelExtractor: Extractor = {
  id: 'laravel',
  matches: (path, text) =>
    /\.php$/.test(path) &&
    !isIgnoredPath(path) &&
    (isMigration(path, text) || (SCHEMA_BUILDER.test(text) && /\bIlluminate\\/.test(text))),
  contextGlobs: [...BASE_GLOBS, ...MODEL_GLOBS],
  extract: (change, options) => extractLaravel(change, options.repo),
};
