import { isIgnoredPath } from '../lang/ignored-paths.js';
import { ormTable } from '../lang/naming.js';
import { changesFromOperations } from '../lang/operations.js';
import { phpConstants, shortClass } from '../lang/php.js';
import { lineText, scanSource } from '../lang/source.js';
import { isBookkeepingTable } from '../sql/bookkeeping.js';
import type {
  AlterDetail,
  ExtractOptions,
  Extractor,
  FileChange,
  RepoContext,
  TableChange,
} from '../types.js';
import {
  classMappings,
  NAMINGS,
  type ClassMapping,
  type MappedColumn,
  type Naming,
} from './doctrine-entity.js';
import { doctrineMigrationOps, isDoctrineMigration } from './doctrine-migration.js';
import { isXmlMapping, xmlMappings } from './doctrine-xml.js';

type Side = 'before' | 'after';

/** Settings that name the ORM's naming strategy, and the folders that usually hold entities. */
const CONFIG_GLOBS = [
  '**/config/packages/doctrine.{yaml,yml,php}',
  '**/config/packages/*/doctrine.{yaml,yml,php}',
  '**/app/config/config.yml',
];
const ENTITY_GLOBS = ['**/Entity/**/*.php', '**/Entities/**/*.php'];

/** Whether a PHP file declares Doctrine ORM mappings (entities, mapped superclasses, embeddables, traits). */
const isMappingFile = (text: string): boolean =>
  /\bDoctrine\\ORM\\Mapping\b/.test(text) &&
  /[@\\[\s](?:\w+\\)*(?:Entity|MappedSuperclass|Embeddable|Column|ManyToOne|OneToOne|ManyToMany)\b/.test(
    text,
  );

/** Everything the extractor reads around a change, at one side. */
class Surroundings {
  private naming?: Naming;
  private parsed = new Map<string, ClassMapping[]>();
  constructor(
    private readonly repo: RepoContext | undefined,
    private readonly side: Side,
    private readonly path: string,
    private readonly own: string | undefined,
  ) {}

  /** The ORM naming strategy: underscore unless the settings name another (or none: Doctrine's default). */
  namingStrategy(): Naming {
    if (this.naming) return this.naming;
    const files = CONFIG_GLOBS.flatMap((g) => this.repo?.list(g, this.side) ?? []);
    const texts = files
      .map((f) => this.repo!.read(f, this.side) ?? '')
      .filter((t) => /\bdoctrine\b|orm/i.test(t));
    const named = texts
      .map((t) =>
        /naming_strategy['"]?\s*[:=,>]*\s*['"]?([\w.\\]+)|namingStrategy\s*\(\s*['"]([\w.\\]+)/.exec(t),
      )
      .find(Boolean);
    const strategy = named ? (named[1] ?? named[2]!) : texts.length > 0 ? 'default' : 'underscore';
    this.naming = /underscore/i.test(strategy) ? NAMINGS.underscore : NAMINGS.default;
    return this.naming;
  }

  /** Files that may declare the class `name`: the same folder first, then by its import path. */
  private classFiles(name: string, importPath?: string): string[] {
    if (!this.repo) return [];
    const dir = this.path.includes('/') ? this.path.slice(0, this.path.lastIndexOf('/') + 1) : '';
    const all = this.repo.list(`**/${name}.php`, this.side);
    const tail = importPath ? `${importPath.split('\\').slice(-3).join('/')}.php` : undefined;
    return [
      ...all.filter((p) => p === `${dir}${name}.php`),
      ...all.filter((p) => tail !== undefined && p.endsWith(tail) && p !== `${dir}${name}.php`),
      ...all.filter((p) => p !== `${dir}${name}.php` && !(tail !== undefined && p.endsWith(tail))),
    ];
  }

  /** The classes of a repository file (or of the changed file itself), parsed once. */
  private classesOf(file: string): ClassMapping[] {
    const hit = this.parsed.get(file);
    if (hit) return hit;
    const text = file === this.path ? this.own : this.repo?.read(file, this.side);
    const classes = text ? classMappings(text, { constant: (c) => this.constant(c, text) }).classes : [];
    this.parsed.set(file, classes);
    return classes;
  }

  /** `self::X`, `Other::X`: a class constant's string value, from the file or the class's own file. */
  constant(name: string, text: string | undefined): string | undefined {
    const m = /^\\?([\w\\]+)::(\w+)$/.exec(name);
    if (!m) return undefined;
    const [, cls, key] = m as unknown as [string, string, string];
    if (text !== undefined) {
      const own = phpConstants(scanSource(text, 'php')).get(key);
      const declares = new RegExp(`\\b(class|interface|trait)\\s+${shortClass(cls)}\\b`).test(text);
      if (own !== undefined && (/^(self|static)$/i.test(cls) || declares)) return own;
    }
    for (const file of this.classFiles(shortClass(cls)).slice(0, 3)) {
      const t = this.repo?.read(file, this.side);
      const v = t ? phpConstants(scanSource(t, 'php')).get(key) : undefined;
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** A class's parent mapping: in the same file, else from the repository. */
  private parentOf(cls: ClassMapping, siblings: ClassMapping[]): ClassMapping | undefined {
    if (!cls.parent) return undefined;
    const local = siblings.find((c) => c.name === cls.parent);
    if (local) return local;
    for (const file of this.classFiles(cls.parent, cls.parentImport).slice(0, 3)) {
      const found = this.classesOf(file).find((c) => c.name === cls.parent);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The table an entity maps to, and whether it is its single-table-inheritance root's table;
   * undefined for classes that map no table of their own (mapped superclasses, embeddables).
   */
  tableOf(cls: ClassMapping, siblings: ClassMapping[]): { table: string; inherited: boolean } | undefined {
    if (cls.role !== 'entity') return undefined;
    const own = (c: ClassMapping) => ormTable(c.table ?? this.namingStrategy()(c.name), c.schema);
    if (cls.table !== undefined) return { table: own(cls), inherited: false };
    let root: ClassMapping | undefined;
    let c: ClassMapping | undefined = cls;
    for (let depth = 0; depth < 5 && c; depth++) {
      const p = this.parentOf(c, siblings);
      if (!p || p.role !== 'entity') break;
      root = p;
      c = p;
    }
    if (root && root.inheritance === 'SINGLE_TABLE') return { table: own(root), inherited: true };
    return { table: own(cls), inherited: false };
  }

  /** Entities of the repository that take their columns from `cls` (a mapped superclass, trait or embeddable). */
  users(cls: ClassMapping): string[] {
    if (!this.repo) return [];
    const tables = new Set<string>();
    const name = cls.name;
    const uses = new RegExp(
      `\\bextends\\s+\\\\?(?:[\\w\\\\]+\\\\)?${name}\\b|^\\s*use\\s+(?:[\\w\\\\]+\\\\)?${name}\\s*[;,{]|${name}::class|\\\\${name}"`,
      'm',
    );
    for (const file of ENTITY_GLOBS.flatMap((g) => this.repo!.list(g, this.side)).slice(0, 500)) {
      if (file === this.path) continue;
      const text = this.repo.read(file, this.side);
      if (!text || !uses.test(text)) continue;
      const classes = this.classesOf(file);
      for (const c of classes) {
        const t = this.tableOf(c, classes);
        if (t) tables.add(t.table);
      }
    }
    return [...tables].sort();
  }

  columnName(key: string): string {
    return key.startsWith('\u0000') ? this.namingStrategy()(key.slice(1)).toLowerCase() : key;
  }
}

/** What a column change does, from its two mappings. */
function columnDetail(before: MappedColumn, after: MappedColumn): AlterDetail {
  const strip = (s: string, key: string) => s.replace(new RegExp(`,?${key}:[^,)]*`, 'g'), '');
  if (strip(before.signature, 'nullable') === strip(after.signature, 'nullable')) return 'nullability';
  if (
    strip(before.signature, 'options') === strip(after.signature, 'options') &&
    /default/.test(before.signature + after.signature)
  )
    return 'default';
  return after.via === 'JoinColumn' ? 'constraint' : 'column-type';
}

interface Image {
  text: string;
  classes: ClassMapping[];
  env: Surroundings;
}

/** The effective-schema differences of the entity classes of a mapping file between its two images. */
function entityChanges(change: FileChange, options: ExtractOptions): TableChange[] {
  const image = (side: Side): Image | undefined => {
    const text = side === 'after' ? change.after : change.before;
    if (text === undefined) return undefined;
    const path = side === 'before' ? (change.oldPath ?? change.path) : change.path;
    const env = new Surroundings(options.repo, side, path, text);
    const classes = isXmlMapping(path, text)
      ? xmlMappings(text).classes
      : classMappings(text, { constant: (c) => env.constant(c, text) }).classes;
    return { text, env, classes };
  };
  const after = change.status === 'deleted' ? undefined : image('after');
  const before = change.status === 'added' ? undefined : image('before');
  const out: TableChange[] = [];
  const seen = new Set<string>();
  const emit = (img: Image, side: Side, line: number, c: Omit<TableChange, 'line' | 'evidence'>): void => {
    if (c.table !== null && isBookkeepingTable(c.table)) return;
    const key = `${c.table}|${c.kind}|${c.renamedTo ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = scanSource(img.text, 'php');
    const t: TableChange = { ...c, line, evidence: lineText(src, line).trim().slice(0, 200) };
    if (side === 'before') t.side = 'before';
    out.push(t);
  };
  const names = new Set([...(before?.classes ?? []), ...(after?.classes ?? [])].map((c) => c.name));
  for (const name of names) {
    const a = after?.classes.find((c) => c.name === name);
    const b = before?.classes.find((c) => c.name === name);
    const ta = a && after!.env.tableOf(a, after!.classes);
    const tb = b && before!.env.tableOf(b, before!.classes);
    const targets = (m: ClassMapping, img: Image, t?: { table: string }): (string | null)[] =>
      t ? [t.table] : m.role === 'entity' ? [] : img.env.users(m).length ? img.env.users(m) : [null];
    if (ta && !tb && !(b && b.role !== 'plain' && b.role !== 'entity')) {
      if (!ta.inherited) emit(after!, 'after', a!.start, { table: ta.table, kind: 'create' });
      else if (a!.columns.size > 0)
        emit(after!, 'after', a!.start, { table: ta.table, kind: 'alter', detail: 'add-column' });
    }
    if (tb && !ta && !(a && a.role !== 'plain' && a.role !== 'entity')) {
      if (!tb.inherited) emit(before!, 'before', b!.start, { table: tb.table, kind: 'drop' });
      else if (b!.columns.size > 0)
        emit(before!, 'before', b!.start, { table: tb.table, kind: 'alter', detail: 'drop-column' });
    }
    if (ta && tb && ta.table !== tb.table) {
      emit(after!, 'after', a!.start, { table: tb.table, kind: 'rename', renamedTo: ta.table });
    }
    // Column and table-level differences, reported on the after-image's table.
    if (a && b && (a.role !== 'plain' || a.columns.size > 0 || b.columns.size > 0)) {
      const tables = ta || tb ? [ta?.table ?? tb!.table] : targets(a, after!);
      const colsA = new Map([...a.columns].map(([k, v]) => [after!.env.columnName(k), v]));
      const colsB = new Map([...b.columns].map(([k, v]) => [before!.env.columnName(k), v]));
      for (const table of tables) {
        for (const [col, v] of colsA) {
          const old = colsB.get(col);
          if (!old)
            emit(after!, 'after', v.line, { table, kind: 'alter', detail: 'add-column', column: col });
          else if (old.signature !== v.signature)
            emit(after!, 'after', v.line, {
              table,
              kind: 'alter',
              detail: columnDetail(old, v),
              column: col,
            });
        }
        for (const [col, v] of colsB)
          if (!colsA.has(col))
            emit(before!, 'before', v.line, { table, kind: 'alter', detail: 'drop-column', column: col });
        const keys = new Set([...a.tableLevel.keys(), ...b.tableLevel.keys()]);
        for (const k of keys) {
          if (a.tableLevel.get(k) === b.tableLevel.get(k)) continue;
          const detail: AlterDetail = /Index/.test(k) || /indexes/.test(k) ? 'index' : 'constraint';
          if (table !== null) emit(after!, 'after', a.start, { table, kind: 'alter', detail });
        }
      }
    }
    // Join tables of owning many-to-many associations.
    const jt = (m: ClassMapping | undefined, img: Image | undefined, t?: { table: string }) =>
      new Map(
        [...(m?.joinTables ?? [])].map(([k, v]) => [
          v.explicit
            ? k
            : `${t?.table ?? img!.env.namingStrategy()(m!.name)}_${k
                .split(':')
                .pop()!
                .replace(/::class$/, '')
                .split('\\')
                .pop()!
                .replace(/'/g, '')
                .toLowerCase()}`,
          v,
        ]),
      );
    const ja = jt(a, after, ta);
    const jb = jt(b, before, tb);
    for (const [k, v] of ja) if (!jb.has(k)) emit(after!, 'after', v.line, { table: k, kind: 'create' });
    for (const [k, v] of jb) if (!ja.has(k)) emit(before!, 'before', v.line, { table: k, kind: 'drop' });
  }
  return out;
}

/**
 * Doctrine (PHP): migrations, recognised by what they hold (`Doctrine\Migrations`, `up(Schema
 * $schema)` with `addSql` or the schema API), read in every method but the down ones; and ORM
 * mappings (attributes, annotations or XML), compared by the effective schema of their
 * entities: a changed method, an inverse-side relation or a cascade option changes no table.
 */
export const doctrineExtractor: Extractor = {
  id: 'doctrine',
  contextGlobs: [...CONFIG_GLOBS, ...ENTITY_GLOBS],
  matches: (path, text) =>
    !isIgnoredPath(path) &&
    ((/\.php$/.test(path) && (isDoctrineMigration(text) || isMappingFile(text))) || isXmlMapping(path, text)),
  extract: (change, options) => {
    const text = change.after ?? change.before ?? '';
    if (isXmlMapping(change.path, text) || !isDoctrineMigration(text)) return entityChanges(change, options);
    const envs = {
      after: new Surroundings(options.repo, 'after', change.path, change.after),
      before: new Surroundings(options.repo, 'before', change.oldPath ?? change.path, change.before),
    };
    return changesFromOperations(change, (t) => {
      const env = t === change.after ? envs.after : envs.before;
      return doctrineMigrationOps(t, (name) => env.constant(name, t));
    });
  },
};
