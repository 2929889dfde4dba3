import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/paths.js';

// The built package (npm test builds first): its validators are the ones `npm run build` generated.
const built = (await import(
  join(REPO, 'dist/odcs/odcs-schema.js')
)) as typeof import('../../src/odcs/odcs-schema.js');
const builtContract = (await import(
  join(REPO, 'dist/validate/schema-check.js')
)) as typeof import('../../src/validate/schema-check.js');

const examples = join(REPO, 'test/fixtures/odcs/examples');

/** Every official example, and broken variants of each: a missing field, an unknown one, a wrong value. */
function documents(): { name: string; doc: unknown }[] {
  const out: { name: string; doc: unknown }[] = [];
  for (const f of readdirSync(examples).filter((n) => n.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(examples, f), 'utf8')) as Record<string, unknown>;
    out.push({ name: f, doc });
    const { id: _id, ...noId } = doc;
    out.push({ name: `${f} without id`, doc: noId });
    out.push({ name: `${f} with an unknown field`, doc: { ...doc, colour: 'blue' } });
    out.push({ name: `${f} with a wrong status`, doc: { ...doc, status: 42, kind: 'Contract' } });
  }
  return out;
}

/** Every contract of the bundled folder and the fixtures, and broken variants of each. */
function contracts(): { name: string; doc: unknown }[] {
  const out: { name: string; doc: unknown }[] = [];
  for (const dir of [join(REPO, 'contracts'), join(REPO, 'test/fixtures/contracts')])
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.ya?ml$/.test(f) || f.includes('odcs')) continue;
      let doc: Record<string, unknown>;
      try {
        doc = parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      } catch {
        continue; // fixtures of broken YAML
      }
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) continue;
      out.push({ name: f, doc });
      const { source_host: _host, ...noHost } = doc;
      out.push({ name: `${f} without source_host`, doc: noHost });
      out.push({ name: `${f} with an unknown field`, doc: { ...doc, colour: 'blue' } });
      out.push({
        name: `${f} with a wrong type`,
        doc: { ...doc, ingestion_type: 'sometimes', source_tables: 3 },
      });
    }
  return out;
}

describe('the contract validator generated at build time', () => {
  it('is the one the built package uses', () => {
    expect(builtContract.contractValidatorKind()).toBe('generated');
  });

  it('answers every contract, valid or broken, exactly as Ajv compiling the schema does', () => {
    const generated = builtContract.contractValidator();
    const compiled = builtContract.compileContractValidator();
    const docs = contracts();
    expect(docs.length).toBeGreaterThan(20);
    let invalid = 0;
    for (const { name, doc } of docs) {
      const ok = compiled(doc);
      expect([name, generated(doc)]).toEqual([name, ok]);
      expect([name, generated.errors ?? null]).toEqual([name, compiled.errors ?? null]);
      if (!ok) invalid++;
    }
    expect(invalid).toBeGreaterThan(10);
    expect(invalid).toBeLessThan(docs.length);
  });
});

describe('the ODCS validator generated at build time', () => {
  it('is the one the built package uses', () => {
    expect(built.odcsValidatorKind()).toBe('generated');
  });

  it('answers every document, valid or broken, exactly as Ajv compiling the schema does', () => {
    const generated = built.odcsValidator();
    const compiled = built.compileOdcsValidator();
    const docs = documents();
    expect(docs.length).toBeGreaterThan(20);
    let invalid = 0;
    for (const { name, doc } of docs) {
      const ok = compiled(doc);
      expect([name, generated(doc)]).toEqual([name, ok]);
      expect([name, generated.errors ?? null]).toEqual([name, compiled.errors ?? null]);
      if (!ok) invalid++;
    }
    expect(invalid).toBeGreaterThan(10);
    expect(invalid).toBeLessThan(docs.length);
  });
});
