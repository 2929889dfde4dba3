import type { Rule } from '../rule.js';
import { stringField } from '../rule.js';

export const duplicateJobId: Rule = {
  id: 'duplicate-jobid',
  severity: 'error',
  description:
    'Each ingestion_jobid names one contract; two files with the same id are reported at both places.',
  check(files, report) {
    const byId = new Map<string, (typeof files)[number][]>();
    for (const f of files) {
      const id = stringField(f.data, 'ingestion_jobid');
      if (id === undefined) continue;
      const key = id.toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), f]);
    }
    for (const group of byId.values()) {
      if (group.length < 2) continue;
      for (const f of group) {
        const others = group
          .filter((g) => g !== f)
          .map((g) => `${g.file}:${g.source.locate(['ingestion_jobid']).line}`);
        report(f, ['ingestion_jobid'], {
          message: `ingestion_jobid "${stringField(f.data, 'ingestion_jobid')}" is also used by ${others.join(', ')}`,
          hint: 'give each job its own id (ids compare case-insensitively)',
        });
      }
    }
  },
};
