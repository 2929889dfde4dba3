import type { SkipReason } from './init.js';

/** The sentences of `dcr init`. */
export const initMessages = {
  created: (path: string) => `created  ${path}`,
  wouldCreate: (path: string) => `would create  ${path}`,
  skipped: (path: string, reason: SkipReason) =>
    `kept     ${path} (${
      {
        exists: 'already exists; not overwritten',
        'has-contracts': 'the contracts folder already holds contracts',
        'config-in-package-json': 'package.json already has a "dcr" key',
        'not-shipped': 'this version of dcr does not ship this template',
      }[reason]
    })`,
  nothing: 'Nothing to do: the repository is already set up.',
  nextHeading: 'Next steps:',
  next: (contracts: string) => [
    'npm install --save-dev dcr husky        # if not installed yet',
    'npm pkg set scripts.prepare=husky && npm run prepare   # turn the hooks on',
    `edit ${contracts}/orders_postgres.yaml and map owners to GitHub handles under "people" in dcr.config.yaml`,
    'npx dcr validate',
    'in .github/workflows/dcr-check.yml, point `uses:` at your copy of the dcr action; then commit and open a pull request',
  ],
};
