import type { CheckResult } from '../../../src/detect/types.js';
import { contractYaml, GIT_ENV, withRepo } from '../../check/git-repo.js';
import { runDcr } from '../../helpers/run-dcr.js';

/** What `dcr check --base HEAD~1 --head HEAD --format json` says of one migration commit. */
export interface GuardRun {
  code: number;
  findings: Array<{ code: string; kind: string; column?: string; table: string }>;
}

/**
 * Commits the contracts of job `orders` (on `table`, with `columns` listed when given, and
 * `policy: { block: breaking }`) and `setup` files, then `path` with `text` in a second commit,
 * and runs the built `dcr check` over that commit in a real temporary repository.
 */
export function guardRun(
  table: string,
  columns: string[] | undefined,
  files: { setup?: Record<string, string>; path: string; text: string },
): Promise<GuardRun> {
  return withRepo((repo) => {
    const tables = columns ? [`{ name: ${table}, columns: [${columns.join(', ')}] }`] : [table];
    const yaml = contractYaml('orders', []).replace(
      /source_tables: .*/,
      `source_tables: [${tables.join(', ')}]\npolicy: { block: breaking }`,
    );
    repo.write('contracts/orders.yaml', yaml);
    for (const [p, t] of Object.entries(files.setup ?? {})) repo.write(p, t);
    repo.git('add', '-A');
    repo.commit('contracts');
    repo.write(files.path, files.text);
    repo.git('add', '-A');
    repo.commit('migration');
    const r = runDcr(['check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], {
      cwd: repo.dir,
      env: GIT_ENV,
    });
    if (r.code === 2) throw new Error(`dcr check failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as CheckResult;
    return {
      code: r.code,
      findings: out.findings.map((f) => ({
        code: f.code,
        kind: f.kind,
        table: f.table,
        ...(f.column !== undefined ? { column: f.column } : {}),
      })),
    };
  });
}
