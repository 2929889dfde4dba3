import type { CommitInfo } from '../git/refs.js';
import { remoteUrls } from '../git/refs.js';
import type { LoadedContracts } from '../registry/remote-common.js';
import { jobColumns } from '../severity/job-columns.js';
import { judgeChange } from '../severity/judge-change.js';
import { actionOf } from '../severity/policy.js';
import { ackedIds, ackLedger } from './ack.js';
import type { Placed } from './changes/by-commit.js';
import type { UnreadFile } from './changes/unread.js';
import type { CheckOptions } from './check.js';
import type { checkSettings } from './check-settings.js';
import type { Notice } from './changes/read-changes.js';
import { lookupKeys, matchTable, parseCodeName, repoMatches } from './match.js';
import { matchNotes, notices as noticeText } from './messages.js';
import type { Finding, TableChange } from './types.js';
import { unknownAcks } from './unknown-acks.js';

/** What runCheck found, for matching to contracts. */
export interface FoundChanges {
  options: CheckOptions;
  settings: ReturnType<typeof checkSettings>;
  top: string;
  commits: readonly CommitInfo[];
  ackSources: { commit?: string; message: string }[];
  /** Changes with a table name. */
  named: Placed[];
  unread: (UnreadFile & { commit?: string; ackFrom?: string })[];
  /** Notices so far; matching adds its own. */
  notices: Notice[];
}

/**
 * The findings of a change: each named table (and each contracted name on a changed line of a
 * file dcr could not read) matched to the contracts that list it, judged by severity against
 * the contract's columns, with policy and acknowledgements applied. Loaded only when some
 * change names a table.
 */
export async function findingsOf(
  found: FoundChanges,
  contracts: Pick<LoadedContracts, 'select'>,
): Promise<Finding[]> {
  const { options, settings, top, commits, ackSources, named, unread, notices } = found;
  // Only the contracts this change may concern: those naming a changed table (or a name on a
  // changed line of an unread file), and those a trailer names (a misspelt id is then told apart).
  const registry = contracts.select(
    new Set([
      ...named.flatMap((c) => namesOf(c).flatMap(bareKeys)),
      ...unread.flatMap((u) => u.lines.flatMap((l) => nameTokens(l.text).flatMap(bareKeys))),
    ]),
    new Set(ackSources.flatMap((s) => ackedIds(s.message).map((id) => id.toLowerCase()))),
  );

  // This repository's names, asked of git only when a selected contract names its source repo.
  const identities = registry.contracts.some((c) => c.sourceRepo)
    ? [options.repo, options.loaded.config.repo, ...(await remoteUrls(top))].filter((s): s is string => !!s)
    : [];
  // A trailer naming no known contract acknowledges nothing (it can match no finding); say so.
  notices.push(...unknownAcks(ackSources, registry));
  const acknowledger = acknowledgerOf(commits, options.commitMessage);
  const findings = new Map<string, Finding>();
  const warnedRepo = new Set<string>();
  const matchOptions = settings.defaultSchema ? { defaultSchema: settings.defaultSchema } : {};
  // Files dcr could not read: a contracted name on a changed line is a possible change.
  const possible: Placed[] = unread.flatMap((u) =>
    u.lines.flatMap(({ line, text }) =>
      nameTokens(text)
        .filter((t) => bareKeys(t).some((k) => registry.byTableKey(k).length > 0))
        .map((t) => ({
          table: t,
          kind: 'alter' as const,
          line,
          evidence: text.trim(),
          confidence: 'possible' as const,
          file: u.file,
          ...(u.commit ? { commit: u.commit } : {}),
          ...(u.ackFrom ? { ackFrom: u.ackFrom } : {}),
        })),
    ),
  );
  for (const c of [...named, ...possible]) {
    // A rename concerns contracts on the old name and on the new one.
    const matches = namesOf(c).flatMap((name) =>
      matchTable(name, registry, matchOptions).map((m) => ({
        ...m,
        name,
        ...(name === c.table ? {} : { note: matchNotes.renamedInto(c.table!, name) }),
      })),
    );
    for (const m of matches) {
      const contract = m.contract;
      if (contract.sourceRepo) {
        if (identities.length === 0) {
          if (!warnedRepo.has(contract.jobId))
            notices.push({
              file: '',
              line: 0,
              message: noticeText.repoUnknown(contract.jobId, contract.sourceRepo),
            });
          warnedRepo.add(contract.jobId);
        } else if (!repoMatches(contract.sourceRepo, identities)) continue;
      }
      const renamedInto = c.kind === 'rename' && m.name !== c.table;
      const columns = jobColumns(contract, m.table);
      const judged = judgeChange(
        {
          change: c.kind,
          kind: c.detail ?? c.kind,
          ...(c.column ? { column: c.column } : {}),
          evidence: c.evidence,
          confidence: c.confidence ?? 'certain',
          renamedInto,
        },
        { ingestionType: contract.ingestionType, ...(columns ? { columns } : {}) },
      );
      const action = actionOf(
        options.policy ?? contract.policy ?? options.loaded.config.policy ?? 'warn',
        judged.severity,
      );
      const finding: Finding = {
        contract: contract.jobId,
        table: m.table,
        file: c.file,
        line: c.line,
        change: c.kind,
        kind: c.detail ?? c.kind,
        ...(c.column ? { column: c.column } : {}),
        ...(c.columnTo ? { columnTo: c.columnTo } : {}),
        confidence: c.confidence ?? 'certain',
        evidence: c.evidence,
        owners: { source: [...contract.owners.source], ingestion: [...contract.owners.ingestion] },
        code: judged.code,
        severity: judged.severity,
        reason: judged.reason,
        // A possible change is a lead, not a fact: it never blocks.
        policy: c.confidence === 'possible' && action === 'block' ? 'warn' : action,
      };
      if (m.note) finding.match = m.note;
      if (c.note) finding.note = c.note;
      if (c.commit) finding.commit = c.commit;
      const by = acknowledger(c.ackFrom, contract.jobId);
      if (by !== undefined) {
        finding.acknowledged = true;
        if (by !== '') finding.acknowledgedBy = by;
      }
      const key = [
        finding.contract,
        finding.table,
        finding.file,
        finding.line,
        finding.change,
        finding.kind,
        finding.column,
        c.commit,
      ].join('\0');
      if (!findings.has(key)) findings.set(key, finding);
    }
  }
  return [...findings.values()];
}

/**
 * Who acknowledges a change to a contract: for a commit of a range, the commit itself or a
 * descendant in the ranges (its id); for the commit being made, its message ('' when it does);
 * undefined when nobody does.
 */
function acknowledgerOf(
  commits: readonly CommitInfo[],
  message: string | undefined,
): (ackFrom: string | undefined, jobId: string) => string | undefined {
  const ledger = ackLedger(commits);
  const own = new Set(ackedIds(message ?? '').map((id) => id.toLowerCase()));
  return (ackFrom, jobId) => {
    const job = jobId.toLowerCase();
    if (ackFrom === undefined) return own.has(job) ? '' : undefined;
    return ledger.get(ackFrom)?.get(job);
  };
}

/** Names as they may appear on a line of code: identifiers, dotted or quoted. */
const nameTokens = (text: string): string[] =>
  // Quoted names without spaces (a quoted SQL string is not a name), and identifiers anywhere.
  text.match(/"[^"\s]{1,128}"|`[^`\s]{1,128}`|[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*){0,2}/g) ?? [];

/** The names a change concerns: the table, and for a rename the new name too. */
const namesOf = (c: TableChange): string[] => (c.renamedTo ? [c.table!, c.renamedTo] : [c.table!]);

/** The registry keys a name in code can match (see `lookupKeys`). */
function bareKeys(code: string): string[] {
  const name = parseCodeName(code);
  return name ? lookupKeys(name.table) : [];
}
