import { describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { withRepo, type Repo } from '../../check/git-repo.js';

const migration = (body: string) => `'use strict';
module.exports = {
  up: async (queryInterface, Sequelize) => {
${body}
  },
  down: async () => {},
};
`;
const CREATE = `    await queryInterface.createTable('orders', { id: { type: Sequelize.INTEGER, primaryKey: true } });`;
const ADD = `    await queryInterface.addColumn('orders', 'note', { type: Sequelize.STRING });`;
const INDEX = `    await queryInterface.addIndex('orders', { fields: ['note'] });`;

const tablesOf = async (repo: Repo, from: string) => {
  const { changes } = await detectTableChanges(
    repo.dir,
    { kind: 'trees', from, to: repo.git('rev-parse', 'HEAD').trim() },
    { excluded: () => false },
  );
  return changes.map((c) => `${c.file}: ${c.kind} ${c.table}`);
};

describe('a squash of Sequelize migrations', () => {
  it('changes no table when deleted migrations are folded into the ones that remain', async () => {
    await withRepo(async (repo) => {
      repo.write('server/migrations/01-orders.js', migration(CREATE));
      repo.write('server/migrations/02-note.js', migration(ADD));
      repo.write('server/migrations/03-index.js', migration(INDEX));
      repo.git('add', '.');
      const base = repo.commit('three migrations');
      repo.git('rm', '-q', 'server/migrations/02-note.js', 'server/migrations/03-index.js');
      repo.write('server/migrations/01-orders.js', migration([CREATE, ADD, INDEX].join('\n')));
      repo.git('add', '.');
      repo.commit('consolidate migrations');
      expect(await tablesOf(repo, base)).toEqual([]);
    });
  });

  it('still reports a migration added beside the deletions, and an edit without any deletion', async () => {
    await withRepo(async (repo) => {
      repo.write('server/migrations/01-orders.js', migration(CREATE));
      repo.write('server/migrations/02-note.js', migration(ADD));
      repo.git('add', '.');
      const base = repo.commit('two migrations');
      repo.git('rm', '-q', 'server/migrations/02-note.js');
      repo.write('server/migrations/01-orders.js', migration([CREATE, ADD].join('\n')));
      // Unlike the deleted file (git would otherwise pair them as a rename).
      repo.write(
        'server/migrations/03-drop.js',
        `module.exports.up = async function dropOrders(queryInterface) {\n  // orders moved to the billing service\n  await queryInterface.dropTable('orders');\n};\nmodule.exports.down = async function restore() {\n  throw new Error('irreversible');\n};\n`,
      );
      repo.git('add', '.');
      repo.commit('squash and a new migration');
      expect(await tablesOf(repo, base)).toEqual([
        'server/migrations/01-orders.js: alter orders',
        'server/migrations/03-drop.js: drop orders',
      ]);
      const second = repo.git('rev-parse', 'HEAD').trim();
      repo.write('server/migrations/01-orders.js', migration([CREATE, ADD, INDEX].join('\n')));
      repo.git('add', '.');
      repo.commit('edit an applied migration');
      expect(await tablesOf(repo, second)).toEqual(['server/migrations/01-orders.js: alter orders']);
    });
  });
});
