import { readFileSync } from 'node:fs';

/** The package's top folder (next to dist/ or src/). */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** The workflow templates dcr ships, read from the package at run time (their one source). */
export const WORKFLOWS = ['dcr-check.yml', 'remind.yml', 'pages.yml'] as const;

/** The package's name on the npm registry (the command it installs is `dcr`). */
export const PACKAGE_NAME = 'data-contract-registry';

/** `owner/repo@ref` or `owner/repo/path@ref`: what `uses:` accepts for an action in another repository. */
export const ACTION_REF = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w./-]+$/;

/**
 * Without `--action`, the check workflow's first dcr step fails at once and says what to write:
 * dcr has no official action reference yet, and a plausible guess could name a stranger's
 * repository that would then run with `pull-requests: write`.
 */
const actionNotSet = (indent: string) =>
  [
    `${indent}- name: Choose the dcr action`,
    `${indent}  run: |`,
    `${indent}    echo "::error title=dcr::Set the dcr action: replace 'uses: ./.github/dcr-action-not-set' below with your copy of dcr's action (<owner>/<repo>@<ref>), or run 'npx dcr init --action <owner>/<repo>@<ref>' again."`,
    `${indent}    exit 1`,
    `${indent}- uses: ./.github/dcr-action-not-set # <owner>/<repo>@<ref>: your copy of dcr's action`,
  ].join('\n');

/**
 * A workflow template's text, or undefined when this copy of dcr does not ship it. In dcr's own
 * repository the check workflow runs the action from `./`; elsewhere it runs `actionRef`.
 */
export function workflowTemplate(name: string, actionRef?: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(new URL(`.github/workflows/${name}`, PACKAGE_ROOT), 'utf8');
  } catch {
    return undefined;
  }
  return text
    .replace(/^.*`dcr init` writes .*\n/m, '')
    .replace(/^(\s*)-\s*uses:\s*\.\/\s*$/m, (_all, indent: string) =>
      actionRef ? `${indent}- uses: ${actionRef}` : actionNotSet(indent),
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

export const configFile = (
  contracts: string,
  remote: boolean,
) => `# dcr configuration (see the README, "Configuration").
${
  remote
    ? `# The contracts live elsewhere: a git URL of the contracts repository, or its catalog's registry.json.\ncontracts: ${JSON.stringify(contracts)}`
    : `contracts: ${contracts}`
}
# policy: warn                 # warn | block: what the change guard does by default
# people:                      # email -> GitHub user or team, for PR mentions and review requests
#   dev-team@example.com: "@your-org/dev-team"
#   data-eng@example.com: your-github-login
# github:
#   ackLabel: data-contract-ack
`;
