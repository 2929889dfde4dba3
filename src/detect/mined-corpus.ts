import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from '../git/run.js';
import { excludeMatcher } from './changes/exclude.js';
import { changedLines } from './line-diff.js';
import { detectTableChanges } from './detect-changes.js';
import { focusOn } from './sql/pg-parser.js';

/**
 * The corpus mined from public repositories (test/corpus/mined/<framework>/<case>/): one real
 * commit per case, the files it changed and the context files a reader needs, at the parent
 * (`before/`) and at the commit (`after/`), with the tables a blind labeller read off the diff.
 */
export interface MinedCase {
  framework: string;
  id: string;
  dir: string;
  repo: string;
  commit: string;
  selected: 'schema' | 'negative';
  tables: string[];
  files: { path: string; status: string; oldPath?: string }[];
  /** What the labeller read each change to do, in their words (`drop column`, `add index`...). */
  changes: LabelledChange[];
}

export interface LabelledChange {
  table: string;
  kind: string;
  column?: string;
  file?: string;
}

/** Reads every case below `dir`. */
export function loadMinedCorpus(dir: string): MinedCase[] {
  const cases: MinedCase[] = [];
  if (!existsSync(dir)) return cases;
  type Meta = Omit<MinedCase, 'framework' | 'id' | 'dir' | 'changes'> & { changes?: LabelledChange[] };
  for (const fw of readdirSync(dir, { withFileTypes: true })) {
    if (!fw.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, fw.name), { withFileTypes: true })) {
      const folder = join(dir, fw.name, entry.name);
      if (!entry.isDirectory() || !existsSync(join(folder, 'case.json'))) continue;
      const meta = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Meta;
      cases.push({
        framework: fw.name,
        id: entry.name,
        dir: folder,
        repo: meta.repo,
        commit: meta.commit,
        selected: meta.selected,
        tables: meta.tables,
        files: meta.files,
        changes: meta.changes ?? [],
      });
    }
  }
  return cases.sort((a, b) => (a.framework + a.id < b.framework + b.id ? -1 : 1));
}

/** The scoring name: last dotted part, quotes and brackets removed, case-folded. */
export function scoringName(name: string): string {
  const parts = name.match(/"[^"]*"|`[^`]*`|\[[^\]]*\]|[^.]+/g) ?? [name];
  return parts[parts.length - 1]!.replace(/^["`[]|["`\]]$/g, '').toLowerCase();
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'corpus',
  GIT_AUTHOR_EMAIL: 'corpus@localhost',
  GIT_COMMITTER_NAME: 'corpus',
  GIT_COMMITTER_EMAIL: 'corpus@localhost',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

/** A temporary repository whose two commits are the case's before and after trees. */
export async function materialise(
  c: MinedCase,
): Promise<{ dir: string; base: string; head: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dcr-mined-'));
  // The caller may run inside a hook (GIT_DIR, GIT_INDEX_FILE...): none of that applies here.
  const env: NodeJS.ProcessEnv = { ...IDENTITY };
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  const git = async (...args: string[]) =>
    (await runGit(args, { cwd: dir, env })).stdout.toString('utf8').trim();
  await git('init', '-q', '-b', 'main');
  const commit = async (side: 'before' | 'after') => {
    if (existsSync(join(c.dir, side))) cpSync(join(c.dir, side), dir, { recursive: true });
    await git('add', '-A');
    await git('commit', '-q', '--allow-empty', '--no-verify', '-m', side);
    return git('rev-parse', 'HEAD');
  };
  const base = await commit('before');
  await git('rm', '-rq', '--ignore-unmatch', '.');
  const head = await commit('after');
  return { dir, base, head, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface MinedResult {
  c: MinedCase;
  expected: Set<string>;
  found: Set<string>;
  /** Labelled tables whose name appears as a word on a changed line (a grep of the diff). */
  grep: Set<string>;
  ms: number;
  /** Every certain change found: bare table (and new name), file, and its kind class. */
  seen: { tables: string[]; file: string; kind: string; column?: string }[];
}

/** Runs the change guard's detection (as `dcr check --base <parent> --head <commit>`) on one case. */
export async function runMinedCase(c: MinedCase, options: { focus?: boolean } = {}): Promise<MinedResult> {
  const repo = await materialise(c);
  try {
    const started = performance.now();
    // With `focus`, read as the change guard does when the labelled tables are the contracted ones.
    const { changes } = await detectTableChanges(
      repo.dir,
      { kind: 'trees', from: repo.base, to: repo.head },
      {
        excluded: excludeMatcher(),
        ...(options.focus ? { focus: async () => focusOn(c.tables.map(scoringName)) } : {}),
      },
    );
    const ms = performance.now() - started;
    const expected = new Set(c.tables.map(scoringName));
    // Certain findings only (possible ones are leads, shown apart). A rename concerns contracts
    // on both names (as the guard matches them), and labels carry both.
    const found = new Set(
      changes.flatMap((t) =>
        (t.table === null || t.confidence === 'possible'
          ? []
          : [t.table, ...(t.renamedTo ? [t.renamedTo] : [])]
        ).map(scoringName),
      ),
    );
    const seen = changes
      .filter((t) => t.table !== null && t.confidence !== 'possible')
      .map((t) => ({
        tables: [t.table!, ...(t.renamedTo ? [t.renamedTo] : [])].map(scoringName),
        file: t.file,
        kind: t.kind === 'alter' ? (t.detail ?? 'alter') : t.kind,
        ...(t.column ? { column: columnKey(t.column) } : {}),
      }));
    return { c, expected, found, grep: grepBaseline(c, expected), ms, seen };
  } finally {
    repo.remove();
  }
}

/** The baseline a team could write in a line of shell: grep the changed lines for the table names. */
function grepBaseline(c: MinedCase, expected: Set<string>): Set<string> {
  const lines: string[] = [];
  for (const f of c.files) {
    const read = (side: string, path: string | undefined) =>
      path && existsSync(join(c.dir, side, path)) ? readFileSync(join(c.dir, side, path), 'utf8') : undefined;
    const before = read('before', f.oldPath ?? f.path);
    const after = read('after', f.path);
    if (before === undefined && after === undefined) continue;
    const { addedLines, removedLines } = changedLines(before, after);
    const a = after?.split('\n') ?? [];
    const b = before?.split('\n') ?? [];
    for (const n of addedLines) lines.push(a[n - 1] ?? '');
    for (const n of removedLines) lines.push(b[n - 1] ?? '');
  }
  const text = lines.join('\n').toLowerCase();
  return new Set(
    [...expected].filter((t) =>
      new RegExp(`(^|[^a-z0-9_])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9_])`).test(text),
    ),
  );
}

export interface MinedScore {
  framework: string;
  cases: number;
  repos: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  grepRecall: number;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Frameworks by name, `all` last. */
const frameworkOrder = (a: { framework: string }, b: { framework: string }) =>
  a.framework === 'all' ? 1 : b.framework === 'all' ? -1 : a.framework < b.framework ? -1 : 1;

/** A column name as scoring compares it: quotes and brackets removed, case-folded. */
const columnKey = (name: string) => name.replace(/^["`[]|["`\]]$/g, '').toLowerCase();

/** Precision and recall per framework and overall (`all`, last), with the grep baseline's recall. */
export function scoreMined(results: readonly MinedResult[]): MinedScore[] {
  const by = new Map<string, { s: MinedScore; repos: Set<string>; grepHit: number }>();
  for (const r of results) {
    for (const key of [r.c.framework, 'all']) {
      let e = by.get(key);
      if (!e) {
        e = {
          s: {
            framework: key,
            cases: 0,
            repos: 0,
            tp: 0,
            fp: 0,
            fn: 0,
            precision: 1,
            recall: 1,
            grepRecall: 1,
          },
          repos: new Set(),
          grepHit: 0,
        };
        by.set(key, e);
      }
      e.s.cases += 1;
      e.repos.add(r.c.repo);
      for (const t of r.found)
        if (r.expected.has(t)) e.s.tp += 1;
        else e.s.fp += 1;
      for (const t of r.expected) if (!r.found.has(t)) e.s.fn += 1;
      e.grepHit += r.grep.size;
    }
  }
  return [...by.values()]
    .map(({ s, repos, grepHit }) => ({
      ...s,
      repos: repos.size,
      precision: ratio(s.tp, s.tp + s.fp),
      recall: ratio(s.tp, s.tp + s.fn),
      grepRecall: ratio(grepHit, s.tp + s.fn),
    }))
    .sort(frameworkOrder);
}

/** A Markdown table of scores. */
export function formatMined(scores: readonly MinedScore[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return [
    '| framework | repos | commits | TP | FP | FN | precision | recall | grep recall |',
    '|---|---|---|---|---|---|---|---|---|',
    ...scores.map(
      (s) =>
        `| ${s.framework} | ${s.repos} | ${s.cases} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.grepRecall)} |`,
    ),
  ].join('\n');
}

/**
 * The class of a labeller's free-text kind, in the guard's terms (`detail` for an alter, else
 * the change kind), or undefined for what the guard has no class for (comments, triggers,
 * policies, grants, a model's SQL reworded, a view replaced or a table rebuilt). The rules were
 * fixed from the labels' vocabulary before the guard's kinds were compared; first match wins.
 */
export function labelClass(kind: string): string | undefined {
  const k = kind.toLowerCase();
  const rules: [RegExp, string | undefined][] = [
    [/^(data|insert|update|delete|bulk|truncate)\b/, 'data'],
    [/drop table if exists/, undefined],
    [/rename columns?\b/, 'rename-column'],
    [/rename table/, 'rename'],
    [/\badd (generated )?columns?\b|field added/, 'add-column'],
    [/drop columns?\b/, 'drop-column'],
    [/\bdefault\b/, 'default'],
    [/null/, 'nullability'],
    [/retype|column type/, 'column-type'],
    [/\bindex|\bindexes\b/, 'index'],
    [/foreign key|constraint|primary key|\bcheck\b|\bunique\b/, 'constraint'],
    [/recreate|replace|rebuild|cascade/, undefined],
    [/^create (table|view|materialized view)|^create \(/, 'create'],
    [/^drop (table|view|materialized view)|model deleted/, 'drop'],
    [/insert|update|delete|backfill|truncate|\bdata\b|purge|restore/, 'data'],
  ];
  for (const [re, cls] of rules) if (re.test(k)) return cls;
  return undefined;
}

export interface KindScore {
  framework: string;
  /** Labelled changes with a class whose table the guard found in the same file. */
  found: number;
  /** Of those, how many the guard gave the same class. */
  same: number;
  /** Labelled with a column and a column class: the guard gave that class and that column. */
  columns: number;
  sameColumn: number;
  /** Labelled alters the guard calls a bare `alter` (no detail). */
  bare: number;
}

/** How often the guard's kind (and column) agrees with the labeller's, per framework and overall. */
export function scoreKinds(results: readonly MinedResult[]): KindScore[] {
  const by = new Map<string, KindScore>();
  const COLUMN_CLASSES = new Set([
    'add-column',
    'drop-column',
    'rename-column',
    'column-type',
    'nullability',
    'default',
  ]);
  for (const r of results)
    for (const label of r.c.changes) {
      const cls = labelClass(label.kind);
      if (!cls) continue;
      const table = scoringName(label.table);
      const mine = r.seen.filter((s) => s.tables.includes(table) && (!label.file || s.file === label.file));
      if (mine.length === 0) continue;
      // A label may name several columns (`created_at, updated_at`), with a remark in brackets.
      const columns = label.column
        ?.replace(/\([^)]*\)/g, ' ')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(columnKey);
      for (const key of [r.c.framework, 'all']) {
        const s = by.get(key) ?? { framework: key, found: 0, same: 0, columns: 0, sameColumn: 0, bare: 0 };
        by.set(key, s);
        s.found += 1;
        if (mine.some((m) => m.kind === cls)) s.same += 1;
        else if (mine.every((m) => m.kind === 'alter')) s.bare += 1;
        if (columns?.length && COLUMN_CLASSES.has(cls)) {
          s.columns += 1;
          if (mine.some((m) => m.kind === cls && m.column !== undefined && columns.includes(m.column)))
            s.sameColumn += 1;
        }
      }
    }
  return [...by.values()].sort(frameworkOrder);
}

/** A Markdown table of kind agreement. */
export function formatKinds(scores: readonly KindScore[]): string {
  const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}%`);
  return [
    '| framework | labelled changes found | same kind | bare `alter` | with a column | same kind and column |',
    '|---|---|---|---|---|---|',
    ...scores.map(
      (s) =>
        `| ${s.framework} | ${s.found} | ${pct(s.same, s.found)} | ${pct(s.bare, s.found)} | ${s.columns} | ${pct(s.sameColumn, s.columns)} |`,
    ),
  ].join('\n');
}
