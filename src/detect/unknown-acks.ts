import type { Registry } from '../registry/registry.js';
import { suggest } from '../util/suggest.js';
import { ackedIds } from './ack.js';
import type { Notice } from './changes/read-changes.js';
import { notices } from './messages.js';

/**
 * Notices for `Data-Contract-Ack` trailers that name no known contract (a typo: with the
 * closest job id) or a retired one. Such a trailer acknowledges nothing; without the notice the
 * author would only see "blocked" again. One notice per id and commit.
 */
export function unknownAcks(
  sources: readonly { commit?: string; message: string }[],
  registry: Registry,
): Notice[] {
  const out = new Map<string, Notice>();
  const ids = registry.contracts.filter((c) => c.status !== 'retired').map((c) => c.jobId);
  for (const { commit, message } of sources) {
    for (const id of ackedIds(message)) {
      const contract = registry.get(id);
      if (contract && contract.status !== 'retired') continue;
      const text = contract
        ? notices.retiredAck(id, commit)
        : notices.unknownAck(id, commit, suggest(id, ids));
      out.set(`${id.toLowerCase()}\0${commit ?? ''}`, { file: '', line: 0, message: text });
    }
  }
  return [...out.values()];
}
