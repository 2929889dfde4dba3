import { describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { withRepo } from '../../check/git-repo.js';

const MODEL = `module.exports = (sequelize, DataTypes) => {
  const feature = sequelize.define('t_feature', { id: { type: DataTypes.UUID, primaryKey: true }, name: DataTypes.STRING });
  return feature;
};
`;
const SERVICE = `module.exports = (sequelize, DataTypes) =>
  sequelize.define('t_service', { id: { type: DataTypes.UUID, primaryKey: true } });
`;
const INDEX = `const Sequelize = require('sequelize');
const config = require('../config/config');
const FeatureModel = require('./feature');
const ServiceModel = require('./service');
const sequelize = new Sequelize(config);
const models = {
  Feature: FeatureModel(sequelize, Sequelize),
  Service: ServiceModel(sequelize, Sequelize),
};
module.exports = { ...models, sequelize };
`;
const CONFIG = `module.exports = { dialect: 'sqlite', define: { freezeTableName: true } };\n`;
const MIGRATION = `const db = require('../models');

module.exports = {
  up: async () => {
    const service = await db.Service.findOne({ where: { name: 'camera' } });
    if (service === null) return;
    await db.Feature.create({ name: 'enabled', service_id: service.id });
  },
  down: async () => {},
};
`;

describe('a Sequelize migration that writes through the models', () => {
  it('writes the table of the model it creates rows in, not the ones it only reads', async () => {
    await withRepo(async (repo) => {
      repo.write('server/config/config.js', CONFIG);
      repo.write('server/models/index.js', INDEX);
      repo.write('server/models/feature.js', MODEL);
      repo.write('server/models/service.js', SERVICE);
      repo.git('add', '.');
      const base = repo.commit('models');
      repo.write('server/migrations/20260101-add-enabled-feature.js', MIGRATION);
      repo.git('add', '.');
      repo.commit('data migration');
      const { changes } = await detectTableChanges(
        repo.dir,
        { kind: 'trees', from: base, to: repo.git('rev-parse', 'HEAD').trim() },
        { excluded: () => false },
      );
      expect(changes.map((c) => [c.file, c.line, c.kind, c.table])).toEqual([
        ['server/migrations/20260101-add-enabled-feature.js', 7, 'data', 't_feature'],
      ]);
    });
  });
});
