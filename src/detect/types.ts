import type { Owners } from '../contract/types.js';
import type { RuleCode } from '../severity/codes.js';
import type { Action } from '../severity/policy.js';
import type { Severity } from '../severity/severity.js';

/** What a change does to a table. `data` is INSERT/UPDATE/DELETE/COPY into it. */
export type ChangeKind = 'create' | 'alter' | 'drop' | 'rename' | 'data';

/** What an `alter` does, when an extractor can tell (reported as the finding's `kind`). */
export type AlterDetail =
  | 'add-column'
  | 'drop-column'
  | 'rename-column'
  | 'column-type'
  | 'nullability'
  | 'default'
  | 'index'
  | 'constraint';

/** One table a file change touches, as an extractor sees it. */
export interface TableChange {
  /**
   * The table as named in the code: `orders`, `public.orders`, `"Order Items"` (quoted parts
   * keep their quotes so matching can tell `"apiKeys"` from `apikeys`). `null` when the
   * statement clearly changes a table but its name is not knowable (`EXECUTE format(...)`).
   */
  table: string | null;
  kind: ChangeKind;
  /** 1-based line in the after-image (or in the before-image when `side` is 'before'). */
  line: number;
  side?: 'after' | 'before';
  /** The source text that shows the change (one line or one short statement, trimmed). */
  evidence: string;
  /** For renames, the new name. */
  renamedTo?: string;
  /** For an `alter`, what it does, when known. */
  detail?: AlterDetail;
  /** The column changed, when known (for a column rename, its old name). */
  column?: string;
  /** For a column rename, the new name, when known. */
  columnTo?: string;
  /**
   * `possible`: the file plainly changes schema but dcr could not read which table, and a
   * contracted name appears on its changed lines. Shown apart; blocks only if policy says so.
   */
  confidence?: 'certain' | 'possible';
  /** Something worth telling the author (e.g. "edits an already-applied migration"). */
  note?: string;
}

/** One changed file, as the change guard hands it to an extractor. */
export interface FileChange {
  /** Path after the change (before it, for deletions), relative to the repository root. */
  path: string;
  /** Path before the change when the file was renamed. */
  oldPath?: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Text before the change; undefined for added files. */
  before?: string;
  /** Text after the change; undefined for deleted files. */
  after?: string;
  /** Lines of `after` that the change added or modified (1-based). All lines for an added file. */
  addedLines: ReadonlySet<number>;
  /** Lines of `before` that the change removed or modified (1-based). All lines for a deleted file. */
  removedLines: ReadonlySet<number>;
}

export interface ExtractOptions {
  /** SQL dialect from the config (`postgres`, `mysql`, `sqlserver`, `snowflake`, `bigquery`...). */
  dialect?: string;
  /** No changed file names a table that matters: the PostgreSQL parser need not load. */
  withoutPgParser?: boolean;
  /** The repository around the change (files matching the extractor's `contextGlobs`); absent in unit tests. */
  repo?: RepoContext;
  /** Every file the same diff changes (paths and statuses only), e.g. to recognise a squash. */
  changedFiles?: readonly ChangedFile[];
}

/** A file of the diff, whether or not an extractor reads it. */
export interface ChangedFile {
  path: string;
  status: FileChange['status'];
  oldPath?: string;
}

/** Files of the repository the change did not touch, at the base ('before') and the head or index ('after'). */
export interface RepoContext {
  /** A file's text at that side; undefined when absent, binary, too large or not declared. */
  read(path: string, side: 'before' | 'after'): string | undefined;
  /** Paths at that side matching `glob` (among the declared globs' files), sorted. */
  list(glob: string, side: 'before' | 'after'): string[];
}

/** Finds the table changes in one kind of file. One file per extractor, registered in extractors/index.ts. */
export interface Extractor {
  /** Short id, also the framework name in the accuracy report: `sql`, `rails`, `django`... */
  id: string;
  /** Whether this extractor handles the file (by path; `text` is the after- or before-image). */
  matches(path: string, text: string): boolean;
  extract(change: FileChange, options: ExtractOptions): TableChange[];
  /**
   * picomatch globs of repository files `extract` may read through `options.repo` (settings,
   * base classes, models). Read once per diff, only when a change uses this extractor.
   */
  contextGlobs?: readonly string[];
  /**
   * Loads, once, what `extract` uses when available but is slow to start (the PostgreSQL
   * parser). `runCheck` awaits it only for the extractors a change uses; `extract` works without.
   */
  prepare?(options: ExtractOptions): Promise<void>;
}

/** A table change that matched a contract: the unit of `dcr check` output. */
export interface Finding {
  /** The contract's ingestion_jobid. */
  contract: string;
  /** The contract's table that matched (as written in the contract). */
  table: string;
  file: string;
  line: number;
  change: ChangeKind;
  /** What the change does: `change`, or for an alter the detail when known (add-column, index...). */
  kind: ChangeKind | AlterDetail;
  /** The column changed, when known. */
  column?: string;
  /** For a column rename, the new name, when known. */
  columnTo?: string;
  /** `possible` findings come from files dcr could not fully read (see TableChange). */
  confidence: 'certain' | 'possible';
  evidence: string;
  owners: Owners;
  /** How the match was made, e.g. "unqualified name in code matches public.orders". */
  match?: string;
  note?: string;
  /** The rule that judged the change against the job (`DCR-B101`...), see the README's table. */
  code: RuleCode;
  /** breaking, risky or info: what the change does to the job that reads the table. */
  severity: Severity;
  /** Why the change has this severity, in one sentence. */
  reason: string;
  /**
   * What the policy does with it: `block`, `warn`, or `info` (below a policy's `warn`
   * threshold: reported, never blocking, no one asked to act).
   */
  policy: Action;
  /** Set when a `Data-Contract-Ack: <jobid>` trailer acknowledges it. */
  acknowledged?: boolean;
  /** The commit whose trailer acknowledges it (ranges and pushes; absent for the commit being made). */
  acknowledgedBy?: string;
  /** The commit that made the change (ranges and pushes; absent for staged changes). */
  commit?: string;
}

/** How to add acknowledgements to commits already made (a blocked push or range). */
export interface RewordPlan {
  /** Commits with unacknowledged blocking changes, oldest first, and the trailers each needs. */
  commits: { commit: string; subject: string; contracts: string[] }[];
  /** The only commit to reword is HEAD: `git commit --amend` is enough. */
  amend: boolean;
  /** What to give `git rebase -i`: the parent of the oldest commit to reword; null for `--root`. */
  rebaseFrom: string | null;
  /** Merge commits are among the commits: `--rebase-merges` keeps them. */
  merges: boolean;
}

/** The result of `dcr check` (the `--format json` shape). */
export interface CheckResult {
  ok: boolean;
  /** True when at least one unacknowledged finding has policy `block`. */
  blocking: boolean;
  findings: Finding[];
  /** Changes where a table was touched but its name is unknown, and similar notices. */
  notices?: { file: string; line: number; message: string; loud?: boolean }[];
  /** When blocking findings come from commits already made: which to reword, and how. */
  reword?: RewordPlan;
}
