import { frequencyMinutes } from '../../contract/normalize.js';
import type { FileRule } from '../rule.js';

const FIELD = 'ingestion_frequency_minutes';

export const frequencyString: FileRule = {
  id: 'frequency-string',
  scope: 'file',
  severity: 'warning',
  description: 'A quoted number ("60") is accepted, but a plain number says what it means.',
  check(f, report) {
    const raw = f.data[FIELD];
    if (Object.hasOwn(f.data, FIELD) && typeof raw === 'string' && frequencyMinutes(raw) !== undefined) {
      report(f, [FIELD], {
        message: `${FIELD} is the string ${JSON.stringify(raw)}; a number is expected`,
        hint: `drop the quotes: \`${FIELD}: ${raw.trim()}\``,
      });
    }
  },
};
