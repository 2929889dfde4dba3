import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exportContracts, importDocuments } from '../../src/odcs/convert.js';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOdcs } from '../../src/odcs/export-odcs.js';
import { importOdcs } from '../../src/odcs/import-odcs.js';
import { FIXTURES } from '../helpers/paths.js';
import { Ajv2019 } from 'ajv/dist/2019.js';
import {
  BUNDLED,
  bundledFiles,
  EXAMPLES,
  exampleFiles,
  ODCS_FIXTURES,
  officialErrors,
  readYaml,
} from './helpers.js';

const VALID = join(FIXTURES, 'contracts', 'valid');

describe('ODCS → dcr → ODCS: every official example comes back equal', () => {
  it('has all 18 examples to try', () => {
    expect(exampleFiles()).toHaveLength(18);
  });
  for (const file of exampleFiles()) {
    it(file, () => {
      const original = readYaml(join(EXAMPLES, file));
      const { doc } = importOdcs(original);
      const back = exportOdcs(doc);
      // toEqual compares keys and values, whatever their order.
      expect(back).toEqual(original);
      expect(officialErrors(back)).toEqual([]);
    });
  }
});

const dcrFiles = [
  ...bundledFiles().map((f) => join(BUNDLED, f)),
  // The schema's valid fixtures: the seed example (a quoted frequency), columns, keys, cursor.
  ...readdirSync(VALID).map((f) => join(VALID, f)),
];

describe('dcr → ODCS → dcr: every bundled contract (and valid fixture) comes back unchanged', () => {
  it('has the bundled contracts to try', () => {
    expect(bundledFiles().length).toBeGreaterThanOrEqual(14);
  });
  for (const path of dcrFiles) {
    it(basename(path), () => {
      const original = readYaml(path);
      const odcs = exportOdcs(original);
      expect(officialErrors(odcs)).toEqual([]);
      const { doc, missing } = importOdcs(odcs);
      expect(missing).toEqual([]);
      expect(doc).toEqual(original);
      // Same fields in the same order, too (import writes the format's order, as contracts/ does).
      if (path.startsWith(BUNDLED)) expect(Object.keys(doc)).toEqual(Object.keys(original));
    });
  }
});

describe('the same round trips through the YAML text import and export write', () => {
  const input = (path: string, file = basename(path)) => ({ file, bytes: readFileSync(path) });
  for (const file of exampleFiles()) {
    it(file, () => {
      const imported = importDocuments([input(join(EXAMPLES, file))]);
      expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const [contract] = imported.documents;
      const exported = exportContracts([{ file: contract!.name, bytes: Buffer.from(contract!.text) }]);
      expect(exported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // Read back as dcr reads (YAML 1.2) and as most ODCS tools do (YAML 1.1).
      const text = exported.documents[0]!.text;
      expect(parse(text, { version: '1.2' })).toEqual(readYaml(join(EXAMPLES, file)));
      expect(parse(text, { version: '1.1' })).toEqual(readYaml(join(EXAMPLES, file)));
    });
  }
});

describe('why every document is checked against the v3.1.0 schema', () => {
  it('accepts every official example, while some v3.0.x examples fail their own v3.0.2 schema', () => {
    const v302 = new Ajv2019({
      allErrors: true,
      strict: false,
      validateFormats: false,
      logger: false,
    }).compile(JSON.parse(readFileSync(join(ODCS_FIXTURES, 'odcs-json-schema-v3.0.2.json'), 'utf8')));
    const failing302: string[] = [];
    for (const file of exampleFiles()) {
      const doc = readYaml(join(EXAMPLES, file));
      expect(officialErrors(doc), file).toEqual([]);
      if (String(doc.apiVersion).startsWith('v3.0') && !v302(doc)) failing302.push(file);
    }
    expect(failing302).toContain('stakeholders__basic-four-dpo.odcs.yaml');
  });
});
