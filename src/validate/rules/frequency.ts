import { frequencyMinutes } from '../../contract/normalize.js';
import { INGESTION_TYPES } from '../../contract/types.js';
import type { FileRule } from '../rule.js';
import { stringField } from '../rule.js';

const FIELD = 'ingestion_frequency_minutes';

export const frequency: FileRule = {
  id: 'frequency',
  scope: 'file',
  severity: 'error',
  description: 'Batch jobs say how often they run, as a positive number of minutes; stream jobs need none.',
  check(f, report) {
    const type = stringField(f.data, 'ingestion_type');
    if (!Object.hasOwn(f.data, FIELD)) {
      if (type !== undefined && type !== 'stream' && (INGESTION_TYPES as readonly string[]).includes(type)) {
        report(f, [], {
          message: `missing ${FIELD} for a ${type} job`,
          hint: `add \`${FIELD}: 60\` (how often the job runs); only stream jobs may leave it out`,
        });
      }
      return;
    }
    const raw = f.data[FIELD];
    if (typeof raw !== 'number' && typeof raw !== 'string') return; // the schema reports it
    const minutes = frequencyMinutes(raw);
    if (minutes === undefined || !(minutes > 0)) {
      report(f, [FIELD], {
        message: `${FIELD} must be a positive number of minutes, not ${JSON.stringify(raw)}`,
        hint: `for example \`${FIELD}: 60\` for hourly, \`1440\` for daily`,
      });
    }
  },
};
