import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { runCheck } from '../../../src/detect/check.js';
import { pgParserLoaded } from '../../../src/detect/sql/pg-parser.js';
import { contractYaml, withRepo, type Repo } from '../../check/git-repo.js';

/** A Postgres project with contracts on `public."apiKeys"` and `orders`, and an applied migration. */
function seed(repo: Repo) {
  repo.write('dcr.config.yaml', 'contracts: contracts\ncheck:\n  dialect: postgres\n');
  repo.write('contracts/keys.yaml', contractYaml('keys', ['public."apiKeys"']));
  repo.write('contracts/orders.yaml', contractYaml('orders', ['orders']));
  repo.write(
    'db/migrations/001_init.sql',
    'CREATE TABLE "apiKeys" (id int);\nCREATE TABLE orders (id int);\n',
  );
  repo.git('add', '.');
  repo.commit('init');
}

const check = (repo: Repo) =>
  runCheck({ cwd: repo.dir, loaded: loadConfig(repo.dir), source: { kind: 'staged' } });

// The tests run in order in one module: the parser is process-wide once loaded.
describe('runCheck with the PostgreSQL parser', () => {
  it('does not load the parser for a commit without SQL', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write('docs/notes.md', '# ALTER TABLE orders is only mentioned here\n');
      repo.write('src/app.ts', 'export const q = "UPDATE orders SET x = 1";\n');
      repo.git('add', '.');
      const result = await check(repo);
      expect(result.findings).toEqual([]);
      expect(pgParserLoaded()).toBe(false);
    });
  });

  it('loads it for a staged .sql migration and reports the tables it changes, quotes kept', async () => {
    await withRepo(async (repo) => {
      seed(repo);
      repo.write(
        'db/migrations/002_keys.sql',
        [
          '-- key hashes; orders is only read below',
          'ALTER TABLE "apiKeys" ADD COLUMN "keyHash" text;',
          'CREATE TABLE apikeys_audit (id int, key_id int REFERENCES "apiKeys"(id));',
          'INSERT INTO apikeys_audit SELECT id, id FROM orders;',
          'CREATE EVENT TRIGGER audit_ddl ON ddl_command_start EXECUTE FUNCTION audit();',
          '',
        ].join('\n'),
      );
      repo.git('add', '.');
      const result = await check(repo);
      expect(pgParserLoaded()).toBe(true);
      expect(result.findings.map((f) => [f.contract, f.table, f.file, f.line, f.change])).toEqual([
        ['keys', 'public."apiKeys"', 'db/migrations/002_keys.sql', 2, 'alter'],
      ]);
      expect(result.findings[0]!.evidence).toBe('ALTER TABLE "apiKeys" ADD COLUMN "keyHash" text;');
      expect(result.notices ?? []).toEqual([]);
    });
  });
});
