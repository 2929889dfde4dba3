import { describe, expect, it } from 'vitest';
import { sequelizeExtractor } from '../../../src/detect/extractors/sequelize.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from './change.js';
import { checkMigration, codes } from './drop-column-cli.js';

const PATH = 'migrations/20240501000000-reshape-orders.js';

const reshape = `'use strict';

const TABLE = 'orders';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn(TABLE, 'note', { type: Sequelize.STRING, allowNull: true });
    await queryInterface.removeColumn('orders', 'legacy');
    await queryInterface.renameColumn('orders', 'total', 'grand_total');
    await queryInterface.changeColumn('orders', 'amount', {
      type: Sequelize.DECIMAL(12, 2),
      allowNull: false,
    });
    await queryInterface.addColumn({ tableName: 'carts', schema: 'sales' }, 'token', Sequelize.STRING);
    await queryInterface.addIndex('orders', ['state'], { name: 'orders_state_idx' });
    await queryInterface.removeIndex('orders', 'orders_state_idx');
    await queryInterface.addConstraint('orders', {
      fields: ['code'],
      type: 'unique',
      name: 'orders_code_key',
    });
    await queryInterface.removeConstraint('orders', 'orders_code_key');
    await queryInterface.removeColumn('orders', columnName);
  },

  async down(queryInterface) {
    await queryInterface.removeColumn(TABLE, 'note');
  },
};
`;

const detailOf = (c: TableChange): string =>
  `${c.line} ${c.table} ${c.kind} ${c.detail ?? '-'} ${c.column ?? '-'}`;

describe('sequelize extractor: what each query interface alter changes', () => {
  it('gives every call its detail and column', () => {
    expect(run(sequelizeExtractor, PATH, undefined, reshape).map(detailOf)).toEqual([
      '7 orders alter add-column note',
      '8 orders alter drop-column legacy',
      '9 orders alter rename-column total',
      '10 orders alter column-type amount',
      '14 sales.carts alter add-column token',
      // addIndex and removeIndex, addConstraint and removeConstraint: one change each of the table.
      '15 orders alter index -',
      '17 orders alter constraint -',
      // A column name held in a variable: an alter dcr cannot tell.
      '23 orders alter - -',
    ]);
  });

  it('through dcr check: a removed column is DCR-B108, and blocks when the contract lists it', async () => {
    const text = `'use strict';

module.exports = {
  up: async (queryInterface) => {
    await queryInterface.removeColumn('orders', 'note');
  },
  down: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn('orders', 'note', Sequelize.STRING);
  },
};
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
