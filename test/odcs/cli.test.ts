import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDcr } from '../helpers/run-dcr.js';
import { BUNDLED, bundledFiles, EXAMPLES, officialErrors, readYaml } from './helpers.js';

const read12 = (path: string) => parse(readFileSync(path, 'utf8'), { version: '1.2' }) as unknown;

describe('dcr export odcs / dcr import odcs (built CLI)', { timeout: 300_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dcr-odcs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => runDcr(args, { cwd: dir });

  it('--help explains both commands', () => {
    const ex = run('export', 'odcs', '--help');
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain('Usage: dcr export odcs [PATH...]');
    expect(ex.stdout).toContain('--force');
    const im = run('import', 'odcs', '--help');
    expect(im.code).toBe(0);
    expect(im.stdout).toContain('Usage: dcr import odcs FILE...');
    expect(im.stdout).toContain('x-odcs');
  });

  it('refuses a format other than odcs, and import without files', () => {
    const r = run('export', 'dcontract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dcr export takes one format, "odcs", not "dcontract"');
    const none = run('import', 'odcs');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs at least one ODCS file');
  });

  it('exports every bundled contract to files that validate, and imports them back unchanged', () => {
    const out = run('export', 'odcs', '--contracts', BUNDLED, '--out', 'odcs');
    expect(out.stderr).toContain(`${bundledFiles().length} converted`);
    expect(out.code).toBe(0);
    const written = readdirSync(join(dir, 'odcs')).sort();
    expect(written).toEqual(bundledFiles().map((f) => f.replace(/\.yaml$/, '.odcs.yaml')));
    for (const f of written) expect(officialErrors(read12(join(dir, 'odcs', f)))).toEqual([]);

    const back = run('import', 'odcs', 'odcs', '--out', 'back');
    expect(back.code).toBe(0);
    expect(back.stderr).not.toContain('warning');
    for (const f of bundledFiles()) expect(read12(join(dir, 'back', f))).toEqual(readYaml(join(BUNDLED, f)));
    // The imported contracts are valid dcr contracts.
    const v = run('validate', '--contracts', 'back', '--format', 'json');
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, contracts: bundledFiles().length });
  });

  it('imports official examples and exports them back equal, through files', () => {
    const im = run('import', 'odcs', EXAMPLES, '--out', 'dcr');
    // The examples share ids: several documents for one file name stop the run, nothing written.
    expect(im.code).toBe(2);
    expect(im.stderr).toContain('would both be written to 53581432-6c55-4ba2-a65f-72344a91553a.yaml');
    expect(existsSync(join(dir, 'dcr'))).toBe(false);
    // One spawn per direction per example is slow on a shared machine: two here, all 18 in
    // round-trip.test.ts through the same functions and the same YAML text.
    for (const file of ['all__full-example.odcs.yaml', 'schema__kafka-schema.odcs.yaml']) {
      const sub = join(dir, file);
      const a = run('import', 'odcs', join(EXAMPLES, file), '--out', sub);
      expect(a.code, a.stderr).toBe(0);
      const [contract] = readdirSync(sub);
      // Not yet complete for dcr (no owners): exported all the same, with warnings.
      const b = run('export', 'odcs', join(sub, contract!), '--contracts', sub, '--format', 'json');
      const json = JSON.parse(b.stdout);
      expect(b.code).toBe(0);
      expect(
        json.diagnostics.filter((d: { rule: string }) => d.rule === 'required-field').length,
      ).toBeGreaterThan(0);
      expect(json.documents[0].document).toEqual(readYaml(join(EXAMPLES, file)));
    }
  });

  it('prints one document on stdout, and wants --out for several', () => {
    const one = run('export', 'odcs', join(BUNDLED, 'orders_postgres.yaml'));
    expect(one.code).toBe(0);
    const doc = read12Text(one.stdout);
    expect(doc).toMatchObject({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'orders_postgres' });
    expect(officialErrors(doc)).toEqual([]);
    const many = run('export', 'odcs', '--contracts', BUNDLED);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('standard output takes only one');
    expect(many.stdout).toBe('');
  });

  it('never overwrites a file without --force, and --dry-run writes nothing', () => {
    const src = join(EXAMPLES, 'schema__kafka-schema.odcs.yaml');
    const dry = run('import', 'odcs', src, '--out', 'c', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: would write c/orders.yaml');
    expect(existsSync(join(dir, 'c'))).toBe(false);
    expect(run('import', 'odcs', src, '--out', 'c').code).toBe(0);
    writeFileSync(join(dir, 'c', 'orders.yaml'), 'my edits\n');
    const again = run('import', 'odcs', src, '--out', 'c');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('would overwrite a file that exists');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'c', 'orders.yaml'), 'utf8')).toBe('my edits\n');
    const forced = run('import', 'odcs', src, '--out', 'c', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'c', 'orders.yaml'), 'utf8')).toContain('ingestion_jobid: orders');
  });

  it('says what an imported contract still needs, where to add it in the ODCS file', () => {
    const r = run('import', 'odcs', join(EXAMPLES, 'server__kafka-server.odcs.yaml'), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents[0].document).toMatchObject({
      ingestion_jobid: 'abc123',
      source_host: expect.any(String),
    });
    const missing = json.diagnostics.filter((d: { rule: string }) => d.rule === 'required-field');
    expect(missing.map((d: { message: string }) => d.message.split(':')[0])).toEqual([
      'no source database',
      'no ingestion type',
      'no source owner',
      'no ingestion owner',
    ]);
    // The first server (line 11 of the example) is blamed for the missing database.
    expect(missing[0]).toMatchObject({ line: 11, column: 5, severity: 'warning' });
    expect(missing[0].hint).toContain('source_db');
  });

  it('an invalid ODCS document gets file:line:col diagnostics with a hint, never a stack trace', () => {
    mkdirSync(join(dir, 'contracts'));
    writeFileSync(
      join(dir, 'contracts', 'bad.odcs.yaml'),
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: bad',
        'version: 1.0.0',
        'status: active',
        'servers:',
        '  - server: db',
        '    type: postgress',
        '    host: x',
        'schema:',
        '  - name: t',
        '    colour: blue',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['validate', '--contracts', 'contracts'],
      ['import', 'odcs', 'contracts/bad.odcs.yaml'],
    ]) {
      const r = run(...args);
      const text = r.stdout + r.stderr;
      expect(r.code, text).toBe(1);
      expect(text).toContain('contracts/bad.odcs.yaml:8:11');
      expect(text).toContain('servers[0].type must be one of');
      expect(text).toContain('contracts/bad.odcs.yaml:12:5');
      expect(text).toContain('schema[0].colour is not a field ODCS defines here');
      expect(text).toContain('hint:');
      expect(text).not.toMatch(/\n\s+at /);
    }
    const json = JSON.parse(run('validate', '--contracts', 'contracts', '--format', 'json').stdout);
    expect(json.diagnostics[0]).toMatchObject({
      file: 'contracts/bad.odcs.yaml',
      line: 8,
      column: 11,
      rule: 'odcs-schema',
    });
  });

  it('rule findings in an ODCS file point into it', () => {
    mkdirSync(join(dir, 'contracts'));
    const doc = readFileSync(join(BUNDLED, 'orders_postgres.yaml'), 'utf8').replace(
      'source_owner: dev-team@mycompany.com',
      'source_owner: not-an-email',
    );
    writeFileSync(join(dir, 'contracts', 'orders_postgres.yaml'), doc);
    const out = run('export', 'odcs', 'contracts/orders_postgres.yaml', '--out', 'odcs');
    expect(out.code).toBe(0);
    rmSync(join(dir, 'contracts', 'orders_postgres.yaml'));
    const odcsText = readFileSync(join(dir, 'odcs', 'orders_postgres.odcs.yaml'), 'utf8');
    writeFileSync(join(dir, 'contracts', 'orders_postgres.odcs.yaml'), odcsText);
    const r = run('validate', '--contracts', 'contracts', '--format', 'json');
    const d = JSON.parse(r.stdout).diagnostics.find((x: { rule: string }) => x.rule === 'email-format');
    const line = odcsText.split('\n').findIndex((l) => l.includes('not-an-email')) + 1;
    expect(d).toMatchObject({ file: 'contracts/orders_postgres.odcs.yaml', line, jobId: 'orders_postgres' });
  });
});

const read12Text = (text: string) => parse(text, { version: '1.2' }) as Record<string, unknown>;
