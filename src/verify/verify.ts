import type { Contract } from '../contract/types.js';
import { DcrError } from '../errors.js';
import type { Message } from '../messages.js';
import { sortDiagnostics, type Diagnostic } from '../parse/diagnostic.js';
import type { ContractInput } from '../parse/input.js';
import type { ParseLimits } from '../parse/limits.js';
import { suggest } from '../util/suggest.js';
import { trace } from '../util/trace.js';
import { validateContracts, type RuleSetting } from '../validate/validate.js';
import { compareContract, TableIndex, wantedTableNames } from './compare.js';
import { contractMatches, parseDsn, type DsnTarget } from './dsn.js';
import { driftDiagnostics } from './locate.js';
import { verifyMessages as say } from './messages.js';
import type { DbSnapshot } from './snapshot.js';

export interface VerifyOptions {
  dsn: string;
  /** Verify these job ids (instead of the contracts whose source is the DSN's). */
  jobIds?: readonly string[];
  /** Verify the contracts in these files (paths as in the inputs). */
  files?: ReadonlySet<string>;
  /** The source_host the DSN reaches, when the DSN goes through a tunnel, proxy or replica. */
  sourceHost?: string;
  timeoutMs: number;
  rules?: Readonly<Record<string, RuleSetting>>;
  limits?: ParseLimits;
  /** Reads the catalog (node-postgres by default; a test may pass its own reader of a real server). */
  readCatalog?: (tables: readonly string[], target: DsnTarget) => Promise<DbSnapshot>;
  /** Other secrets to keep out of messages (PGPASSWORD). */
  secrets?: readonly (string | undefined)[];
}

export interface VerifyResult {
  target: DsnTarget;
  /** Job ids verified, sorted. */
  contracts: string[];
  tables: number;
  /** Contract files left out because they do not validate. */
  invalid: number;
  diagnostics: Diagnostic[];
}

const fail = (m: Message) => new DcrError(m.message, m.hint === undefined ? {} : { hint: m.hint });

/** Checks the chosen contracts against the live database: tables, columns, types, nullability, key and cursor. */
export async function verifyContracts(
  inputs: readonly ContractInput[],
  options: VerifyOptions,
): Promise<VerifyResult> {
  const target = parseDsn(options.dsn);
  if (!target) throw fail(say.badDsn());
  const validated = validateContracts(inputs, {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  trace('verify: contracts validated');
  const broken = new Set(validated.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const valid = validated.contracts.filter((c) => !broken.has(c.file));
  const chosen = choose(valid, validated.contracts, target, options);
  const read =
    options.readCatalog ??
    (async (tables: readonly string[], t: DsnTarget) =>
      (await import('./pg-catalog.js')).readCatalog({
        dsn: options.dsn,
        target: t,
        tables,
        timeoutMs: options.timeoutMs,
        ...(options.secrets ? { secrets: options.secrets } : {}),
      }));
  const snapshot = await read(wantedTableNames(chosen), target);
  trace('verify: catalog read');
  const index = new TableIndex(snapshot);
  const bytes = new Map(inputs.map((i) => [i.file, i]));
  const diagnostics: Diagnostic[] = [];
  for (const c of chosen) {
    const drifts = compareContract(c, index, target.display);
    const input = bytes.get(c.file);
    if (drifts.length === 0 || !input || input.skipped) continue;
    diagnostics.push(...driftDiagnostics(c.file, input.bytes, c.jobId, drifts, options.limits));
  }
  trace('verify: compared');
  return {
    target,
    contracts: chosen.map((c) => c.jobId).sort(),
    tables: new Set(chosen.flatMap((c) => c.tables)).size,
    invalid: broken.size,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** The contracts to verify: named ones (by job id or file), else those whose source is the DSN's. */
function choose(valid: Contract[], all: Contract[], target: DsnTarget, o: VerifyOptions): Contract[] {
  if (o.jobIds?.length || o.files?.size) {
    const ids = new Set(o.jobIds ?? []);
    for (const id of ids) {
      if (!all.some((c) => c.jobId === id))
        throw fail(
          say.unknownContract(
            id,
            suggest(
              id,
              all.map((c) => c.jobId),
            ),
          ),
        );
    }
    return valid.filter((c) => ids.has(c.jobId) || o.files?.has(c.file));
  }
  const host = o.sourceHost ?? target.host;
  const matching = valid.filter((c) => c.status !== 'retired' && contractMatches(c, host, target.database));
  if (matching.length === 0) throw fail(say.noneMatch(host, target.database));
  return matching;
}
