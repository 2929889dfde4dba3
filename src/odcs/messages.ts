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
  exportInvalid: (detail: string): Message => ({
    message: `the exported document does not validate against ODCS v3.1.0: ${detail}`,
    hint: 'this is a dcr bug; please report it with the contract attached',
  }),
};
