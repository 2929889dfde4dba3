import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPathInputs } from '../../src/registry/load.js';

let root: string;
const MARKER = 'outside-marker-51d2';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dcr-read-'));
  mkdirSync(join(root, 'repo/contracts/sub'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere/secret.yaml'), `token: ${MARKER}\n`);
  writeFileSync(join(root, 'repo/README.yaml'), `readme: ${MARKER}\n`);
  writeFileSync(join(root, 'repo/contracts/real.yaml'), 'ingestion_jobid: real\n');
  writeFileSync(join(root, 'repo/contracts/big.yaml'), 'x'.repeat(2048));
  const c = (name: string) => join(root, 'repo/contracts', name);
  symlinkSync('real.yaml', c('inside.yaml'));
  symlinkSync(join(root, 'elsewhere/secret.yaml'), c('outside.yaml'));
  symlinkSync('../README.yaml', c('parent.yaml'));
  symlinkSync('/proc/self/environ', c('environ.yaml'));
  symlinkSync('missing.yaml', c('broken.yaml'));
  symlinkSync(join(root, 'elsewhere'), c('linked-folder'));
  execFileSync('mkfifo', [c('pipe.yaml')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const summary = (inputs: ReturnType<typeof readPathInputs>) =>
  Object.fromEntries(
    inputs.map((i) => [i.file, i.skipped ? i.skipped.rule : new TextDecoder().decode(i.bytes).trim()]),
  );

describe('readPathInputs', () => {
  it('reads links that stay inside the contracts folder, and reports the others unread', () => {
    const inputs = readPathInputs(join(root, 'repo'), ['contracts'], {}, { maxFileBytes: 1024 });
    expect(summary(inputs)).toEqual({
      'contracts/big.yaml': 'file-too-large',
      'contracts/broken.yaml': 'symlink',
      'contracts/environ.yaml': 'symlink',
      'contracts/inside.yaml': 'ingestion_jobid: real',
      'contracts/outside.yaml': 'symlink',
      'contracts/parent.yaml': 'symlink',
      'contracts/pipe.yaml': 'not-a-file',
      'contracts/real.yaml': 'ingestion_jobid: real',
    });
    for (const i of inputs) expect(new TextDecoder().decode(i.bytes)).not.toContain(MARKER);
    expect(inputs.find((i) => i.file === 'contracts/big.yaml')!.bytes).toHaveLength(0); // never read
  });

  it('confines files named one by one to the contracts folder, and other files to the root', () => {
    const inputs = readPathInputs(
      join(root, 'repo'),
      ['contracts/outside.yaml', 'contracts/parent.yaml', 'contracts/environ.yaml', 'README.yaml'],
      {},
      { confine: 'contracts' },
    );
    expect(summary(inputs)).toEqual({
      'contracts/outside.yaml': 'symlink',
      'contracts/parent.yaml': 'symlink',
      'contracts/environ.yaml': 'symlink',
      'README.yaml': `readme: ${MARKER}`, // a plain file the user named is read
    });
  });

  it('reads nothing through a linked parent folder', () => {
    const inputs = readPathInputs(
      join(root, 'repo'),
      ['contracts/linked-folder/secret.yaml'],
      {},
      { confine: 'contracts' },
    );
    expect(summary(inputs)).toEqual({ 'contracts/linked-folder/secret.yaml': 'symlink' });
  });

  it('reads a contracts folder reached through a linked path the same way', () => {
    symlinkSync(join(root, 'repo'), join(root, 'linked-repo'));
    const direct = summary(readPathInputs(join(root, 'repo'), ['contracts'], {}, { maxFileBytes: 1024 }));
    const linked = readPathInputs(join(root, 'linked-repo'), ['contracts'], {}, { maxFileBytes: 1024 });
    expect(summary(linked)).toEqual(direct);
    expect(summary(linked)['contracts/outside.yaml']).toBe('symlink');
    expect(summary(linked)['contracts/inside.yaml']).toBe('ingestion_jobid: real');
  });
});
