import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DcrError } from '../errors.js';
import { runGit } from '../git/run.js';
import { activeHooks, huskyFacts, type HookFacts } from './hooks.js';

/** Reads what the repository at `root` already does with its hooks. */
export async function gatherHookFacts(root: string): Promise<HookFacts> {
  const path = await runGit(['config', '--get', 'core.hooksPath'], { cwd: root, okCodes: [1] });
  const hooksPath = path.code === 0 ? path.stdout.toString('utf8').trim() : undefined;
  const dir = await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: root, okCodes: [128] });
  const gitHooks = dir.code === 0 ? dir.stdout.toString('utf8').trim() : '';
  let pkg: Record<string, unknown> | undefined;
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    pkg = undefined;
  }
  // `npm install` of dcr made node_modules; a new project may not ignore it yet.
  const unignored =
    existsSync(join(root, 'node_modules')) &&
    (await runGit(['check-ignore', '-q', 'node_modules/'], { cwd: root, okCodes: [1, 128] })).code === 1;
  return {
    ...(unignored ? { nodeModulesUnignored: true } : {}),
    hooksPath,
    activeGitHooks: gitHooks ? activeHooks(isAbsolute(gitHooks) ? gitHooks : join(root, gitHooks)) : [],
    ...huskyFacts(root, pkg),
  };
}

/** Sets a git setting of this repository (local config). */
export async function setGitConfig(root: string, key: string, value: string): Promise<void> {
  await runGit(['config', key, value], { cwd: root });
}

/** Runs the repository's own husky, which sets `core.hooksPath` to `.husky/_`. */
export function runHusky(root: string): Promise<void> {
  const bin = join(root, 'node_modules/husky/bin.js');
  return new Promise((resolve, reject) => {
    if (!existsSync(bin)) return resolve();
    const child = spawn(process.execPath, [bin], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new DcrError(`husky failed (exit ${code}): ${err.trim()}`, {
              hint: 'run `npx husky` and read its message',
            }),
          ),
    );
  });
}
