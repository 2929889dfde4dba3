import { literalAt } from './args.js';
import type { Source } from './source.js';

/**
 * Simple string constants of a file, for table names passed by name: JS `const T = 'x'`,
 * Python/Ruby `T = 'x'`, Elixir `@table "x"`, PHP `const T = 'x'` / `private $table = 'x'`,
 * and `static tableName = 'x'`-style fields are left to the extractors.
 */
export function stringConstants(src: Source): Map<string, string> {
  const out = new Map<string, string>();
  const assign =
    /(?:^|[\s;(])(?:(?:export\s+)?(?:const|let|var)\s+|(?:private|protected|public)\s+(?:static\s+)?(?:const\s+)?)?(\$?[A-Za-z_][\w$]*)\s*=(?![=>])\s*/gm;
  const attribute = /^[ \t]*(@[a-z_]\w*)[ \t]+(?=["':~])/gm;
  for (const re of [assign, attribute]) {
    for (const m of src.masked.matchAll(re)) {
      const value = literalAt(src, m.index + m[0].length);
      if (value !== undefined && !out.has(m[1]!)) out.set(m[1]!, value);
    }
  }
  return out;
}
