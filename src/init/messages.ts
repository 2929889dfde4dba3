import type { SkipReason } from './init.js';

/** The sentences of `dcr init`. */
export const initMessages = {
  created: (path: string) => `created  ${path}`,
  wouldCreate: (path: string) => `would create  ${path}`,
  updated: (target: string, change: string) => `updated  ${target}: ${change}`,
  wouldUpdate: (target: string, change: string) => `would update  ${target}: ${change}`,
  skipped: (path: string, reason: SkipReason) =>
    `kept     ${path} (${
      {
        exists: 'already exists; not overwritten',
        'has-contracts': 'the contracts folder already holds contracts',
        'config-in-package-json': 'package.json already has a "dcr" key',
        'not-shipped': 'this version of dcr does not ship this template',
        'prepare-exists': 'its "prepare" script is yours; add the hook set-up to it yourself',
        'hooks-path-in-use': 'another tool runs the hooks; dcr did not take them over',
        'git-hooks-in-use': 'these hooks would stop running under core.hooksPath; dcr left them alone',
        'no-package-json': 'no package.json, so teammates must turn the hooks on themselves',
      }[reason]
    })`,
  hooks: {
    husky: 'Hooks: pre-commit, commit-msg and pre-push run through husky.',
    git: 'Hooks: pre-commit, commit-msg and pre-push run from .githooks (core.hooksPath).',
    none: 'Hooks: not installed (--hooks none).',
    'not-wired': 'Hooks: written, but not turned on yet; see the next steps.',
  },
  nothing: 'Nothing to do: the repository is already set up.',
  nextHeading: 'Next steps:',
  badAction: (ref: string) => `--action ${JSON.stringify(ref)} is not an action reference`,
  badActionHint: 'give the repository and version of your copy of the dcr action, like acme/dcr@v1',
  badHooks: (value: string) => `--hooks ${JSON.stringify(value)} is not one of auto, husky, git, none`,
};
