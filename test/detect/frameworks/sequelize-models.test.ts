import { describe, expect, it } from 'vitest';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { sequelizeExtractor } from '../../../src/detect/extractors/sequelize.js';
import { detectFixture, fixtureDir } from './js-fixture-repo.js';
import { fileChange, run, summary } from './change.js';

const model = (status: string, extra = '') => `module.exports = (sequelize, DataTypes) => {
  const Job = sequelize.define(
    'Job',
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      status: {
        type: DataTypes.STRING,
        allowNull: false,
        validate: { isIn: [[${status}]] },
        get() {
          return this.getDataValue('status');
        },
      },${extra}
    },
    {
      hooks: { beforeCreate: (job) => job },
    },
  );
  Job.prototype.done = function () { return this.status === 'done'; };
  return Job;
};
`;

describe('Sequelize models by effective schema', () => {
  it('reports nothing for validators, accessors, hooks or methods', () => {
    const path = 'server/models/job.js';
    expect(run(sequelizeExtractor, path, model("'new'"), model("'new', 'done'"))).toEqual([]);
    const hooks = model("'new'").replace(
      'beforeCreate: (job) => job',
      'beforeCreate: (job) => job, afterCreate: (j) => j',
    );
    expect(run(sequelizeExtractor, path, model("'new'"), hooks)).toEqual([]);
  });

  it('reports a column added or changed, with its name', () => {
    const path = 'server/models/job.js';
    const added = run(
      sequelizeExtractor,
      path,
      model("'new'"),
      model("'new'", '\n      step: { type: DataTypes.DOUBLE },'),
    );
    expect(added).toMatchObject([{ table: '"Jobs"', kind: 'alter', detail: 'add-column', column: 'step' }]);
    const nullable = model("'new'").replace('allowNull: false', 'allowNull: true');
    expect(summary(run(sequelizeExtractor, path, model("'new'"), nullable))).toEqual(['"Jobs" alter']);
  });

  it("freezes table names when the project's global define options say so", () => {
    const path = 'server/models/job.js';
    const after = model("'new'", '\n      step: { type: DataTypes.DOUBLE },');
    const config = `module.exports = { production: { define: { freezeTableName: true } } };\n`;
    const repo = staticRepoContext({
      before: { 'server/config/config.js': config },
      after: { 'server/config/config.js': config },
    });
    const changes = sequelizeExtractor.extract(fileChange(path, model("'new'"), after), { repo });
    expect(summary(changes)).toEqual(['"Job" alter']);
  });

  it('recognises a migration by its calls on the up parameter, whatever its name, and ignores deleted ones', () => {
    const text = `const { DataTypes } = require('sequelize')
module.exports = {
  up: async (context) => {
    await context.addColumn('AuditLogs', 'source', { type: DataTypes.STRING })
  },
  down: async (context) => context.removeColumn('AuditLogs', 'source'),
}
`;
    expect(extractorFor('forge/db/migrations/20260714-01-x.js', text)?.id).toBe('sequelize');
    expect(summary(run(sequelizeExtractor, 'forge/db/migrations/20260714-01-x.js', undefined, text))).toEqual(
      ['"AuditLogs" alter'],
    );
    expect(run(sequelizeExtractor, 'forge/db/migrations/20260714-01-x.js', text, undefined)).toEqual([]);
  });

  it('reads names in SQL written with escaped backticks without stray spaces', () => {
    const text = `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.sequelize.query(\`CREATE INDEX \\\`ix\\\` ON \\\`t_option\\\` (\\\`a\\\`, \\\`b\\\`);\`);
  },
};
`;
    expect(summary(run(sequelizeExtractor, 'migrations/1-x.js', undefined, text))).toEqual([
      '`t_option` alter',
    ]);
  });

  // GladysAssistant/Gladys e390ffdf8a1ae3032f862eff667f01112357f3b6 (Apache-2.0): a migration adds
  // a column and rebuilds an index in SQL with escaped backticks; the model (define with the
  // table's name, freezeTableName in config/config.js) gains the column.
  it('names the model table through the project config and reads escaped SQL names (real commit)', async () => {
    const changes = await detectFixture(fixtureDir('sequelize', 'gladys-e390ffd'));
    expect([...new Set(changes.map((c) => c.table?.replace(/`/g, '')))]).toEqual([
      't_device_feature_supported_option',
    ]);
  });

  // sqlpad/sqlpad c8a1c799904d890662718a8fac3b7ddc501298be (MIT): only an isIn validator changes.
  it('reports nothing for a validator change in a model (real commit)', async () => {
    expect(await detectFixture(fixtureDir('sequelize', 'sqlpad-c8a1c79'))).toEqual([]);
  });

  // FlowFuse/flowfuse 19e0c9a407cf1a59e53a5c76a4a96dab22f9f6e3 (Apache-2.0): the migration's up
  // receives the query interface as `context`.
  it('reads a migration whose query interface is called context (real commit)', async () => {
    const changes = await detectFixture(fixtureDir('sequelize', 'flowfuse-19e0c9a'));
    expect(changes.map((c) => `${c.table} ${c.kind}`)).toEqual(['"AuditLogs" alter']);
  });
});
