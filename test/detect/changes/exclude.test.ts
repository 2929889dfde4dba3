import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE, excludeMatcher } from '../../../src/detect/changes/exclude.js';

const mined = fileURLToPath(new URL('../../corpus/mined', import.meta.url));

/** Repository paths of real projects: every file of the mined corpus, below its before/ and after/. */
function realPaths(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(mined, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const rel = relative(mined, join(f.parentPath, f.name)).split('/');
    const side = rel.findIndex((p) => p === 'before' || p === 'after');
    if (side > 0) out.add(rel.slice(side + 1).join('/'));
  }
  return [...out];
}

describe('the exclude matcher', () => {
  it('says what picomatch says, for the defaults and for configured globs, on real paths', () => {
    const paths = [
      ...realPaths(),
      'node_modules/x/migrations/1.sql',
      'a/b/node_modules/c.sql',
      '.hidden/dist/x.js',
      'web/app.min.js',
      'src/api.generated.ts',
      'db/legacy/001.sql',
      'db/seeds/seed_users.sql',
      'target/run/model.sql',
      'Dist/x.sql',
      'src/distribution/x.sql',
      'api/client.gen.go',
      'x/y.generated',
      'lib/.min.js',
      'fixtures',
      'a/testdata',
      'vendored/x.py',
    ];
    expect(paths.length).toBeGreaterThan(1000);
    for (const [extra, defaults] of [
      [[], true],
      [['db/legacy/**', '**/seed_*.sql', '*.sql', 'docs/{a,b}/**'], true],
      [['**/*.py'], false],
    ] as const) {
      const ours = excludeMatcher(extra, defaults);
      const theirs = picomatch([...(defaults ? DEFAULT_EXCLUDE : []), ...extra], { dot: true });
      const differ = paths.filter((p) => ours(p) !== theirs(p));
      expect(differ).toEqual([]);
      // Both ways occur, so the comparison means something.
      expect(paths.some((p) => ours(p))).toBe(true);
      expect(paths.some((p) => !ours(p))).toBe(true);
    }
  });
});
