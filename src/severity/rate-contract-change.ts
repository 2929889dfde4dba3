import { tableKey } from '../contract/table-name.js';
import type { Contract } from '../contract/types.js';
import { RULE_SEVERITY, type RuleCode } from './codes.js';
import { contractReasons as r } from './messages.js';
import { policyStrength } from './policy.js';
import type { Severity } from './severity.js';

/** One rule a change to a contract triggers: what `dcr diff` lists and the PR summary shows. */
export interface RatedChange {
  code: RuleCode;
  severity: Severity;
  /** The contract field it is about (`tables`, `owners.source`...), absent for the whole contract. */
  field?: string;
  /** What changed, in a few words (`table removed: public.orders`). */
  message: string;
}

const rated = (code: RuleCode, message: string, field?: string): RatedChange => ({
  code,
  severity: RULE_SEVERITY[code],
  ...(field ? { field } : {}),
  message,
});

/** The rules a contract's change triggers, most serious first. `before`/`after` absent: added/removed. */
export function rateContractChange(before: Contract | undefined, after: Contract | undefined): RatedChange[] {
  if (!before && after) return [rated('DCR-C421', r.added())];
  if (before && !after) return [rated('DCR-C401', r.removed())];
  if (!before || !after) return [];
  const out: RatedChange[] = [];
  const lower = (s: string) => s.toLowerCase();
  const gone = (a: readonly string[], b: readonly string[], key: (s: string) => string) => {
    const keep = new Set(b.map(key));
    return a.filter((x) => !keep.has(key(x)));
  };
  for (const t of gone(before.tables, after.tables, tableKeyOf))
    out.push(rated('DCR-C402', r.tableRemoved(t), 'tables'));
  for (const t of gone(after.tables, before.tables, tableKeyOf))
    out.push(rated('DCR-C422', r.tableAdded(t), 'tables'));
  out.push(...rateColumns(before, after));
  if (before.ingestionType !== after.ingestionType)
    out.push(rated('DCR-C406', r.ingestionType(before.ingestionType, after.ingestionType), 'ingestionType'));
  for (const side of ['source', 'ingestion'] as const) {
    const field = `owners.${side}`;
    for (const e of gone(before.owners[side], after.owners[side], lower))
      out.push(rated('DCR-C411', r.ownerRemoved(side, e), field));
    for (const e of gone(after.owners[side], before.owners[side], lower))
      out.push(rated('DCR-C424', r.ownerAdded(side, e), field));
  }
  if (before.frequencyMinutes !== after.frequencyMinutes)
    out.push(
      rated('DCR-C412', r.frequency(before.frequencyMinutes, after.frequencyMinutes), 'frequencyMinutes'),
    );
  if (before.status !== after.status) {
    const leaving = after.status === 'deprecated' || after.status === 'retired';
    out.push(rated(leaving ? 'DCR-C413' : 'DCR-C425', r.status(before.status, after.status), 'status'));
  }
  const was = policyStrength(before.policy ?? 'warn');
  const now = policyStrength(after.policy ?? 'warn');
  if (was.some((x, i) => x !== now[i])) {
    const weaker = now.some((x, i) => x < was[i]!);
    out.push(rated(weaker ? 'DCR-C414' : 'DCR-C426', r.policy(before.policy, after.policy), 'policy'));
  }
  if (before.sourceHost !== after.sourceHost)
    out.push(rated('DCR-C415', r.scalar('source host', before.sourceHost, after.sourceHost), 'sourceHost'));
  if (before.sourceDb !== after.sourceDb)
    out.push(rated('DCR-C415', r.scalar('source database', before.sourceDb, after.sourceDb), 'sourceDb'));
  if (before.sourceRepo !== after.sourceRepo)
    out.push(
      rated('DCR-C416', r.scalar('source repository', before.sourceRepo, after.sourceRepo), 'sourceRepo'),
    );
  const others: [string, string, unknown, unknown][] = [
    ['sourceType', 'source type', before.sourceType, after.sourceType],
    ['destination', 'destination', before.destination, after.destination],
    ['description', 'description', before.description, after.description],
    ['file', 'file', before.file, after.file],
    ['tags', 'tags', before.tags.join(', '), after.tags.join(', ')],
  ];
  for (const [field, label, a, b] of others)
    if (a !== b)
      out.push(
        rated(
          'DCR-C427',
          r.other(label, field === 'description' ? undefined : a, field === 'description' ? undefined : b),
          field,
        ),
      );
  return out.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/** Tables compare by their normalised name, so `Orders` and `orders` are the same table. */
const tableKeyOf = (name: string): string => tableKey(name) ?? name;

const details = (c: Contract, table: string) =>
  c.tableColumns && Object.hasOwn(c.tableColumns, table) ? c.tableColumns[table] : undefined;
const colKey = (name: string) => name.replace(/^["`[]|["`\]]$/g, '').toLowerCase();

/** Column rules for each table both revisions name: removed, added, retyped columns; cursor and keys. */
function rateColumns(before: Contract, after: Contract): RatedChange[] {
  const out: RatedChange[] = [];
  const afterByKey = new Map(after.tables.map((t) => [tableKeyOf(t), t]));
  for (const t of before.tables) {
    const tAfter = afterByKey.get(tableKeyOf(t));
    if (tAfter === undefined) continue;
    const a = details(before, t) ?? {};
    const b = details(after, tAfter) ?? {};
    const colsA = new Map((a.columns ?? []).map((c) => [colKey(c.name), c]));
    const colsB = new Map((b.columns ?? []).map((c) => [colKey(c.name), c]));
    // A list of columns that appears or disappears as a whole changes what is guarded, not the job.
    for (const [k, c] of colsA) {
      const now = colsB.get(k);
      if (!now) {
        if (colsB.size > 0) out.push(rated('DCR-C403', r.columnRemoved(tAfter, c.name), 'columns'));
        continue;
      }
      const what: string[] = [];
      if ((c.type ?? '') !== (now.type ?? ''))
        what.push(`type ${c.type ?? '(none)'} → ${now.type ?? '(none)'}`);
      if (c.nullable !== now.nullable)
        what.push(`nullable ${String(c.nullable ?? '(unset)')} → ${String(now.nullable ?? '(unset)')}`);
      if (what.length)
        out.push(rated('DCR-C417', r.columnChanged(tAfter, c.name, what.join(', ')), 'columns'));
    }
    if (colsA.size === 0 && colsB.size > 0)
      out.push(rated('DCR-C423', r.columnsListed(tAfter, colsB.size), 'columns'));
    else if (colsA.size > 0 && colsB.size === 0)
      out.push(rated('DCR-C403', r.columnsUnlisted(tAfter), 'columns'));
    else
      for (const [k, c] of colsB)
        if (!colsA.has(k)) out.push(rated('DCR-C423', r.columnAdded(tAfter, c.name), 'columns'));
    if (colKey(a.cursorColumn ?? '') !== colKey(b.cursorColumn ?? ''))
      out.push(rated('DCR-C404', r.cursor(tAfter, a.cursorColumn, b.cursorColumn), 'columns'));
    const keysA = (a.keyColumns ?? []).map(colKey).sort().join(',');
    const keysB = (b.keyColumns ?? []).map(colKey).sort().join(',');
    if (keysA !== keysB)
      out.push(rated('DCR-C405', r.keys(tAfter, a.keyColumns ?? [], b.keyColumns ?? []), 'columns'));
  }
  return out;
}
