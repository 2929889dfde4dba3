import type { LoadedConfig } from '../config/config.js';
import { gitPaths } from '../git/refs.js';
import { registryMessages } from '../registry/messages.js';
import type { Registry } from '../registry/registry.js';
import type { LoadedContracts } from '../registry/remote-common.js';
import { detectByCommit, detectStaged, type Detected } from './changes/by-commit.js';
import { excludeMatcher } from './changes/exclude.js';
import { resolvePush, type RefUpdate } from './changes/pushed.js';
import { resolveRange, type ResolvedRange } from './changes/range.js';
import type { Notice } from './changes/read-changes.js';
import { checkSettings } from './check-settings.js';
import { fail, errors, notices as noticeText } from './messages.js';
import type { CheckResult, Finding } from './types.js';
import type { DetectOptions } from './detect-changes.js';
import { trace } from '../util/trace.js';
import { focusOn } from './sql/pg-parser.js';
import type { PolicySetting } from '../severity/policy.js';

/** Where the changes to check come from. */
export type CheckSource =
  | { kind: 'staged' }
  | { kind: 'range'; base: string; head?: string }
  | { kind: 'pre-receive'; updates: RefUpdate[] }
  | { kind: 'pre-push'; remote: string; updates: RefUpdate[] };

export interface CheckOptions {
  cwd: string;
  loaded: LoadedConfig;
  source: CheckSource;
  /** Overrides every configured policy (global and per contract). */
  policy?: PolicySetting;
  /** The message of the commit being made (commit-msg hook), for `Data-Contract-Ack` trailers. */
  commitMessage?: string;
  /** Fail instead of warning when the registry cannot be reached (overrides `check.strict`). */
  strict?: boolean;
  /** This repository's name for `source_repo` (over the config's `repo` and the remotes). */
  repo?: string;
  /** A registry already loaded (tests, the GitHub Action); skips loading the configured one. */
  registry?: Registry;
  /** Allow http:// registries (loopback tests). */
  allowHttp?: boolean;
}

/**
 * The change guard: finds the table changes of each commit (or of the commit being made),
 * matches them to contracts, applies policy and acknowledgements. A change counts as
 * acknowledged when the commit that made it, or a later commit of the same range that descends
 * from it, carries `Data-Contract-Ack` for its contract. The registry is loaded only when some
 * file changes a table, so a commit without migrations costs one `git diff --raw`.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  trace('check: start');
  const { top, gitDir } = (await gitPaths(options.cwd)) ?? fail(errors.notARepo());
  const settings = checkSettings(options.loaded);
  const { ranges, notices } = await rangesOf(top, options);
  const excluded = excludeMatcher(settings.exclude, settings.defaultExclude);

  // A commit in several pushed refs is one commit.
  const commits = [...new Map(ranges.flatMap((r) => r.commits).map((c) => [c.id, c])).values()];
  // Where trailers come from: the commits of the ranges, and the message of the commit being made.
  const ackSources: { commit?: string; message: string }[] = [
    ...commits.map((c) => ({ commit: c.id, message: c.message })),
    ...(options.commitMessage ? [{ message: options.commitMessage }] : []),
  ];

  // The registry loads once, when some file is to be read: its table names focus the reading
  // (PostgreSQL's grammar only for statements that may name one), and the matching uses it.
  let loading: Promise<LoadedRegistry> | undefined;
  const registryOnce = () => (loading ??= loadRegistryFor(options, settings));
  const detectOptions: DetectOptions = {
    // As soon as some file is known to need reading, the contracts load beside git's reading.
    onClaimable: () => void registryOnce().catch(() => undefined),
    focus: async () => {
      // A registry that fails to load fails the check later, where it always did.
      const r = await registryOnce().catch(() => undefined);
      return !r || 'unavailable' in r ? undefined : focusOn(r.contracts.tableKeys);
    },
    excluded,
    ...(settings.maxFileBytes ? { maxBytes: settings.maxFileBytes } : {}),
    ...(settings.dialect ? { dialect: settings.dialect } : {}),
  };
  const found: Detected =
    options.source.kind === 'staged'
      ? await detectStaged(top, gitDir, detectOptions)
      : await detectByCommit(top, ranges, detectOptions);
  const { changes, unread } = found;
  notices.push(...found.notices);
  for (const c of changes)
    if (c.table === null)
      notices.push({ file: c.file, line: c.line, message: noticeText.unknownTable(c.evidence) });
  trace('check: table changes found');
  const named = changes.filter((c) => c.table !== null);
  if (named.length === 0 && unread.length === 0) return result([], notices);

  const loadedRegistry = await registryOnce();
  if ('unavailable' in loadedRegistry) {
    notices.push(loadedRegistry.unavailable);
    return result([], notices);
  }
  notices.push(...loadedRegistry.warnings);
  // Matching and judging load only now: a commit without table changes never pays for them.
  const { findingsOf } = await import('./findings.js');
  const findings = await findingsOf(
    { options, settings, top, commits, ackSources, named, unread, notices },
    loadedRegistry.contracts,
  );
  trace('check: matched');
  const out = result(findings, notices);
  if (out.blocking && options.source.kind !== 'staged') {
    const { rewordPlan } = await import('./reword.js');
    const plan = await rewordPlan(top, commits, out.findings, options.source.kind !== 'pre-receive');
    if (plan) out.reword = plan;
  }
  return out;
}

type LoadedRegistry =
  { contracts: Pick<LoadedContracts, 'select' | 'tableKeys'>; warnings: Notice[] } | { unavailable: Notice };

/**
 * The contracts (all of them: their names focus the reading of SQL), or a notice when the
 * registry cannot be reached and the check is not strict.
 */
async function loadRegistryFor(
  options: CheckOptions,
  settings: ReturnType<typeof checkSettings>,
): Promise<LoadedRegistry> {
  const given = options.registry;
  if (given)
    return { contracts: { tableKeys: new Set(given.tableNames()), select: () => given }, warnings: [] };
  try {
    // Loaded on demand: YAML parsing and schema validation cost nothing on commits without table changes.
    const { loadContracts } = await import('../registry/remote.js');
    const loaded = await loadContracts(options.loaded, {
      cacheMinutes: settings.cacheMinutes,
      ...(settings.timeoutSeconds ? { timeoutMs: settings.timeoutSeconds * 1000 } : {}),
      ...(settings.cacheDir ? { cacheDir: settings.cacheDir } : {}),
      ...(options.allowHttp ? { allowHttp: true } : {}),
    });
    trace('check: registry loaded');
    return {
      contracts: loaded,
      warnings: [
        ...loaded.warnings.map((w) => ({ file: '', line: 0, message: w })),
        ...(loaded.fileWarnings ?? []),
      ],
    };
  } catch (error) {
    if (!isUnavailable(error) || (options.strict ?? settings.strict)) throw error;
    return {
      unavailable: { file: '', line: 0, message: registryMessages.unreachable(error.location, error.reason) },
    };
  }
}

const isUnavailable = (error: unknown): error is { location: string; reason: string } =>
  error instanceof Error && error.name === 'RegistryUnavailable';

async function rangesOf(
  top: string,
  options: CheckOptions,
): Promise<{ ranges: ResolvedRange[]; notices: Notice[] }> {
  const source = options.source;
  switch (source.kind) {
    case 'staged':
      return { ranges: [], notices: [] };
    case 'range':
      return { ranges: [await resolveRange(top, source.base, source.head)], notices: [] };
    case 'pre-receive':
      // Refs have not moved yet, so every ref names what the server already had.
      return resolvePush(top, source.updates, ['--all']);
    case 'pre-push': {
      const remote = /^[\w.-]+$/.test(source.remote) ? `--remotes=${source.remote}` : '--remotes';
      return resolvePush(top, source.updates, [remote]);
    }
  }
}

const rank = (f: Finding) => (f.acknowledged ? 3 : f.policy === 'block' ? 0 : f.policy === 'warn' ? 1 : 2);

function result(findings: Finding[], notices: Notice[]): CheckResult {
  findings.sort(
    (a, b) =>
      a.contract.localeCompare(b.contract) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.table.localeCompare(b.table),
  );
  const blocking = findings.some((f) => rank(f) === 0);
  // Commits judged one by one may each say the same thing about a file.
  const unique = [...new Map(notices.map((n) => [`${n.file}\0${n.line}\0${n.message}`, n])).values()];
  return { ok: !blocking, blocking, findings, notices: unique };
}
