/** The commit trailer that records that the author has talked to a contract's owners. */
export const ACK_TRAILER = 'Data-Contract-Ack';

const SCISSORS = /^# -+ >8 -+$/m;
const LINE = /^data-contract-ack[ \t]*:[ \t]*(.+)$/gim;

/**
 * Job ids acknowledged by `Data-Contract-Ack: <jobid>[, <jobid>...]` lines in commit messages,
 * lower-cased. Comment lines and everything below git's scissors line are left out, as git
 * strips them from a message being written (commit-msg hook).
 */
export function acknowledgedJobIds(messages: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const message of messages) {
    const cut = message.search(SCISSORS);
    const text = (cut >= 0 ? message.slice(0, cut) : message)
      .split(/\r?\n/)
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    for (const m of text.matchAll(LINE)) {
      for (const id of m[1]!.split(/[,\s]+/)) if (id !== '') ids.add(id.toLowerCase());
    }
  }
  return ids;
}
