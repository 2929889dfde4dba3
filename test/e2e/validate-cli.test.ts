import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../helpers/paths.js';
import { runDcr } from '../helpers/run-dcr.js';

const work = mkdtempSync(join(tmpdir(), 'dcr-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dcr validate (built CLI)', () => {
  it('passes the bundled contracts/ with exit 0 and a summary', () => {
    const r = runDcr(['validate'], { cwd: REPO });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/✔ \d+ contract files valid/);
    expect(r.code).toBe(0);
  });

  it('prints compiler-style lines, a code frame and a hint, and exits 1 on errors', () => {
    const r = runDcr(['validate', join(FIXTURES, 'contracts/invalid/unknown_key.yaml')], { cwd: REPO });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /unknown_key\.yaml:4:1 {2}error {2}unknown-field {2}unknown field "source_hots"; did you mean "source_host"\?/,
    );
    expect(r.stdout).toContain('> 4 | source_hots: typo.example.com');
    expect(r.stdout).toContain('hint: rename it to `source_host`');
    expect(r.stdout).toMatch(/✖ 1 error, 0 warnings in 1 contract file/);
    expect(r.stdout).not.toContain(String.fromCharCode(27)); // NO_COLOR: no escape codes
  });

  it('--format json prints only the documented JSON on stdout', () => {
    const r = runDcr(['validate', join(FIXTURES, 'contracts/valid/seed_example.yaml'), '--format', 'json'], {
      cwd: REPO,
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: true, contracts: 1 });
    expect(json.diagnostics).toHaveLength(1);
    expect(json.diagnostics[0]).toMatchObject({
      line: 5,
      column: 30,
      severity: 'warning',
      rule: 'frequency-string',
      jobId: 'seed_example',
    });
    expect(Object.keys(json.diagnostics[0]).sort()).toEqual([
      'column',
      'file',
      'hint',
      'jobId',
      'line',
      'message',
      'rule',
      'severity',
    ]);
  });

  it('--format github prints workflow annotations with line and column', () => {
    const r = runDcr(
      ['validate', join(FIXTURES, 'contracts/invalid/bad_values.yaml'), '--format', 'github'],
      { cwd: REPO },
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(6);
    expect(lines[0]).toMatch(
      /^::error file=.*bad_values\.yaml,line=3,col=12,title=dcr invalid-type::source_db must be a string/,
    );
  });

  it('reports bad input as diagnostics, never a stack trace', () => {
    const dir = join(work, 'hostile');
    cpSync(join(FIXTURES, 'contracts/invalid'), dir, { recursive: true });
    const r = runDcr(['validate', dir], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
    for (const rule of [
      'alias-limit',
      'encoding',
      'bom',
      'tab-indent',
      'multiple-documents',
      'empty-file',
      'file-too-large',
      'not-a-mapping',
      'duplicate-key',
      'yaml-syntax',
    ]) {
      expect(r.stdout, rule).toContain(`  ${rule}  `);
    }
  });

  it('exits 2 with a message and a hint for a missing path', () => {
    const r = runDcr(['validate', 'no/such/folder'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dcr: error: no such file or folder: no/such/folder');
    expect(r.stderr).toContain('hint:');
  });

  it('exits 2 on unknown commands and options, with a suggestion', () => {
    const a = runDcr(['valdate'], { cwd: work });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('did you mean "validate"?');
    const b = runDcr(['validate', '--fromat', 'json'], { cwd: work });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('did you mean --format?');
    const c = runDcr(['validate', '--format', 'xml'], { cwd: work });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--format must be text, json or github');
  });

  it('runs the pre-commit steps in one process with `dcr hook pre-commit`, and names the hooks it knows', () => {
    const none = runDcr(['hook'], { cwd: work });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('say which hook to run')]);
    const typo = runDcr(['hook', 'pre-comit'], { cwd: work });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "pre-commit"?');
    expect(runDcr(['hook', '--help'], { cwd: work }).stdout).toContain('dcr validate --staged');
    // Outside a repository the first step (validate --staged) fails as it would alone.
    const alone = runDcr(['validate', '--staged'], { cwd: work });
    const hooked = runDcr(['hook', 'pre-commit'], { cwd: work });
    expect([hooked.code, hooked.stderr]).toEqual([alone.code, alone.stderr]);
  });

  it('has --help for the tool and for validate', () => {
    const top = runDcr(['--help'], { cwd: work });
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('validate');
    const v = runDcr(['validate', '--help'], { cwd: work });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('Usage: dcr validate');
    expect(v.stdout).toContain('--staged');
    expect(v.stdout).toContain('--format');
  });

  it('reads the config file: another folder, ignore globs and rule settings', () => {
    const dir = join(work, 'configured');
    cpSync(join(FIXTURES, 'contracts/valid'), join(dir, 'defs'), { recursive: true });
    writeFileSync(join(dir, 'defs/wrong.yaml'), 'ingestion_jobid: oops\n');
    writeFileSync(
      join(dir, 'dcr.config.yaml'),
      'contracts: defs\nignore: ["wrong.yaml"]\nrules:\n  frequency-string: off\n',
    );
    const r = runDcr(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, contracts: 6, diagnostics: [] });
    writeFileSync(join(dir, 'dcr.config.yaml'), 'contract: defs\n');
    const bad = runDcr(['validate'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'dcr.config.yaml:1:1: unknown setting "contract"; did you mean "contracts"?',
    );
  });
});
