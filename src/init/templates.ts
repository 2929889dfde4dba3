import { readFileSync } from 'node:fs';

/** The package's top folder (next to dist/ or src/). */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** The workflow templates dcr ships, read from the package at run time (their one source). */
export const WORKFLOWS = ['dcr-check.yml', 'remind.yml', 'pages.yml'] as const;

/** What `uses:` names in a user's repository (dcr's own workflow runs the action from `./`). */
export const DCR_ACTION_REF = 'dcr-dev/dcr@v0';

/** A workflow template's text, or undefined when this copy of dcr does not ship it. */
export function workflowTemplate(name: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(`.github/workflows/${name}`, PACKAGE_ROOT), 'utf8');
  } catch {
    return undefined;
  }
  // In dcr's own repository the action is `./`; elsewhere it is the published action.
  return text
    .replace(/^.*`dcr init` writes .*\n/m, '')
    .replace(
      /^(\s*-?\s*uses:\s*)\.\/\s*$/m,
      `$1${DCR_ACTION_REF}   # or your copy of dcr: <owner>/<repo>@<ref>`,
    );
}

/** The example contract: the minimal fields plus the ones people reach for first. */
export const exampleContract = (schemaPath: string) => `# yaml-language-server: $schema=${schemaPath}
# An example data contract: one file per ingestion job. Edit it, rename it after your job id,
# or delete it. Every field: see the README, "Contract format".
ingestion_jobid: orders_postgres
description: Hourly full extract of shop orders into the warehouse.
status: active
source_host: shop-db.internal
source_db: ecommerce
source_type: postgres
source_tables: [public.orders, public.order_items]
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: dev-team@example.com
ingestion_owner: data-eng@example.com
destination: analytics.raw_orders
tags: [example]
`;

export const configFile = (contracts: string) => `# dcr configuration (see the README, "Configuration").
contracts: ${contracts}
# policy: warn                 # warn | block: what the change guard does by default
# people:                      # email -> GitHub user or team, for PR mentions and review requests
#   dev-team@example.com: "@your-org/dev-team"
#   data-eng@example.com: your-github-login
# github:
#   ackLabel: data-contract-ack
`;

/** husky hooks that run the hooks shipped in the dcr package (one source for their logic). */
export const huskyHooks: Record<string, string> = {
  'pre-commit': `# dcr: validate staged contracts, report staged changes to contracted tables
sh node_modules/data-contract-registry/hooks/pre-commit
`,
  'commit-msg': `# dcr: block changes to "block" contracts unless acknowledged (Data-Contract-Ack: <jobid>)
sh node_modules/data-contract-registry/hooks/commit-msg "$1"
`,
};
