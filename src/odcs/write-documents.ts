import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DcrError } from '../errors.js';
import type { Converted } from './convert.js';
import { odcsCliMessages } from './messages.js';

/**
 * Writes each document to `dir/<name>`. Every target is checked before anything is written:
 * two documents for one name, or a file that exists (without `force`), stop the run with
 * nothing written. Returns the paths, written or (with `dryRun`) not.
 */
export function writeDocuments(
  dir: string,
  documents: readonly Converted[],
  options: { force?: boolean; dryRun?: boolean } = {},
): string[] {
  const byName = new Map<string, string[]>();
  for (const d of documents) byName.set(d.name, [...(byName.get(d.name) ?? []), d.from]);
  for (const [name, from] of byName) {
    if (from.length > 1) {
      const m = odcsCliMessages.sameName(name, from);
      throw new DcrError(m.message, { hint: m.hint });
    }
  }
  const paths = documents.map((d) => join(dir, d.name));
  const existing = options.force ? [] : paths.filter((p) => existsSync(p));
  if (existing.length > 0) {
    const m = odcsCliMessages.exists(existing);
    throw new DcrError(m.message, { hint: m.hint });
  }
  if (options.dryRun) return paths;
  mkdirSync(dir, { recursive: true });
  // `wx` refuses a file that appeared since the check above; `force` overwrites on purpose.
  documents.forEach((d, i) => {
    try {
      writeFileSync(paths[i]!, d.text, { flag: options.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const m = odcsCliMessages.exists([paths[i]!]);
      throw new DcrError(m.message, { hint: m.hint });
    }
  });
  return paths;
}
