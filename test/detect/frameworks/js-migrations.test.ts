import { describe, expect, it } from 'vitest';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { knexExtractor } from '../../../src/detect/extractors/knex.js';
import { sequelizeExtractor } from '../../../src/detect/extractors/sequelize.js';
import { typeormExtractor } from '../../../src/detect/extractors/typeorm.js';
import { run, summary } from './change.js';

const knexFile = `exports.up = async (knex) => {
  await knex.schema.withSchema('sales').createTable('apiKeys', (t) => t.string('key'));
  await knex('orders').where({ id: 1 }).update({ state: 'x' });
  const rows = await knex('users').select('id');
};
exports.down = (knex) => knex.schema.dropTable('apiKeys');
`;

const typeormFile = `import { MigrationInterface, QueryRunner } from "typeorm";
export class X1 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" ADD "age" integer\`);
    await queryRunner.renameTable("post", "article");
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "user"\`);
  }
}
`;

const sequelizeFile = `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.createTable('Tokens', { id: Sequelize.INTEGER });
    await queryInterface.bulkInsert('settings', [{ key: 'a' }]);
  },
  down: async (queryInterface) => queryInterface.dropTable('Tokens'),
};
`;

describe('JS/TS migration extractors', () => {
  it('tell Knex, TypeORM and Sequelize migrations apart by their text', () => {
    expect(extractorFor('migrations/1_x.js', knexFile)?.id).toBe('knex');
    expect(extractorFor('src/migrations/1-X.ts', typeormFile)?.id).toBe('typeorm');
    expect(extractorFor('migrations/1-x.js', sequelizeFile)?.id).toBe('sequelize');
    expect(extractorFor('src/app.ts', 'knex("orders").update({})')).toBeUndefined();
  });

  it('knex: schema builders with withSchema, query-builder writes, not reads or down', () => {
    expect(summary(run(knexExtractor, 'migrations/1_x.js', undefined, knexFile))).toEqual([
      'orders data',
      'sales."apiKeys" create',
    ]);
  });

  it('typeorm: queryRunner SQL and API calls of up', () => {
    expect(summary(run(typeormExtractor, 'src/migrations/1-X.ts', undefined, typeormFile))).toEqual([
      '"user" alter',
      'post rename -> article',
    ]);
  });

  it('sequelize: queryInterface calls, mixed-case tables quoted', () => {
    expect(summary(run(sequelizeExtractor, 'migrations/1-x.js', undefined, sequelizeFile))).toEqual([
      '"Tokens" create',
      'settings data',
    ]);
  });

  it('typeorm entities and sequelize models: the class body changed is an alter of the mapped table', () => {
    const entity = `import { Entity, Column } from 'typeorm';\n@Entity()\nexport class OrderLine {\n  @Column()\n  qty: number;\n}\n`;
    expect(
      summary(
        run(
          typeormExtractor,
          'src/order-line.entity.ts',
          entity,
          entity.replace('qty: number', 'qty: string'),
        ),
      ),
    ).toEqual(['order_line alter']);
    const model = `const { Model } = require('sequelize');\nclass Person extends Model {}\nPerson.init({ name: DataTypes.STRING }, { sequelize });\n`;
    expect(
      summary(run(sequelizeExtractor, 'models/person.js', model, model.replace('STRING', 'TEXT'))),
    ).toEqual(['"People" alter']);
  });
});
