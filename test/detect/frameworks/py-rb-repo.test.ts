import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesOfFixture, tablesOf } from './fixture-repo.js';

describe('alembic and rails in a real repository', () => {
  // CTFd/CTFd 0f52be35 (Apache-2.0): a plugin revision whose upgrade(op=None) never imports alembic.
  it('recognises an alembic revision by its header', async () => {
    const changes = await changesOfFixture(join(import.meta.dirname, 'alembic', 'ctfd-0f52be3'));
    expect(tablesOf(changes)).toEqual(['dynamic_challenge']);
  }, 20_000);

  // TheOdinProject/theodinproject f9ece18b (MIT): a migration drops a table; schema.rb is re-dumped
  // from a developer database (column order, a stray column on another table).
  it('leaves a re-dumped schema.rb to the migrations it records', async () => {
    const changes = await changesOfFixture(join(import.meta.dirname, 'rails', 'theodinproject-f9ece18'));
    expect(tablesOf(changes)).toEqual(['path_prerequisites']);
  }, 20_000);
});
