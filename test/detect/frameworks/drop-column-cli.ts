import { join } from 'node:path';
import type { CheckResult } from '../../../src/detect/types.js';
import { GIT_ENV, makeRepo, withTemp } from '../../check/git-repo.js';
import { runDcr } from '../../helpers/run-dcr.js';

/** What `dcr check` said about a commit that adds one migration. */
export interface CheckRun {
  code: number;
  stderr: string;
  result: CheckResult;
}

/**
 * Runs the built `dcr check --base HEAD~1 --head HEAD --format json` in a real temporary
 * repository whose last commit adds the migration at `path`, against a contract on `table`:
 * `columns` listed (with `policy: { block: breaking }`) or not (default policy).
 */
export function checkMigration(
  path: string,
  text: string,
  table: string,
  columns?: readonly string[],
): Promise<CheckRun> {
  return withTemp((root) => {
    const repo = makeRepo(join(root, 'repo'));
    const source = columns ? `{ name: ${table}, columns: [${columns.join(', ')}] }` : table;
    repo.write(
      'contracts/orders_job.yaml',
      [
        'ingestion_jobid: orders_job',
        'source_host: db.example.com',
        'source_db: shop',
        'ingestion_type: full',
        'ingestion_frequency_minutes: 60',
        'source_owner: src@example.com',
        'ingestion_owner: eng@example.com',
        `source_tables: [${source}]`,
        ...(columns ? ['policy: { block: breaking }'] : []),
        '',
      ].join('\n'),
    );
    repo.git('add', '-A');
    repo.commit('contracts');
    repo.write(path, text);
    repo.git('add', '-A');
    repo.commit('migration');
    const r = runDcr(['check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
      cwd: repo.dir,
      env: GIT_ENV,
    });
    if (!r.stdout.startsWith('{')) throw new Error(`dcr check printed no JSON (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, stderr: r.stderr, result: JSON.parse(r.stdout) as CheckResult };
  });
}

/** The findings of a run as `code kind column` lines, sorted. */
export const codes = (run: CheckRun): string[] =>
  run.result.findings.map((f) => `${f.code} ${f.kind} ${f.column ?? '-'}`).sort();
