// `dcr serve` under change, as a real process: the contracts folder removed and recreated, a
// checkout's burst of changes, requests during swaps of builds, and a build that stalls or dies.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempRepo } from '../helpers/git-repo.js';
import { catalogRepo, NOW } from '../site/catalog-repo.js';
import { ServeProcess, until } from './serve-process.js';

const contract = (id: string, description = 'A job.') => `ingestion_jobid: ${id}
description: ${description}
source_host: ${id}-db.internal
source_db: shop
source_tables: [public.${id}]
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: dev@example.com
ingestion_owner: data-eng@example.com
`;

describe('dcr serve under change', () => {
  let repo: TempRepo | undefined;
  let server: ServeProcess | undefined;
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    server = await new ServeProcess(repo!.dir, ['--now', NOW], env).ready();
    return server;
  };
  afterEach(async () => {
    await server?.stop();
    repo?.remove();
    server = undefined;
    repo = undefined;
  });

  it('warns about contracts left out, at start and on every rebuild, as `dcr site build` does', async () => {
    repo = catalogRepo();
    repo.write('contracts/broken.yaml', 'ingestion_jobid: broken\n');
    const s = await start();
    expect(s.log).toContain('warning: 1 contract file has errors and is left out; run `dcr validate`');
    repo.write('contracts/broken2.yaml', 'source_host: [\n');
    await until(() =>
      s.log.includes('warning: 2 contract files have errors and are left out; run `dcr validate`'),
    );
    expect(s.rebuilds()).toEqual(['rebuilt: 5 contracts']);
    expect((await s.health()).contracts).toBe(5);
  });

  it('keeps serving while its folder is removed, and follows the folder that replaces it', async () => {
    repo = catalogRepo();
    const s = await start();
    const contracts = join(repo.dir, 'contracts');
    rmSync(contracts, { recursive: true });
    await until(() => s.log.some((l) => l.includes('is gone; still serving the last build')));
    expect((await s.get('contracts/orders_postgres.html')).status).toBe(200);
    expect((await s.health()).contracts).toBe(5);

    // Recreated (a branch switch): rebuilt from the new folder.
    mkdirSync(contracts);
    writeFileSync(join(contracts, 'new_job.yaml'), contract('new_job'));
    await until(async () => (await s.health()).contracts === 1);
    expect((await s.get('contracts/new_job.html')).status).toBe(200);
    // The new folder is watched: a change inside it is seen.
    writeFileSync(join(contracts, 'second_job.yaml'), contract('second_job'));
    await until(async () => (await s.health()).contracts === 2);

    // Renamed over by another folder.
    const next = join(repo.dir, 'next');
    mkdirSync(next);
    writeFileSync(join(next, 'third_job.yaml'), contract('third_job'));
    renameSync(contracts, join(repo.dir, 'old'));
    renameSync(next, contracts);
    await until(async () => (await s.get('contracts/third_job.html')).status === 200);
    expect((await s.health()).contracts).toBe(1);
    writeFileSync(join(contracts, 'fourth_job.yaml'), contract('fourth_job'));
    await until(async () => (await s.health()).contracts === 2);
    // Changes in the renamed-away folder are not the catalog's business any more.
    expect((await s.get('contracts/orders_postgres.html')).status).toBe(404);
  });

  it("rebuilds once for a checkout's burst of changes", async () => {
    repo = catalogRepo();
    repo.git('checkout', '-q', '-b', 'many');
    repo.git('rm', '-q', 'contracts/old_ledger.yaml');
    for (let i = 0; i < 150; i++) repo.write(`contracts/many_${i}.yaml`, contract(`many_${i}`));
    repo.write('contracts/orders_postgres.yaml', contract('orders_postgres', 'Changed on the branch.'));
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'many contracts');
    repo.git('checkout', '-q', 'main');
    const s = await start();

    repo.git('checkout', '-q', 'many');
    await until(async () => (await s.health()).contracts === 154);
    // A later change, to know that nothing of the checkout was still pending.
    repo.write('contracts/sentinel.yaml', contract('sentinel'));
    await until(() => s.rebuilds().includes('rebuilt: 155 contracts'));
    expect(s.rebuilds()).toEqual(['rebuilt: 154 contracts', 'rebuilt: 155 contracts']);
    expect((await s.get('contracts/orders_postgres.html')).text).toContain('Changed on the branch.');
  });

  it('never answers 404 for a page that exists while builds are swapped', async () => {
    repo = catalogRepo();
    const temp = join(repo.dir, '.tmp'); // the server's private folder of builds
    mkdirSync(temp);
    const s = await start({ TMPDIR: temp });
    const pages = [
      'index.html',
      'contracts/orders_postgres.html',
      'contracts/orders_postgres.json',
      'people/dev-team@example.com.html',
      'tables/orders.html',
      'search/manifest.json',
      'assets/engine.js',
      'registry.json',
    ];
    const statuses = new Map<string, number>();
    let done = false;
    let requests = 0;
    const hammer = async () => {
      for (let i = 0; !done; i++) {
        const page = pages[i % pages.length]!;
        const { status } = await s.get(page);
        requests++;
        if (status !== 200) statuses.set(page, status);
      }
    };
    const clients = [hammer(), hammer(), hammer()];
    for (let round = 1; round <= 6; round++) {
      repo.write('contracts/customers_mysql.yaml', contract('customers_mysql', `Round ${round}.`));
      await until(() => s.rebuilds().length === round);
      await until(() => requests >= round * 20); // requests also ran across this swap
    }
    done = true;
    await Promise.all(clients);
    expect(statuses).toEqual(new Map());
    expect((await s.get('contracts/customers_mysql.html')).text).toContain('Round 6.');
    // Replaced builds are removed once their requests are over: only the one online is left.
    const builds = () => readdirSync(join(temp, readdirSync(temp)[0]!));
    await until(() => builds().length === 1);
    expect(builds()).toEqual(['build-7']);
  });

  it('answers requests while a build is stalled, and survives the build process being killed', async () => {
    repo = catalogRepo();
    const s = await start();
    // The process that will build next (it waits with its modules loaded): stop it.
    const [builder] = await until(() => (s.buildProcesses().length === 1 ? s.buildProcesses() : undefined));
    process.kill(builder!, 'SIGSTOP');
    try {
      repo.write('contracts/slow.yaml', contract('slow'));
      await until(async () => (await s.health()).building);
      for (let i = 0; i < 10; i++) {
        expect((await s.get('contracts/orders_postgres.html')).status).toBe(200);
        expect((await s.get('api/search?q=orders')).status).toBe(200);
      }
      const health = await s.health();
      expect(health).toMatchObject({ building: true, contracts: 5 }); // the old build, still online
    } finally {
      process.kill(builder!, 'SIGKILL');
    }
    await until(() =>
      s.log.includes(
        'rebuild failed, still serving the last good build: the build process ended without a result (signal SIGKILL)',
      ),
    );
    expect((await s.get('contracts/orders_postgres.html')).status).toBe(200);
    // The next change builds in a fresh process.
    repo.write('contracts/after.yaml', contract('after'));
    await until(async () => (await s.health()).contracts === 7);
    expect(s.rebuilds()).toEqual(['rebuilt: 7 contracts']);
  });
});
