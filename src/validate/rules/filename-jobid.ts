import { basename, extname } from 'node:path';
import type { FileRule } from '../rule.js';
import { stringField } from '../rule.js';

export const filenameJobId: FileRule = {
  id: 'filename-jobid',
  scope: 'file',
  severity: 'warning',
  description: 'A contract file is named after its ingestion_jobid, so people find it by name.',
  check(f, report) {
    const id = stringField(f.data, 'ingestion_jobid');
    if (id === undefined) return;
    const stem = basename(f.file, extname(f.file));
    if (stem !== id) {
      report(f, ['ingestion_jobid'], {
        message: `file name "${basename(f.file)}" does not match ingestion_jobid "${id}"`,
        hint: `rename the file to ${id}${extname(f.file)}`,
      });
    }
  },
};
