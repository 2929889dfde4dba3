import type { Message } from '../messages.js';

const WHERE: Record<string, { what: string; hint: string }> = {
  source_host: {
    what: 'no source host',
    hint: 'dcr reads the first entry of `servers` as the source: give it a `host` (or the field its type uses, e.g. `location`)',
  },
  source_db: {
    what: 'no source database',
    hint: 'give the first entry of `servers` a `database` (or the field its type uses, e.g. `dataset`), or a custom property `source_db`',
  },
  ingestion_type: {
    what: 'no ingestion type',
    hint: 'add to `customProperties`: `- { property: ingestion_type, value: full }` (full, incremental, cdc or stream)',
  },
  source_owner: {
    what: 'no source owner',
    hint: 'add to `team.members`: `- { username: owner@example.com, role: sourceOwner }`',
  },
  ingestion_owner: {
    what: 'no ingestion owner',
    hint: 'add to `team.members`: `- { username: owner@example.com, role: ingestionOwner }`',
  },
};

/** Sentences of ODCS import, export and in-place reading, apart from the logic. */
export const odcsMessages = {
  missing: (field: string): Message => ({
    message: `${WHERE[field]?.what ?? `no ${field}`}: dcr needs \`${field}\` to use this contract`,
    hint: WHERE[field]?.hint ?? `add \`${field}\``,
  }),
  invalid: (where: string, detail: string): Message => ({
    message: `not valid ODCS v3: ${where} ${detail}`,
    hint: 'see the ODCS v3.1.0 schema (https://bitol-io.github.io/open-data-contract-standard/); the README lists what dcr reads',
  }),
  unknownApiVersion: (version: string): Message => ({
    message: `apiVersion "${version}" is not an ODCS version dcr reads`,
    hint: 'dcr reads ODCS v3.0.x and v3.1.0; set `apiVersion: v3.1.0`',
  }),
  dcrNamedOdcs: (file: string): Message => ({
    message: 'this file is named like an ODCS document (*.odcs.yaml) but is a dcr contract',
    hint: `rename it to ${file.replace(/\.odcs(\.ya?ml)$/i, '$1')}`,
  }),
  odcsNamedDcr: (file: string): Message => ({
    message: 'this file is an ODCS document (kind: DataContract), not a dcr contract',
    hint: `rename it to ${file.replace(/(\.ya?ml)$/i, '.odcs$1')} and dcr reads it through the ODCS mapping`,
  }),
  exportInvalid: (detail: string): Message => ({
    message: `the exported document does not validate against ODCS v3.1.0: ${detail}`,
    hint: 'this is a dcr bug; please report it with the contract attached',
  }),
};

/** Sentences of `dcr import odcs` and `dcr export odcs`. */
export const odcsCliMessages = {
  subcommand: (verb: string, given?: string) => ({
    message: `dcr ${verb} takes one format, "odcs"${given ? `, not "${given}"` : ''}`,
    hint: `run \`dcr ${verb} odcs --help\``,
  }),
  noFiles: () => ({
    message: 'dcr import odcs needs at least one ODCS file',
    hint: 'for example: dcr import odcs orders.odcs.yaml --out contracts',
  }),
  needOut: (n: number) => ({
    message: `${n} documents to write; standard output takes only one`,
    hint: 'give a folder with --out DIR (one file per document)',
  }),
  exists: (files: string[]) => ({
    message: `would overwrite ${files.length === 1 ? 'a file that exists' : `${files.length} files that exist`}: ${files.slice(0, 5).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''}`,
    hint: 'pass --force to overwrite them, or choose another folder with --out',
  }),
  sameName: (name: string, from: string[]) => ({
    message: `${from.join(' and ')} would both be written to ${name} (the same job id)`,
    hint: 'give the documents different ids (ODCS `id`, dcr `ingestion_jobid`), or convert them one at a time',
  }),
  wrote: (file: string, from: string) => `✔ ${file} (from ${from})`,
  wouldWrite: (file: string, from: string) => `dry run: would write ${file} (from ${from})`,
  summary: (done: number, failed: number, warnings: number) =>
    `${done} converted${failed > 0 ? `, ${failed} not converted (errors above)` : ''}${warnings > 0 ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}`,
};
