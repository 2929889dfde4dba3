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
}

/** Reads every case below `dir`. */
export function loadMinedCorpus(dir: string): MinedCase[] {
  const cases: MinedCase[] = [];
  if (!existsSync(dir)) return cases;
  for (const fw of readdirSync(dir, { withFileTypes: true })) {
    if (!fw.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, fw.name), { withFileTypes: true })) {
      const folder = join(dir, fw.name, entry.name);
      if (!entry.isDirectory() || !existsSync(join(folder, 'case.json'))) continue;
      const meta = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Omit<
        MinedCase,
        'framework' | 'id' | 'dir'
      >;
      cases.push({
        framework: fw.name,
        id: entry.name,
        dir: folder,
        repo: meta.repo,
        commit: meta.commit,
        selected: meta.selected,
        tables: meta.tables,
        files: meta.files,
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
    return { c, expected, found, grep: grepBaseline(c, expected), ms };
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
    .sort((a, b) =>
      a.framework === 'all' ? 1 : b.framework === 'all' ? -1 : a.framework < b.framework ? -1 : 1,
    );
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
