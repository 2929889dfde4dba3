import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { picomatch } from '../util/lazy-picomatch.js';

export const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];

/** A path with forward slashes, as contracts and git name files. */
export const posix = (path: string) => path.split(sep).join('/');
/** What DEFAULT_INCLUDE asks of a name that does not start with a dot. */
export const DEFAULT_NAME = /\.ya?ml$/;

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
  // The default globs, without ignore globs, ask only for the name's ending: the walk already
  // skips every name that starts with a dot, the only other thing they test (held to
  // picomatch by test/registry/find-files.test.ts).
  const plain = options.include === undefined && !options.ignore?.length;
  const matches = plain ? undefined : fileMatcher(options);
  const out: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    const prefix = folder.endsWith(sep) ? folder : folder + sep; // path.join would only normalise the normal
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = prefix + entry.name;
      if (entry.isDirectory()) walk(full);
      else if (matches ? matches(posix(relative(dir, full))) : DEFAULT_NAME.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
