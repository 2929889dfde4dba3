import { describe, expect, it } from 'vitest';
import { selectList } from '../../../src/detect/extractors/dbt-columns.js';
import { dbtModelChanges } from '../../../src/detect/extractors/dbt-model.js';
import { fileChange } from './change.js';

const model = (cols: string, tail = "from {{ ref('stg_orders') }}\nwhere status != 'test'\n") =>
  `with orders as (\n    select * from {{ ref('stg_orders') }}\n)\n\nselect\n${cols}\n${tail}`;
const changes = (before: string, after: string) =>
  dbtModelChanges(fileChange('models/marts/orders.sql', before, after)).map((c) =>
    [c.kind, c.detail ?? null, c.column ?? null, c.side ?? 'after', c.line].join(' '),
  );

describe("a dbt model's output columns", () => {
  it('are read from the outer SELECT (after the CTEs), with aliases, quotes and qualified names', () => {
    const list = selectList(
      model('    o.id,\n    amount / 100 as dollars,\n    "Status",\n    created_at::date order_date'),
    );
    expect(list?.columns.map((c) => [c.name, c.key, c.line])).toEqual([
      ['id', 'id', 6],
      ['dollars', 'dollars', 7],
      ['Status', 'Status', 8],
      ['order_date', 'order_date', 9],
    ]);
    // A trailing comma (BigQuery, Snowflake, DuckDB) names no column; keyword case is no change.
    expect(selectList('select id, amount, from t')?.columns.map((c) => c.name)).toEqual(['id', 'amount']);
    expect(selectList('SELECT id FROM t')?.rest).toBe(selectList('select id from t')?.rest);
    for (const unknown of [
      '    *',
      '    o.*',
      "    {{ dbt_utils.star(ref('x')) }}",
      '    coalesce(a, b)',
      '    {% if x %} a, {% endif %} b',
    ])
      expect(selectList(model(unknown)), unknown).toBeUndefined();
  });

  it('added or dropped, and nothing else: each is a change of its own (a comma moved is not a change)', () => {
    const before = model('    id,\n    amount');
    expect(changes(before, model('    id,\n    amount,\n    currency'))).toEqual([
      'alter add-column currency after 8',
    ]);
    expect(changes(before, model('    id'))).toEqual(['alter drop-column amount before 7']);
    expect(changes(before, model('    id,\n    amount as total'))).toEqual([
      'alter add-column total after 7',
      'alter drop-column amount before 7',
    ]);
  });

  it('beside anything else that changed, the plain alter stays', () => {
    const before = model('    id,\n    amount');
    // A new column and a new filter; a changed expression; a reordering; a CTE whose columns the `*` hides.
    expect(
      changes(before, model('    id,\n    amount,\n    currency', "from {{ ref('stg_orders') }}\n")),
    ).toEqual(['alter   after 7', 'alter add-column currency after 8']);
    expect(changes(before, model('    id,\n    amount * 100 as amount'))).toEqual(['alter   after 7']);
    expect(changes(before, model('    amount,\n    id'))).toEqual(['alter   after 6']);
    const joined = (inner: string) =>
      `with o as (\n    select ${inner} from {{ ref('x') }}\n)\nselect * from o join {{ ref('y') }} using (id)\n`;
    expect(changes(joined('id, amount'), joined('id'))).toEqual(['alter   after 2']);
  });

  it("of `select * from final` are the CTE's, as dbt's style guide writes models", () => {
    const styled = (cols: string, where = '') =>
      `with source as (\n    select * from {{ source('shop', 'orders') }}\n),\n\nfinal as (\n    select\n${cols}\n    from source${where}\n)\n\nselect * from final\n`;
    expect(selectList(styled('        id,\n        amount'))?.columns.map((c) => c.name)).toEqual([
      'id',
      'amount',
    ]);
    expect(changes(styled('        id,\n        amount'), styled('        id'))).toEqual([
      'alter drop-column amount before 8',
    ]);
    expect(changes(styled('        id'), styled('        id', '\n    where id > 0'))).toEqual([
      'alter   after 9',
    ]);
    expect(selectList("select * from {{ ref('x') }}\n")).toBeUndefined();
  });
});
