import type { Message } from '../messages.js';

/** A contract file's name (relative to the registry root, forward slashes) and raw bytes. */
export interface ContractInput {
  file: string;
  bytes: Uint8Array;
  /**
   * Set when the file was left unread (a link leaving the contracts folder, a file that cannot
   * be read): reported as this diagnostic, never parsed. `bytes` is then empty.
   */
  skipped?: Message & { rule: string; severity: 'error' | 'warning' };
}
