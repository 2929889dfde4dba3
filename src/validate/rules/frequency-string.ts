import { frequencyMinutes } from '../../contract/normalize.js';
import type { Rule } from '../rule.js';

const FIELD = 'ingestion_frequency_minutes';

export const frequencyString: Rule = {
  id: 'frequency-string',
  severity: 'warning',
  description: 'A quoted number ("60") is accepted, but a plain number says what it means.',
  check(files, report) {
    for (const f of files) {
      const raw = f.data[FIELD];
      if (Object.hasOwn(f.data, FIELD) && typeof raw === 'string' && frequencyMinutes(raw) !== undefined) {
        report(f, [FIELD], {
          message: `${FIELD} is the string ${JSON.stringify(raw)}; a number is expected`,
          hint: `drop the quotes: \`${FIELD}: ${raw.trim()}\``,
        });
      }
    }
  },
};
