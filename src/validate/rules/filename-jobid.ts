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
    // `orders.odcs.yaml` is the ODCS file of job `orders`.
    const ext = /\.odcs\.ya?ml$/i.exec(f.file)?.[0] ?? extname(f.file);
    const name = basename(f.file);
    const stem = ext ? name.slice(0, -ext.length) : name;
    if (stem !== id) {
      report(f, ['ingestion_jobid'], {
        message: `file name "${name}" does not match ingestion_jobid "${id}"`,
        hint: `rename the file to ${id}${ext}`,
      });
    }
  },
};
