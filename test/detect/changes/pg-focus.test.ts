import { describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { excludeMatcher } from '../../../src/detect/changes/exclude.js';
import { concerns, focusOn, pgParserLoaded } from '../../../src/detect/sql/pg-parser.js';
import { TempRepo } from '../../helpers/git-repo.js';

const tablesOf = (changes: { table: string | null }[]) => [...new Set(changes.map((c) => c.table))].sort();

describe('the change guard reads SQL with PostgreSQL’s grammar only where a contracted name may be', () => {
  it('a statement concerns the focus when it names a word of a contracted table, or reaches a table without naming it', () => {
    const focus = focusOn(['orders', 'Line_Items']);
    expect(concerns(focus, 'ALTER TABLE shop.orders ADD COLUMN note text')).toBe(true);
    expect(concerns(focus, 'ALTER TABLE "ORDERS" ADD COLUMN note text')).toBe(true); // quoted, any case
    expect(concerns(focus, "EXECUTE format('TRUNCATE %I', 'line_items')")).toBe(true); // dynamic SQL
    expect(concerns(focus, 'DROP INDEX orders_note_idx')).toBe(true);
    expect(concerns(focus, 'DROP INDEX app_idx')).toBe(true); // its table is found elsewhere
    expect(concerns(focus, 'DROP SCHEMA legacy CASCADE')).toBe(true);
    expect(concerns(focus, 'ALTER TABLE customers ADD COLUMN note text')).toBe(false);
    expect(concerns(focus, 'CREATE INDEX app_name ON app (name)')).toBe(false);
    expect(concerns(focus, 'ALTER TABLE orders_archive ADD COLUMN x int')).toBe(false); // another word
  });

  it('finds the same changes to the focused tables as a full reading, and never loads the parser for a diff that names none', async () => {
    const repo = new TempRepo();
    try {
      repo.write(
        'db/migrate/001_init.sql',
        'CREATE TABLE orders (id int);\nCREATE INDEX orders_id ON orders (id);\n',
      );
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', 'init');
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.write(
        'db/migrate/002_other.sql',
        'ALTER TABLE customers ADD COLUMN note text;\nCREATE TABLE app (id int);\n',
      );
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', 'other tables');
      const other = repo.git('rev-parse', 'HEAD').trim();
      const target = (from: string, to: string) => ({ kind: 'trees' as const, from, to });

      const focused = await detectTableChanges(repo.dir, target(base, other), {
        excluded: excludeMatcher(),
        focus: async () => focusOn(['orders']),
      });
      expect(tablesOf(focused.changes)).toEqual(['app', 'customers']); // still read, by the tokenizer
      expect(pgParserLoaded()).toBe(false);

      repo.write(
        'db/migrate/003_orders.sql',
        "ALTER TABLE orders ADD COLUMN note text;\nDROP INDEX orders_id;\nUPDATE orders SET note = 'x' FROM customers WHERE orders.id = customers.id;\n",
      );
      repo.git('add', '.');
      repo.git('commit', '-q', '-m', 'orders');
      const head = repo.git('rev-parse', 'HEAD').trim();
      const withFocus = await detectTableChanges(repo.dir, target(other, head), {
        excluded: excludeMatcher(),
        focus: async () => focusOn(['orders']),
      });
      expect(pgParserLoaded()).toBe(true);
      const full = await detectTableChanges(repo.dir, target(other, head), { excluded: excludeMatcher() });
      const about = (changes: { table: string | null; kind: string; line: number }[]) =>
        changes
          .filter((c) => c.table === 'orders')
          .map((c) => `${c.line} ${c.kind}`)
          .sort();
      expect(about(withFocus.changes)).toEqual(about(full.changes));
      expect(about(withFocus.changes).length).toBeGreaterThanOrEqual(2); // the ALTER and the UPDATE at least
    } finally {
      repo.remove();
    }
  });
});
