import { emailProblem } from '../../contract/email.js';
import type { FileRule } from '../rule.js';
import { stringsOf } from '../rule.js';

export const emailFormat: FileRule = {
  id: 'email-format',
  scope: 'file',
  severity: 'error',
  description: 'Owners are plain email addresses (no display names), so mail and mentions reach them.',
  check(f, report) {
    for (const field of ['source_owner', 'ingestion_owner']) {
      for (const { value, path } of stringsOf(f.data, field)) {
        const problem = emailProblem(value);
        if (problem) {
          report(f, path, {
            message: `${field} ${JSON.stringify(value)} is not a valid email address: it ${problem}`,
            hint: 'write one plain address such as team@example.com; use a list for several people',
          });
        }
      }
    }
  },
};
