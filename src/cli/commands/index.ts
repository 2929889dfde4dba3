import type { Command } from '../command.js';

/**
 * Every command, loaded on demand so a hook that runs `dcr validate` never loads the server,
 * the mailer or the GitHub client.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'check contract files against the schema and rules',
    load: async () => (await import('./validate.js')).command,
  },
  check: {
    summary: 'find changes to contracted tables and say whom to contact',
    load: async () => (await import('./check.js')).command,
  },
  diff: {
    summary: 'list contract changes between two revisions, with rule codes and severities',
    load: async () => (await import('./diff.js')).command,
  },
  verify: {
    summary: 'check contracts against the live PostgreSQL database they read from',
    load: async () => (await import('./verify.js')).command,
  },
  stale: {
    summary: 'list contracts nobody has updated for six months',
    load: async () => (await import('./stale.js')).command,
  },
  remind: {
    summary: 'email owners of stale contracts one digest each',
    load: async () => (await import('./remind.js')).command,
  },
  site: {
    summary: 'build the catalog: a static, searchable website of every contract',
    load: async () => (await import('./site.js')).command,
  },
  serve: {
    summary: 'serve the catalog and a read-only JSON API, rebuilding on change',
    load: async () => (await import('./serve.js')).command,
  },
  export: {
    summary: 'write contracts as Open Data Contract Standard (ODCS v3.1.0) documents',
    load: async () => (await import('./odcs.js')).exportCommand,
  },
  import: {
    summary: 'turn ODCS v3 documents into contracts, losing nothing',
    load: async () => (await import('./odcs.js')).importCommand,
  },
  hook: {
    summary: "run a Git hook's steps in one process (pre-commit: validate, then check)",
    load: async () => (await import('./hook.js')).command,
  },
  init: {
    summary: 'set a repository up: example contract, config, hooks, workflows',
    load: async () => (await import('./init.js')).command,
  },
};
