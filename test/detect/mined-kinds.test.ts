import { describe, expect, it } from 'vitest';
import { labelClass, scoreKinds, type MinedCase, type MinedResult } from '../../src/detect/mined-corpus.js';

describe("the mined corpus's kinds", () => {
  it("maps the labellers' words to the guard's kinds, and leaves what it has no kind for", () => {
    const cases: [string, string | undefined][] = [
      ['add column', 'add-column'],
      ['add column with foreign key', 'add-column'],
      ['drop column', 'drop-column'],
      ['rename columns (model)', 'rename-column'],
      ['retype uuid column(s) to UUID (h2)', 'column-type'],
      ['alter column nullability', 'nullability'],
      ['set default / on update', 'default'],
      ['insert default row (x)', 'data'],
      ['drop/recreate unique index (OrioleDB only)', 'index'],
      ['drop/re-add foreign key', 'constraint'],
      ['create table (new model)', 'create'],
      ['model deleted (view no longer built)', 'drop'],
      ['rename table', 'rename'],
      ['update rows (backfill)', 'data'],
      ['drop and recreate (DROP TABLE IF EXISTS added)', undefined],
      ['replace view (security_invoker)', undefined],
      ['create policy + enable RLS', undefined],
      ['comment', undefined],
    ];
    expect(cases.map(([words]) => labelClass(words))).toEqual(cases.map(([, cls]) => cls));
  });

  it('counts a labelled change as agreeing only on the same table, file, kind and column', () => {
    const c = (changes: MinedCase['changes']): MinedCase => ({
      framework: 'rails',
      id: 'x',
      dir: '',
      repo: 'o/r',
      commit: '',
      selected: 'schema',
      tables: [],
      files: [],
      changes,
    });
    const result = (changes: MinedCase['changes'], seen: MinedResult['seen']): MinedResult => ({
      c: c(changes),
      expected: new Set(),
      found: new Set(),
      grep: new Set(),
      ms: 0,
      seen,
    });
    const scores = scoreKinds([
      // Same kind and one of the labelled columns.
      result(
        [{ table: 'public.orders', kind: 'drop column', column: 'a, "B" (old)', file: 'm.rb' }],
        [{ tables: ['orders'], file: 'm.rb', kind: 'drop-column', column: 'b' }],
      ),
      // Only a bare alter.
      result(
        [{ table: 'orders', kind: 'add column', column: 'c', file: 'm.rb' }],
        [{ tables: ['orders'], file: 'm.rb', kind: 'alter' }],
      ),
      // Another file: not found, not counted. A kind the guard has none for: not counted.
      result(
        [
          { table: 'orders', kind: 'add index', file: 'other.rb' },
          { table: 'orders', kind: 'comment', file: 'm.rb' },
        ],
        [{ tables: ['orders'], file: 'm.rb', kind: 'index' }],
      ),
    ]);
    expect(scores.find((s) => s.framework === 'all')).toEqual({
      framework: 'all',
      found: 2,
      same: 1,
      bare: 1,
      columns: 2,
      sameColumn: 1,
    });
  });
});
