import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOdcs } from '../../src/odcs/export-odcs.js';
import { importOdcs } from '../../src/odcs/import-odcs.js';
import { BUNDLED, bundledFiles, EXAMPLES, exampleFiles, officialErrors, readYaml } from './helpers.js';

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

describe('dcr → ODCS → dcr: every bundled contract comes back unchanged', () => {
  for (const file of bundledFiles()) {
    it(file, () => {
      const original = readYaml(join(BUNDLED, file));
      const odcs = exportOdcs(original);
      expect(officialErrors(odcs)).toEqual([]);
      const { doc, missing } = importOdcs(odcs);
      expect(missing).toEqual([]);
      expect(doc).toEqual(original);
      // Same fields in the same order, too.
      expect(Object.keys(doc)).toEqual(Object.keys(original));
    });
  }
});
