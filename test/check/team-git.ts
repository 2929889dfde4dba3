import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contractYaml, GIT_ENV, makeRepo } from './git-repo.js';

export const BIN = resolve('dist/cli/bin.js');
export const HOOKS = resolve('hooks');

/** What a person sees when running a command: exit code and everything printed. */
export interface Ran {
  code: number | null;
  out: string;
}

/** A teammate's clone of the team's server repository, with dcr's shipped hooks turned on. */
export interface Clone {
  dir: string;
  /** git as a user runs it: hooks included, output captured. */
  run(args: string[], env?: NodeJS.ProcessEnv): Ran;
  /** git for set-up steps; throws on failure. */
  git(...args: string[]): string;
  write(path: string, text: string): void;
  /** `dcr` itself, run in the clone. */
  dcr(args: string[], env?: NodeJS.ProcessEnv): Ran;
}

export interface Team {
  server: string;
  /** Environment for pushes: the server's pre-receive hook reads these. */
  env: NodeJS.ProcessEnv;
  clone(name: string): Clone;
}

/**
 * A team's set-up in `root`: a bare server repository with dcr's pre-receive hook and a copy of
 * the contracts (`orders_pg` and `items_pg`, both blocking), seeded with one commit.
 */
export function makeTeam(root: string): Team {
  const server = makeRepo(join(root, 'server.git'), true);
  const seed = makeRepo(join(root, 'seed'));
  seed.write('contracts/orders_pg.yaml', contractYaml('orders_pg', ['public.orders'], { policy: 'block' }));
  seed.write('contracts/items_pg.yaml', contractYaml('items_pg', ['public.items'], { policy: 'block' }));
  seed.write('db/001.sql', 'CREATE TABLE orders (id int);\nCREATE TABLE items (id int);\n');
  seed.write('README.md', 'shop\n');
  seed.git('add', '.');
  seed.commit('init');
  seed.git('push', '-q', server.dir, 'main');
  copyFileSync(join(HOOKS, 'pre-receive'), join(server.dir, 'hooks', 'pre-receive'));
  const contracts = join(root, 'central-contracts');
  cpSync(join(seed.dir, 'contracts'), contracts, { recursive: true });
  const env = { DCR_CONTRACTS: contracts, DCR_TIMEOUT: '60' };
  return {
    server: server.dir,
    env,
    clone(name) {
      const dir = join(root, name);
      execFileSync('git', ['clone', '-q', server.dir, dir], { env: GIT_ENV, stdio: 'pipe' });
      const run = (args: string[], extra: NodeJS.ProcessEnv = {}): Ran => {
        const r = spawnSync('git', args, {
          cwd: dir,
          env: { ...GIT_ENV, DCR_BIN: BIN, ...env, ...extra },
          encoding: 'utf8',
        });
        return { code: r.status, out: `${r.stdout}${r.stderr}` };
      };
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: dir,
          env: GIT_ENV,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      git('config', 'commit.gpgsign', 'false');
      git('config', 'core.hooksPath', HOOKS);
      git('config', 'pull.rebase', 'false');
      return {
        dir,
        run,
        git,
        write(path, text) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        },
        dcr(args, extra = {}) {
          const r = spawnSync(process.execPath, [BIN, ...args], {
            cwd: dir,
            env: { ...GIT_ENV, ...extra },
            encoding: 'utf8',
          });
          return { code: r.status, out: `${r.stdout}${r.stderr}` };
        },
      };
    },
  };
}

/** A commit made through the hooks, as a user would: `git add -A && git commit -m …`. */
export function commit(c: Clone, message: string, env: NodeJS.ProcessEnv = {}): Ran {
  c.git('add', '-A');
  return c.run(['commit', '-m', message], env);
}
