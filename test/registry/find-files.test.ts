import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE, findContractFiles } from '../../src/registry/find-files.js';
import { corpusFiles } from '../helpers/corpus-files.js';
import { withTemp } from '../check/git-repo.js';

// Names chosen to tell a name test from the globs: case, endings, dots, glob characters,
// spaces, backslashes, newlines, non-ASCII; plus every file name of the mined corpus.
const ODD = [
  'a.yaml',
  'b.yml',
  'c.YAML',
  'd.Yml',
  'e.yaml.bak',
  'f.yaml~',
  'g yaml',
  'h.json',
  'yaml',
  '.yaml',
  '.hidden.yaml',
  'a..yaml',
  '*.yaml',
  '[x].yml',
  '{a,b}.yaml',
  '!neg.yaml',
  '#hash.yml',
  'back\\slash.yaml',
  'new\nline.yaml',
  'ends\n.yaml\n',
  'with space.yaml',
  'ü.yml',
  'tab\t.yaml',
  'sub/x.yaml',
  'sub/.dot/y.yaml',
  'sub/.dot.yml',
  'node_modules/z.yaml',
  'sub/node_modules/z.yml',
  'deep/er/still/q.yml',
  '.git/config.yaml',
];

describe('the default include globs', () => {
  it('find exactly what picomatch finds with the same globs', async () => {
    await withTemp(async (dir) => {
      const names = new Set(ODD);
      for (const f of corpusFiles()) names.add(`corpus/${basename(f.path)}`);
      for (const name of names) {
        const path = join(dir, name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, 'x: 1\n');
      }
      symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
      symlinkSync(join(dir, 'sub'), join(dir, 'linked-folder.yaml'));
      const named = findContractFiles(dir); // the name test
      const globbed = findContractFiles(dir, { include: [...DEFAULT_INCLUDE] }); // picomatch
      expect(named).toEqual(globbed);
      // It can fail: the name test finds these, and leaves the rest.
      expect(named.length).toBeGreaterThan(20);
      expect(named).toContain(join(dir, 'link.yaml'));
      expect(named).not.toContain(join(dir, 'c.YAML'));
      expect(named).not.toContain(join(dir, 'sub/.dot/y.yaml'));
      expect(named).not.toContain(join(dir, 'ends\n.yaml\n'));
    });
  });
});
