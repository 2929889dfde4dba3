import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { picomatch } from '../util/lazy-picomatch.js';

export const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];

export interface FindOptions {
  include?: readonly string[];
  ignore?: readonly string[];
}

/** A matcher for paths relative to the folder being searched (forward slashes). */
export function fileMatcher(options: FindOptions = {}): (path: string) => boolean {
  const include = picomatch()([...(options.include ?? DEFAULT_INCLUDE)], { dot: false });
  const ignore = options.ignore?.length ? picomatch()([...options.ignore], { dot: true }) : () => false;
  return (path) => include(path) && !ignore(path);
}

/**
 * Lists contract files below `dir`, sorted, as absolute paths. Skips dot-folders and
 * node_modules, and does not follow symbolic links to folders (no cycles, no escapes).
 * Links and other entries whose name matches are listed too: the reader decides whether
 * they may be read, and says why not.
 */
export function findContractFiles(dir: string, options: FindOptions = {}): string[] {
  const matches = fileMatcher(options);
  const out: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        if (matches(relative(dir, full).split(sep).join('/'))) out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}
