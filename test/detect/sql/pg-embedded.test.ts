import { describe, expect, it } from 'vitest';
import { excludeMatcher } from '../../../src/detect/changes/exclude.js';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { pgParserLoaded } from '../../../src/detect/sql/pg-parser.js';
import { withRepo } from '../../check/git-repo.js';

// One module, in order: the parser is process-wide once loaded.
describe('embedded SQL and the PostgreSQL parser', () => {
  it('loads the parser for a diff whose only schema file embeds SQL (no .sql file alongside)', async () => {
    expect(pgParserLoaded()).toBe(false);
    await withRepo(async (repo) => {
      repo.write('README.md', '# app\n');
      repo.git('add', '.');
      const base = repo.commit('init');
      repo.write(
        'db/migrate/20240101000000_backfill.rb',
        [
          'class Backfill < ActiveRecord::Migration[7.1]',
          '  def up',
          '    execute "UPDATE orders SET total = s.total FROM staging s WHERE orders.id = s.id"',
          '  end',
          'end',
          '',
        ].join('\n'),
      );
      repo.git('add', '.');
      const head = repo.commit('backfill');
      const found = await detectTableChanges(
        repo.dir,
        { kind: 'trees', from: base, to: head },
        { excluded: excludeMatcher() },
      );
      expect(pgParserLoaded()).toBe(true);
      expect(found.changes.map((c) => `${c.table} ${c.kind}`)).toEqual(['orders data']);
    });
  });
});
