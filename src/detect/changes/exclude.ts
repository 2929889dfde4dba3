import { picomatch } from '../../util/lazy-picomatch.js';

/**
 * Paths that never hold a real change to a table: dependencies, build output (dbt `target/`,
 * `dbt_packages/`, compiled or bundled JavaScript in `dist/` and `*.min.js`, copies of their
 * sources), generated clients, vendored code and test fixtures.
 */
export const DEFAULT_EXCLUDE = [
  '**/node_modules/**',
  '**/target/**',
  '**/dbt_packages/**',
  '**/dist/**',
  '**/*.min.js',
  '**/vendor/**',
  '**/generated/**',
  '**/__generated__/**',
  '**/*.generated.*',
  '**/*.gen.*',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/testdata/**',
  '**/test-data/**',
];

/**
 * DEFAULT_EXCLUDE as one regular expression, without loading picomatch: a folder of that name
 * anywhere, or a file name of that shape (git never lists `.` or `..` segments, where the
 * two could differ). test/detect/changes/exclude.test.ts holds it to picomatch on real paths.
 */
const DEFAULTS =
  /(?:^|\/)(?:node_modules|target|dbt_packages|dist|vendor|generated|__generated__|fixtures|__fixtures__|testdata|test-data)(?:\/|$)|(?:^|\/)[^/]*(?:\.min\.js|\.generated\.[^/]*|\.gen\.[^/]*)$/;

/** A matcher for repository-relative paths that the change guard ignores (defaults plus `extra`). */
export function excludeMatcher(extra: readonly string[] = [], useDefaults = true): (path: string) => boolean {
  if (extra.length === 0) return useDefaults ? (path) => DEFAULTS.test(path) : () => false;
  const globs = [...(useDefaults ? DEFAULT_EXCLUDE : []), ...extra];
  // picomatch's own regular expressions, joined: one test per path instead of one matcher call
  // per glob (a 300-file commit costs a hook about 50 ms of CPU the other way).
  const one = new RegExp(globs.map((g) => `(?:${picomatch().makeRe(g, { dot: true }).source})`).join('|'));
  return (path) => one.test(path);
}
