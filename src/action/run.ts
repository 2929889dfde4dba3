import { loadConfig, type LoadedConfig } from '../config/config.js';
import { diffContracts, changePeople, type ContractChange } from '../contract/diff.js';
import type { Finding } from '../detect/types.js';
import { DcrError, ExitCode } from '../errors.js';
import type { GithubClientOptions } from '../notify/github.js';
import { loadRegistry } from '../registry/load.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { annotation, type Annotation } from '../cli/output/github.js';
import { readPullRequestEvent, type PullRequestEvent } from './event.js';
import { changedFiles, contractsAt, mergeBase } from './git-range.js';
import { provenance, type RunCheck } from './guard.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { severityRank } from '../severity/severity.js';
import { actionMessages as m, emailMessages as em } from './messages.js';
import { handles } from './people.js';
import { hasNews, type Report } from './render-comment.js';
import { githubSettings, type GithubSettings } from './settings.js';
import { sendFindingEmails } from './send-finding-emails.js';
import { renderSummary, writeOutputs, writeSummary } from './summary.js';
import { notifyGithub } from './notify-github.js';

export interface ActionOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Workflow commands (annotations, warnings) and the log. */
  stdout: { write(text: string): unknown };
  /** The change guard; without it only contracts are validated and compared. */
  runCheck?: RunCheck;
  /** Client tuning (tests shorten back-off and turn off write pacing). */
  github?: Pick<GithubClientOptions, 'retryBaseMs' | 'pacing' | 'retries'>;
}

/** Runs the action once and returns the exit code. Never throws. */
export async function runAction(options: ActionOptions): Promise<number> {
  const log = (a: Annotation) => options.stdout.write(annotation(a));
  try {
    return await run(options, log);
  } catch (error) {
    const e = error instanceof DcrError ? error : undefined;
    const message = e ? e.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    log({ level: 'error', title: 'dcr', message: e?.hint ? `${message}\nhint: ${e.hint}` : message });
    return e?.exitCode ?? ExitCode.Usage;
  }
}

async function run(options: ActionOptions, log: (a: Annotation) => void): Promise<number> {
  const inputs = readInputs(options.env, options.cwd);
  const cwd = inputs.workspace;
  const base = loadConfig(cwd);
  const loaded: LoadedConfig = inputs.contracts
    ? { ...base, root: cwd, config: { ...base.config, contracts: inputs.contracts } }
    : base;
  const settings = githubSettings(loaded.config.github, loaded.file);
  const event = inputs.eventPath ? readPullRequestEvent(inputs.eventPath) : undefined;

  // A remote registry (git or registry.json URL) is loaded by the change guard; there is no
  // local contracts folder to validate or compare.
  const remote = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(loaded.config.contracts);
  const head = remote
    ? { diagnostics: [] as Diagnostic[], contracts: [], registry: undefined }
    : loadRegistry(loaded);
  if (!event) {
    options.stdout.write(`${m.notPullRequest(inputs.eventName || 'unknown')}\n`);
    annotate(log, head.diagnostics);
    return head.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
  }

  let guardProblem: string | undefined;
  let findings: Finding[] = [];
  let notices: Report['notices'] = [];
  let changes: ContractChange[] = [];
  let invalid: Diagnostic[] = head.diagnostics;
  try {
    const from = await mergeBase(cwd, event.baseSha, 'HEAD');
    const changed = new Set(await changedFiles(cwd, from, 'HEAD'));
    const contractsPath = (d: Diagnostic) => relativeToRepo(loaded, cwd, d.file);
    invalid = head.diagnostics.filter((d) => changed.has(contractsPath(d)));
    if (!remote) changes = diffContracts(await contractsAt(cwd, loaded, from), head.contracts);
    if (options.runCheck) {
      const result = await options.runCheck({
        cwd,
        loaded,
        source: { kind: 'range', base: from, head: 'HEAD' },
        ...(head.registry ? { registry: head.registry } : {}),
        ...(inputs.mode !== 'warn' ? { policy: inputs.mode } : {}),
        ...(inputs.repository
          ? { repo: `${new URL(inputs.serverUrl).host}/${inputs.repository.owner}/${inputs.repository.repo}` }
          : {}),
      });
      findings = result.findings;
      notices = result.notices ?? [];
    }
  } catch (error) {
    if (!(error instanceof DcrError)) throw error;
    guardProblem = error.hint ? `${error.message} (${error.hint})` : error.message;
    log({ level: 'error', title: 'dcr', message: guardProblem });
  }
  annotate(log, invalid);
  // Most serious first: only ten are shown.
  const bySeverity = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const f of bySeverity.slice(0, 10)) {
    log({
      level: f.acknowledged || f.policy === 'info' ? 'notice' : 'warning',
      file: f.file,
      line: f.line,
      title: `dcr: ${f.contract}`,
      message: `${f.change} of ${f.table}: ${f.evidence}${provenance(f)}\n${f.severity} ${f.code}: ${f.reason}`,
    });
  }

  const ackedByLabel = event.labels.some((l) => l.toLowerCase() === settings.ackLabel.toLowerCase());
  const open = findings.filter((f) => !f.acknowledged && (inputs.mode === 'block' || f.policy === 'block'));
  const blocking = open.length > 0 && !ackedByLabel;
  const report: Report = {
    headSha: event.headSha,
    findings,
    notices,
    changes,
    invalid,
    mode: inputs.mode,
    blocking,
    ackLabel: settings.ackLabel,
    ackedByLabel,
    people: handles(loaded.config.people),
    ...(inputs.repository
      ? {
          blobUrl: `${inputs.serverUrl}/${inputs.repository.owner}/${inputs.repository.repo}/blob/${event.headSha}`,
        }
      : {}),
    ...(guardProblem ? { guardProblem } : {}),
  };
  writeSummary(inputs.summaryPath, renderSummary(report));
  const posted = await notify(inputs, event, report, settings, options, log);
  writeOutputs(inputs.outputPath, {
    findings: findings.length,
    blocking,
    'contract-changes': changes.length,
    ...(posted.commentUrl ? { 'comment-url': posted.commentUrl } : {}),
  });
  if (blocking) log({ level: 'error', title: 'dcr', message: m.blocking(open.length) });
  if (guardProblem) return ExitCode.Usage;
  return blocking || invalid.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
}

async function notify(
  inputs: ActionInputs,
  event: PullRequestEvent,
  report: Report,
  settings: GithubSettings,
  options: ActionOptions,
  log: (a: Annotation) => void,
): Promise<{ commentUrl?: string }> {
  if (!inputs.token || !inputs.repository) {
    if (inputs.notify.has('comment') || inputs.notify.has('reviewers'))
      log({ level: 'notice', title: 'dcr', message: m.noToken });
    return {};
  }
  // Below a policy's `warn` threshold a finding is information: nobody is asked to act on it.
  const actionable = report.findings.filter((f) => f.policy !== 'info');
  const emails = [
    ...actionable.flatMap((f) => [...f.owners.source, ...f.owners.ingestion]),
    ...report.changes.flatMap(changePeople),
  ];
  let email: ((body: string | undefined) => Promise<string[]>) | undefined;
  if (inputs.notify.has('email') && inputs.smtpUrl && actionable.length > 0) {
    if (!settings.emailFrom) log({ level: 'warning', title: 'dcr', message: em.noFrom });
    else if (!inputs.notify.has('comment')) log({ level: 'warning', title: 'dcr', message: em.needsComment });
    else {
      const { smtpUrl } = inputs;
      const from = settings.emailFrom;
      const repoName = `${inputs.repository.owner}/${inputs.repository.repo}`;
      email = (commentBody) =>
        sendFindingEmails({
          smtpUrl,
          from,
          repo: repoName,
          number: event.number,
          url: event.htmlUrl ?? `${inputs.serverUrl}/${repoName}/pull/${event.number}`,
          findings: actionable,
          commentBody,
          say: (line) => options.stdout.write(`${line}\n`),
          warn: (message) => log({ level: 'warning', title: 'dcr', message }),
        });
    }
  }
  return notifyGithub({
    token: inputs.token,
    apiUrl: inputs.apiUrl,
    repo: inputs.repository,
    event,
    report,
    create: hasNews(report),
    comment: inputs.notify.has('comment'),
    reviewers: inputs.notify.has('reviewers') ? emails : [],
    ...(settings.commentAuthor ? { author: settings.commentAuthor } : {}),
    ...(email ? { email } : {}),
    client: options.github ?? {},
    say: (line) => options.stdout.write(`${line}\n`),
    warn: (message) => log({ level: 'warning', title: 'dcr', message }),
  });
}

function annotate(log: (a: Annotation) => void, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    log({
      level: d.severity === 'error' ? 'error' : 'warning',
      file: d.file,
      line: d.line,
      column: d.column,
      title: `dcr ${d.rule}`,
      message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    });
  }
}

/** Diagnostic files are relative to the config root; git paths to the repository root (the workspace). */
function relativeToRepo(loaded: LoadedConfig, cwd: string, file: string): string {
  const prefix =
    loaded.root === cwd
      ? ''
      : loaded.root
          .slice(cwd.length + 1)
          .split('\\')
          .join('/');
  return prefix ? `${prefix}/${file}` : file;
}
