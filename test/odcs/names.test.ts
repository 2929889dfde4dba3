import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportContracts } from '../../src/odcs/convert.js';
import { validateContracts } from '../../src/validate/validate.js';
import { BUNDLED, EXAMPLES } from './helpers.js';

const input = (file: string, path: string) => ({ file, bytes: readFileSync(path) });
const kafka = join(EXAMPLES, 'schema__kafka-schema.odcs.yaml');
const orders = join(BUNDLED, 'orders_postgres.yaml');

describe('a file named for the other format', () => {
  it('an ODCS document named *.yaml gets one diagnostic that says to rename it', () => {
    const { diagnostics, contracts } = validateContracts([input('contracts/orders.yaml', kafka)]);
    expect(contracts).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'contracts/orders.yaml',
        line: 2,
        column: 1,
        rule: 'odcs-name',
        hint: 'rename it to contracts/orders.odcs.yaml and dcr reads it through the ODCS mapping',
      }),
    ]);
  });

  it('a dcr contract named *.odcs.yaml says so too', () => {
    const { diagnostics } = validateContracts([input('contracts/orders_postgres.odcs.yaml', orders)]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule: 'odcs-name', hint: 'rename it to contracts/orders_postgres.yaml' }),
    ]);
  });

  it('export reads an ODCS document whatever its name', () => {
    const { documents } = exportContracts([input('contracts/orders.yaml', kafka)]);
    expect(documents.map((d) => d.jobId)).toEqual(['orders']);
  });

  it('a *.odcs.yaml file named after its id passes filename-jobid; another name is told its name', () => {
    const odcs = exportContracts([input('orders_postgres.yaml', orders)]).documents[0]!.text;
    const bytes = Buffer.from(odcs);
    const good = validateContracts([{ file: 'c/orders_postgres.odcs.yaml', bytes }]);
    expect(good.diagnostics).toEqual([]);
    expect(good.contracts.map((c) => c.jobId)).toEqual(['orders_postgres']);
    const bad = validateContracts([{ file: 'c/orders.odcs.yaml', bytes }]);
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'filename-jobid',
        hint: 'rename the file to orders_postgres.odcs.yaml',
        line: 3,
      }),
    ]);
  });
});
