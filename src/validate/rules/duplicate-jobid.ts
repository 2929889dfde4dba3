import type { FileSummary, RegistryRule } from '../rule.js';

export const duplicateJobId: RegistryRule = {
  id: 'duplicate-jobid',
  scope: 'registry',
  severity: 'error',
  description:
    'Each ingestion_jobid names one contract; two files with the same id are reported at both places.',
  check(files, report) {
    const byId = new Map<string, FileSummary[]>();
    for (const f of files) {
      if (f.jobId === undefined) continue;
      const key = f.jobId.toLowerCase();
      const group = byId.get(key);
      if (group) group.push(f);
      else byId.set(key, [f]);
    }
    for (const group of byId.values()) {
      if (group.length < 2) continue;
      for (const f of group) {
        const others = group.filter((g) => g !== f).map((g) => `${g.file}:${g.line}`);
        report(f, {
          message: `ingestion_jobid "${f.jobId}" is also used by ${others.join(', ')}`,
          hint: 'give each job its own id (ids compare case-insensitively)',
        });
      }
    }
  },
};
