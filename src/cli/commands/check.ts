import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DcrError, ExitCode, UsageError } from '../../errors.js';
import { parsePrePush, parseUpdates } from '../../detect/changes/pushed.js';
import { commitOf } from '../../detect/changes/range.js';
import { runCheck, type CheckSource } from '../../detect/check.js';
import { isZeroOid } from '../../git/refs.js';
import { isPolicyError, parsePolicy } from '../../severity/policy.js';
import { errors, fail } from '../../detect/messages.js';
import type { Command, Values } from '../command.js';
import type { CliContext } from '../context.js';
import { colorsFor } from '../output/color.js';
import type { Gate } from '../output/check-report.js';
import { configFor, formatOf, writeJson } from '../shared.js';

export const command: Command = {
  help: `Usage: dcr check (--staged | --base REV [--head REV] | --pre-push REMOTE | --pre-receive) [options]

The change guard. Finds the tables that a change creates, alters, drops, renames or writes
(SQL files, migrations of the common frameworks, schema files), matches them to the tables
that contracts name, and tells you which contracts are affected and whom to contact.

Where the change comes from (one of):
  --staged           what the next commit holds: git's index, not the working tree (pre-commit)
  --base REV         what REV..HEAD adds, from their merge base (CI, pull requests)
  --head REV         the tip to check with --base (default: HEAD)
  --pre-push REMOTE  the refs being pushed, as the pre-push hook reads them on stdin; with
                     --head REV, only REV, from --base REV when given (the remote's tip or
                     the parent of the first new commit), else from where REV leaves what
                     REMOTE has (a first push: all of it). An empty --base or the all-zero
                     id means none; stdin is not read (frameworks like pre-commit)
  --pre-receive      the ref updates on stdin (\`old new ref\` lines), inside a server hook

Options:
  --policy POLICY       warn: report and exit 0; block: exit 1 on unacknowledged findings;
                        by severity: block=breaking,warn=risky blocks what breaks the job,
                        warns about risky changes and reports the rest as info.
                        Overrides the config's \`policy\` and every contract's own \`policy\`.
  --message-file FILE   the commit message being written (commit-msg hook), for acknowledgements
  --advisory            report, but never exit 1 (pre-commit: says what will block unless the
                        message acknowledges it; the commit-msg hook decides)
  --strict              exit 2 when the contracts cannot be reached (default: warn and pass)
  --repo NAME           this repository's name for contracts' \`source_repo\` (default: the
                        config's \`repo\`, then the remote URLs)
  --quiet               print nothing when no contract is affected
  --brief               print only the verdict and what it covers (commit-msg, after pre-commit)

Acknowledging a finding: after talking to the owners, end the commit message with
  Data-Contract-Ack: <ingestion_jobid>
In a push or a range, each commit is judged against its parent(s): a change is acknowledged by
the commit that made it or a later one descending from it, never an earlier one. A merge is
judged only on what it introduces beyond all its parents. A trailer naming no known contract
acknowledges nothing and is reported with the closest job id.

Exit codes: 0 nothing blocking, 1 blocking findings, 2 usage, configuration or git problem.

Examples:
  dcr check --staged
  dcr check --base origin/main --format github
  dcr check --base v1.4.0 --head release --format json
  dcr check --staged --message-file .git/COMMIT_EDITMSG --policy block
  dcr check --pre-push origin --head "$PRE_COMMIT_TO_REF" --base "$PRE_COMMIT_FROM_REF"`,
  options: {
    staged: { type: 'boolean' },
    base: { type: 'string' },
    head: { type: 'string' },
    'pre-push': { type: 'string' },
    'pre-receive': { type: 'boolean' },
    policy: { type: 'string' },
    'message-file': { type: 'string' },
    advisory: { type: 'boolean' },
    strict: { type: 'boolean' },
    repo: { type: 'string' },
    quiet: { type: 'boolean' },
    brief: { type: 'boolean' },
  },
  async run(ctx, values) {
    const format = formatOf(values);
    const loaded = configFor(ctx, values);
    const source = await sourceOf(ctx, values);
    const policy = values.policy === undefined ? undefined : parsePolicy(values.policy);
    if (policy && isPolicyError(policy)) throw new UsageError(`--policy: ${policy.error}`, policy.hint);
    const result = await runCheck({
      cwd: ctx.cwd,
      loaded,
      source,
      ...(policy ? { policy } : {}),
      ...(values['message-file']
        ? { commitMessage: readMessage(ctx, values['message-file'] as string) }
        : {}),
      ...(values.strict ? { strict: true } : {}),
      ...(values.repo ? { repo: values.repo as string } : {}),
    });
    if (format === 'json')
      writeJson(ctx, {
        ...result,
        ...(result.notices
          ? { notices: result.notices.map(({ file, line, message }) => ({ file, line, message })) }
          : {}),
      });
    else {
      // The report's modules load only to print one (JSON needs none of them).
      const { formatCheckGithub, formatCheckText } = await import('../output/check-report.js');
      const c = colorsFor(ctx.stdout, ctx.env);
      if (format === 'github') ctx.stdout.write(formatCheckGithub(result));
      ctx.stdout.write(
        formatCheckText(result, c, {
          quiet: values.quiet === true,
          advisory: values.advisory === true,
          brief: values.brief === true,
          gate: gateOf(source, values),
        }),
      );
    }
    return result.blocking && !values.advisory ? ExitCode.Findings : ExitCode.Ok;
  },
};

/** Which gate a run is, for the verdict's wording. */
function gateOf(source: CheckSource, values: Values): Gate {
  switch (source.kind) {
    case 'staged':
      return values.advisory ? 'pre-commit' : values['message-file'] ? 'commit-msg' : 'staged';
    case 'range':
      return 'ci';
    case 'pre-push':
      return 'pre-push';
    case 'pre-receive':
      return 'server';
  }
}

async function sourceOf(ctx: CliContext, values: Values): Promise<CheckSource> {
  const prePush = values['pre-push'] !== undefined;
  // With --pre-push, --base and --head describe the one pushed ref instead of stdin.
  const chosen = ['staged', 'base', 'pre-push', 'pre-receive'].filter(
    (k) => values[k] !== undefined && !(prePush && k === 'base'),
  );
  if (chosen.length !== 1) {
    throw new UsageError(
      chosen.length === 0
        ? 'say which change to check'
        : `choose one of ${chosen.map((k) => `--${k}`).join(', ')}`,
      'use --staged (pre-commit), --base REV (CI), --pre-push REMOTE or --pre-receive (hooks)',
    );
  }
  if (prePush && values.base !== undefined && values.head === undefined) {
    throw new UsageError('--base needs --head with --pre-push', 'give the pushed commit: --head REV');
  }
  if (!prePush && values.head !== undefined && values.base === undefined) {
    throw new UsageError('--head needs --base');
  }
  if (values.staged) return { kind: 'staged' };
  if (prePush && typeof values.head === 'string') return pushedOne(ctx, values);
  if (typeof values.base === 'string')
    return {
      kind: 'range',
      base: values.base,
      ...(typeof values.head === 'string' ? { head: values.head } : {}),
    };
  const text = await readStdin(ctx.stdin);
  if (values['pre-receive']) {
    const updates = parseUpdates(text);
    return 'error' in updates ? fail(errors.badUpdates(updates.error)) : { kind: 'pre-receive', updates };
  }
  const updates = parsePrePush(text);
  return 'error' in updates
    ? fail(errors.badUpdates(updates.error))
    : { kind: 'pre-push', remote: values['pre-push'] as string, updates };
}

/** `--pre-push REMOTE --head REV [--base REV]`: one pushed ref described by options (no stdin). */
async function pushedOne(ctx: CliContext, values: Values): Promise<CheckSource> {
  const head = values.head as string;
  const base = (values.base as string | undefined) ?? '';
  const newOid = await commitOf(ctx.cwd, head, 'head');
  // An id the repository lacks is kept: the check then starts from what the remote has.
  const oldOid =
    base === '' || isZeroOid(base) ? ZERO_OID : OID.test(base) ? base : await commitOf(ctx.cwd, base, 'base');
  return { kind: 'pre-push', remote: values['pre-push'] as string, updates: [{ oldOid, newOid, ref: head }] };
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const ZERO_OID = '0'.repeat(40);

function readMessage(ctx: CliContext, file: string): string {
  try {
    return readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    throw new DcrError(
      `cannot read the commit message file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      {
        hint: 'the commit-msg hook passes the file as its first argument: `dcr check --staged --message-file "$1"`',
      },
    );
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
