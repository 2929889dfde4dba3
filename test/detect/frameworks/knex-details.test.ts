import { describe, expect, it } from 'vitest';
import { knexExtractor } from '../../../src/detect/extractors/knex.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from './change.js';
import { checkMigration, codes } from './drop-column-cli.js';

const PATH = 'migrations/20240501000000_reshape_orders.js';

const reshape = `const TABLE = 'orders';

exports.up = async function (knex) {
  await knex.schema.alterTable(TABLE, (t) => {
    t.string('note', 500).nullable();
    t.decimal('amount', 12, 2).notNullable().alter();
    t.integer('qty')
      .defaultTo(0)
      .alter();
    t.dropColumn('legacy');
    t.dropColumns('a', 'b');
    t.renameColumn('total', 'grand_total');
    t.timestamps(true, true);
    t.dropTimestamps();
    t.setNullable('email');
    t.dropNullable('phone');
    t.integer('customer_id').unsigned().references('id').inTable('customers');
    t.index(['state'], 'orders_state_idx');
    t.dropIndex(['state'], 'orders_state_idx');
    t.unique(['code']);
    t.dropUnique(['code']);
    t.foreign('seller_id').references('sellers.id');
    t.dropForeign('seller_id');
    t.primary(['id']);
    t.dropPrimary();
    t.check('?? > 0', ['qty'], 'qty_positive');
    t.dropColumn(columnName);
  });
  await knex.schema.withSchema('sales').table('carts', function (table) {
    table.timestamps(false, true, true);
  });
};

exports.down = async function (knex) {
  await knex.schema.alterTable(TABLE, (t) => {
    t.dropColumn('note');
  });
};
`;

const detailOf = (c: TableChange): string =>
  `${c.line} ${c.table} ${c.kind} ${c.detail ?? '-'} ${c.column ?? '-'}`;

describe('knex extractor: what each alterTable call changes', () => {
  it('gives every builder call its detail and column, one change per column', () => {
    expect(run(knexExtractor, PATH, undefined, reshape).map(detailOf)).toEqual([
      '5 orders alter add-column note',
      '6 orders alter column-type amount',
      '7 orders alter column-type qty',
      '10 orders alter drop-column legacy',
      '11 orders alter drop-column a',
      '11 orders alter drop-column b',
      '12 orders alter rename-column total',
      '13 orders alter add-column created_at',
      '13 orders alter add-column updated_at',
      '14 orders alter drop-column created_at',
      '14 orders alter drop-column updated_at',
      '15 orders alter nullability email',
      '16 orders alter nullability phone',
      '17 orders alter add-column customer_id',
      '18 orders alter index -',
      // unique, foreign and primary keys and checks: constraints of one table, reported once.
      '20 orders alter constraint -',
      // A column name held in a variable: an alter dcr cannot tell.
      '27 orders alter - -',
      '30 sales.carts alter add-column createdAt',
      '30 sales.carts alter add-column updatedAt',
    ]);
  });

  it('in an edited callback reports the changed call only', () => {
    const one = reshape.replace("t.renameColumn('total', 'grand_total');", "t.renameColumn('total', 'sum');");
    expect(run(knexExtractor, PATH, reshape, one).map(detailOf)).toEqual([
      '12 orders alter rename-column total',
    ]);
  });

  it('reads one-line callbacks and chains over several lines, with the call as evidence', () => {
    const text = `export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => t.dropColumn('attempts'));
  await knex.schema.table('runs', (table: Knex.AlterTableBuilder) => {
    table
      .string('label')
      .notNullable();
  });
}
`;
    const changes = run(knexExtractor, 'migrations/20240501000000_runs.ts', undefined, text);
    expect(changes.map(detailOf)).toEqual([
      '2 jobs alter drop-column attempts',
      '5 runs alter add-column label',
    ]);
    expect(changes[1]!.evidence).toBe(".string('label')");
  });

  it('through dcr check: a dropped column is DCR-B108, and blocks when the contract lists it', async () => {
    const text = `exports.up = (knex) =>
  knex.schema.alterTable('orders', (table) => {
    table.dropColumn('note');
  });

exports.down = (knex) =>
  knex.schema.alterTable('orders', (table) => {
    table.text('note');
  });
`;
    const open = await checkMigration(PATH, text, 'orders');
    expect(open.stderr).toBe('');
    expect(open.code).toBe(0);
    expect(codes(open)).toEqual(['DCR-B108 drop-column note']);
    const listed = await checkMigration(PATH, text, 'orders', ['id', 'note']);
    expect(codes(listed)).toEqual(['DCR-B103 drop-column note']);
    expect(listed.result.blocking).toBe(true);
    expect(listed.code).toBe(1);
  });
});
