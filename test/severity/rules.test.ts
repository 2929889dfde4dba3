import { describe, expect, it } from 'vitest';
import { alterActions } from '../../src/detect/sql/alter-detail.js';
import { newTypeOf, nullabilityOf, widens } from '../../src/severity/column-facts.js';
import { actionOf, parsePolicy, policyStrength } from '../../src/severity/policy.js';

describe('what an SQL alter does, action by action', () => {
  it.each([
    ['ALTER TABLE public.t ADD COLUMN note text;', [{ detail: 'add-column', column: 'note' }]],
    ['ALTER TABLE t DROP COLUMN IF EXISTS "Old";', [{ detail: 'drop-column', column: 'Old' }]],
    ['ALTER TABLE t RENAME COLUMN a TO b', [{ detail: 'rename-column', column: 'a', columnTo: 'b' }]],
    ['ALTER TABLE `t` CHANGE `a` `b` int', [{ detail: 'rename-column', column: 'a', columnTo: 'b' }]],
    ['ALTER TABLE t MODIFY a bigint NOT NULL', [{ detail: 'column-type', column: 'a' }]],
    ['ALTER TABLE [dbo].[t] ALTER COLUMN [a] bigint', [{ detail: 'column-type', column: 'a' }]],
    ['ALTER TABLE t ALTER COLUMN a SET DEFAULT now()', [{ detail: 'default', column: 'a' }]],
    ['CREATE UNIQUE INDEX ix ON t (a)', [{ detail: 'index' }]],
    ['ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id)', [{ detail: 'constraint' }]],
    [
      'ALTER TABLE t ADD b int, DROP COLUMN c, ADD CONSTRAINT u UNIQUE (b, d)',
      [
        { detail: 'add-column', column: 'b' },
        { detail: 'drop-column', column: 'c' },
        { detail: 'constraint' },
      ],
    ],
    ['ALTER TABLE t OWNER TO bob', []],
    ['ALTER TABLE t RENAME TO u', []],
  ])('%s', (sql, actions) => {
    expect(alterActions(sql)).toEqual(actions);
  });
});

describe('column facts read from the evidence', () => {
  it('reads the new type, and tells a widening from a narrowing', () => {
    expect(newTypeOf('ALTER TABLE t ALTER COLUMN amount TYPE bigint USING amount::bigint;', 'amount')).toBe(
      'bigint',
    );
    expect(newTypeOf('ALTER TABLE t ALTER COLUMN amount SET DATA TYPE numeric(12,2);', 'amount')).toBe(
      'numeric(12,2)',
    );
    expect(newTypeOf('change_column :orders, :amount, :bigint', 'amount')).toBe('bigint');
    expect(widens('integer', 'bigint')).toBe(true);
    expect(widens('varchar(64)', 'text')).toBe(true);
    expect(widens('varchar(64)', 'varchar(32)')).toBe(false);
    expect(widens('numeric(10,2)', 'numeric(12,2)')).toBe(true);
    expect(widens('numeric(10,2)', 'numeric(10,3)')).toBe(false);
    expect(widens('bigint', 'integer')).toBe(false);
    expect(widens('integer', 'text')).toBe(false);
  });
  it('tells which way nullability goes', () => {
    expect(nullabilityOf('ALTER TABLE t ALTER COLUMN a DROP NOT NULL')).toBe('nullable');
    expect(nullabilityOf('ALTER TABLE t ALTER COLUMN a SET NOT NULL')).toBe('not-null');
    expect(nullabilityOf('change_column_null :t, :a, true')).toBe('nullable');
    expect(nullabilityOf("migrations.AlterField('t', 'a', models.IntegerField(null=True))")).toBe('nullable');
    expect(nullabilityOf('something else')).toBeUndefined();
  });
});

describe('policies', () => {
  it('reads every documented form and refuses others with a hint', () => {
    expect(parsePolicy('block')).toBe('block');
    expect(parsePolicy({ block: 'breaking', warn: 'risky' })).toEqual({ block: 'breaking', warn: 'risky' });
    expect(parsePolicy('block=breaking,warn=risky')).toEqual({ block: 'breaking', warn: 'risky' });
    expect(parsePolicy('block:risky')).toEqual({ block: 'risky' });
    for (const bad of ['stop', 'block=fatal', 'block=breaking,block=risky', {}, { deny: 'info' }, 3])
      expect(parsePolicy(bad)).toMatchObject({
        error: expect.stringContaining('a policy is'),
        hint: expect.any(String),
      });
  });
  it('block and warn keep their meaning; thresholds sort by severity', () => {
    for (const s of ['breaking', 'risky', 'info'] as const) {
      expect(actionOf('block', s)).toBe('block');
      expect(actionOf('warn', s)).toBe('warn');
    }
    const p = { block: 'breaking', warn: 'risky' } as const;
    expect([actionOf(p, 'breaking'), actionOf(p, 'risky'), actionOf(p, 'info')]).toEqual([
      'block',
      'warn',
      'info',
    ]);
    expect(actionOf({ block: 'breaking' }, 'info')).toBe('warn');
    expect(policyStrength('block')).toEqual([2, 2, 2]);
    expect(policyStrength({ block: 'breaking', warn: 'risky' })).toEqual([2, 1, 0]);
  });
});
