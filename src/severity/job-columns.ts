import type { Contract } from '../contract/types.js';
import type { JobColumns } from './judge-change.js';

/**
 * What a contract says about the columns of one of its tables (as written in the contract),
 * or undefined when it says nothing about them.
 */
export function jobColumns(_contract: Contract, _table: string): JobColumns | undefined {
  return undefined;
}
