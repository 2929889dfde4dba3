import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME } from './templates.js';

/** The client hooks dcr ships and `dcr init` turns on. */
export const HOOKS = ['pre-commit', 'commit-msg', 'pre-push'] as const;
export type HookName = (typeof HOOKS)[number];

/** The folder `dcr init` points `core.hooksPath` at when the repository has no husky. */
export const GIT_HOOKS_DIR = '.githooks';

/** What a repository already does with its Git hooks, read before wiring ours. */
export interface HookFacts {
  /** `core.hooksPath` as configured (undefined when unset). */
  hooksPath?: string | undefined;
  /** Active (non-sample) hooks in `.git/hooks` among the ones dcr installs. */
  activeGitHooks: string[];
  /** package.json declares husky, or a `.husky` folder exists. */
  usesHusky: boolean;
  /** husky is installed in node_modules (its command can run now). */
  huskyInstalled: boolean;
  /** A `node_modules` folder is here and git does not ignore it (`git add -A` would commit it). */
  nodeModulesUnignored?: boolean;
}

const PURPOSE: Record<HookName, string> = {
  'pre-commit': 'validate staged contracts, report staged changes to contracted tables',
  'commit-msg': 'block changes to "block" contracts unless acknowledged (Data-Contract-Ack: <jobid>)',
  'pre-push': 'check the pushed commits for changes to contracted tables',
};

const ARGS: Record<HookName, string> = { 'pre-commit': '', 'commit-msg': ' "$1"', 'pre-push': ' "$@"' };

/**
 * The lines that run one of the package's hooks. They say so, instead of failing the commit,
 * when the package is not installed (a fresh clone before `npm install`).
 */
export function hookBlock(hook: HookName): string {
  const path = `node_modules/${PACKAGE_NAME}/hooks/${hook}`;
  return [
    `# dcr: ${PURPOSE[hook]}`,
    `if [ -f ${path} ]; then`,
    `  sh ${path}${ARGS[hook]} || exit $?`,
    'else',
    `  echo "dcr: ${path} is missing, so this hook checked nothing; run \\\`npm install\\\`." >&2`,
    'fi',
    '',
  ].join('\n');
}

/** A whole hook file for `.githooks/`. */
export const hookFile = (hook: HookName) => `#!/bin/sh\n${hookBlock(hook)}`;

/** True when a hook file already runs dcr's hook (so a second `dcr init` appends nothing). */
export const runsDcrHook = (text: string, hook: HookName) => text.includes(`${PACKAGE_NAME}/hooks/${hook}`);

/** Hooks in `.git/hooks` (or wherever `gitHooksDir` is) that would stop running under `core.hooksPath`. */
export function activeHooks(gitHooksDir: string): string[] {
  const names: string[] = HOOKS.slice();
  try {
    return readdirSync(gitHooksDir).filter(
      (f) => names.includes(f) && (statSync(join(gitHooksDir, f)).mode & 0o111) !== 0,
    );
  } catch {
    return [];
  }
}

/** Whether package.json or the tree shows husky. */
export function huskyFacts(root: string, pkg: Record<string, unknown> | undefined) {
  const declared = ['dependencies', 'devDependencies'].some((k) => {
    const deps = pkg?.[k];
    return !!deps && typeof deps === 'object' && Object.hasOwn(deps, 'husky');
  });
  return {
    usesHusky: declared || existsSync(join(root, '.husky')),
    huskyInstalled: existsSync(join(root, 'node_modules/husky/package.json')),
  };
}
