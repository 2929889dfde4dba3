import type { Contract } from '../contract/types.js';
import type { JobColumns } from './judge-change.js';

/**
 * What a contract says about the columns of one of its tables (`table` as written in the
 * contract), or undefined when it says nothing about them.
 */
export function jobColumns(contract: Contract, table: string): JobColumns | undefined {
  const details =
    contract.tableColumns && Object.hasOwn(contract.tableColumns, table)
      ? contract.tableColumns[table]
      : undefined;
  if (!details) return undefined;
  return {
    columns: details.columns ?? [],
    keyColumns: details.keyColumns ?? [],
    ...(details.cursorColumn ? { cursorColumn: details.cursorColumn } : {}),
  };
}
