// Invalid contracts are named by file and line, by `dcr site build` and by `dcr serve` at start
// and on every rebuild (the real processes; a contract broken while serving included).
import { afterEach, describe, expect, it } from 'vitest';
import type { TempRepo } from '../helpers/git-repo.js';
import { runDcr } from '../helpers/run-dcr.js';
import { catalogRepo, NOW } from '../site/catalog-repo.js';
import { ServeProcess, until } from './serve-process.js';

describe('contracts left out of the catalog', () => {
  let repo: TempRepo | undefined;
  let server: ServeProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    repo?.remove();
    server = undefined;
    repo = undefined;
  });

  it('`dcr site build` names each error by file, line and column', () => {
    repo = catalogRepo();
    repo.write('contracts/broken.yaml', 'ingestion_jobid: broken\nsource_host: h\n');
    const r = runDcr(['site', 'build', '--now', NOW], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: 1 contract file has errors and is left out; run `dcr validate`');
    expect(r.stderr).toMatch(/^ {2}contracts\/broken\.yaml:1:1 {2}\S+ {2}.*source_db/m);
    const json = JSON.parse(
      runDcr(['site', 'build', '--now', NOW, '--format', 'json'], { cwd: repo.dir }).stdout,
    );
    expect(json.skipped).toBe(1);
    expect(json.invalid[0]).toMatchObject({ file: 'contracts/broken.yaml', line: 1, severity: 'error' });
  });

  it('`dcr serve` names them at start and again on every rebuild, a contract broken meanwhile too', async () => {
    repo = catalogRepo();
    repo.write('contracts/broken.yaml', 'ingestion_jobid: broken\n');
    server = await new ServeProcess(repo.dir, ['--now', NOW]).ready();
    const s = server;
    expect(s.log.filter((l) => l.startsWith('  contracts/broken.yaml:1:1 ')).length).toBeGreaterThan(0);
    // A valid contract breaks on line 3 while the server runs.
    repo.write(
      'contracts/customers_mysql.yaml',
      'ingestion_jobid: customers_mysql\nsource_host: crm-db.internal\nsource_db: [not, a, name]\ningestion_type: full\nsource_owner: crm@example.com\ningestion_owner: data-eng@example.com\n',
    );
    await until(() => s.rebuilds().length >= 1);
    // The heading comes first and its lines after it: wait for the last of them (a busy machine
    // may print them a moment apart).
    const heading = (l: string) => l.includes('2 contract files have errors');
    const afterHeading = () => (s.log.some(heading) ? s.log.slice(s.log.findIndex(heading)) : []);
    await until(() => afterHeading().some((l) => l.startsWith('  contracts/customers_mysql.yaml:')));
    const after = afterHeading();
    expect(after).toContainEqual(expect.stringMatching(/^ {2}contracts\/broken\.yaml:1:1 /));
    expect(after).toContainEqual(
      expect.stringMatching(/^ {2}contracts\/customers_mysql\.yaml:3:\d+ .*source_db/),
    );
    expect((await s.health()).contracts).toBe(4);
  });
});
