import { positional, type Arg } from './args.js';
import type { CallSite } from './calls.js';
import { sqlOperations } from './embedded-sql.js';
import type { Operation } from './operations.js';
import type { Source } from './source.js';
import type { ChangeKind } from '../types.js';

/**
 * The operations of one call in a JS/TS migration (Sequelize's queryInterface, TypeORM's
 * queryRunner): the SQL of `query(...)`, `renameTable(from, to)`, or a table operation whose
 * kind `kinds` names (anything else alters its table). `tableArg` reads a table argument.
 */
export function migrationCallOps(
  src: Source,
  site: CallSite,
  down: boolean,
  kinds: Readonly<Record<string, ChangeKind>>,
  tableArg: (arg: Arg | undefined) => string | null,
  dialect?: string,
): Operation[] {
  const args = positional(site.call);
  if (site.name === 'query') {
    const a = args[0];
    return a ? sqlOperations(src, a.start, a.end, dialect).map((op) => ({ ...op, down })) : [];
  }
  const base = { start: site.startLine, end: site.endLine, down };
  if (site.name === 'renameTable') {
    const to = tableArg(args[1]);
    return [{ ...base, table: tableArg(args[0]), kind: 'rename', ...(to ? { renamedTo: to } : {}) }];
  }
  return [{ ...base, table: tableArg(args[0]), kind: kinds[site.name] ?? 'alter' }];
}
