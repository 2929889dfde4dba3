import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { messages, type Message } from '../messages.js';
import type { ContractInput } from '../parse/input.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../parse/limits.js';
import { validateContracts, type ValidationResult } from '../validate/validate.js';
import { fileMessages } from './file-messages.js';
import { findContractFiles, posix, type FindOptions } from './find-files.js';
import { Registry } from './registry.js';

export { posix };

const EMPTY = new Uint8Array(0);
const inside = (root: string, path: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

export interface ReadOptions {
  /** Links may point only inside this folder (when the file itself is inside it). */
  confine?: string;
  /** `confine` with its links resolved, when the caller already knows it (one look-up per folder, not per file). */
  confineReal?: string;
  /**
   * The file was found by walking `confine` without following links, so only the file itself
   * can be a link: a plain file is read without resolving its path.
   */
  walked?: boolean;
  /** Files larger than this are not read at all. */
  maxFileBytes?: number;
}

/**
 * Reads one file's bytes. Never throws: a file that cannot or must not be read (a link
 * leaving `confine`, a missing target, a device, a file over the size limit, no permission)
 * comes back unread with the diagnostic that says so, and its content is never touched.
 */
export function readInput(root: string, absolute: string, options: ReadOptions = {}): ContractInput {
  const file = posix(relative(root, absolute));
  const skip = (rule: string, severity: 'error' | 'warning', m: Message): ContractInput => ({
    file,
    bytes: EMPTY,
    skipped: { rule, severity, ...m },
  });
  try {
    const max = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
    if (options.walked) {
      const stats = lstatSync(absolute);
      if (stats.isFile()) {
        if (stats.size > max) return skip('file-too-large', 'error', messages.fileTooLarge(stats.size, max));
        return { file, bytes: readFileSync(absolute) };
      }
    }
    const confine = resolve(options.confine ?? root);
    let path = absolute;
    if (inside(confine, absolute)) {
      // Every file under the folder is resolved, so a linked parent cannot lead out either.
      // The native call resolves in C; the JavaScript one makes a call per path component.
      try {
        path = realpathSync.native(absolute);
      } catch {
        if (lstatSync(absolute).isSymbolicLink())
          return skip('symlink', 'warning', fileMessages.linkBroken());
        throw new Error('gone');
      }
      const real = options.confineReal ?? realpathSync.native(confine);
      if (!inside(real, path)) return skip('symlink', 'warning', fileMessages.linkOutside());
    }
    const stats = statSync(path);
    if (!stats.isFile()) return skip('not-a-file', 'warning', fileMessages.notAFile());
    if (stats.size > max) return skip('file-too-large', 'error', messages.fileTooLarge(stats.size, max));
    return { file, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === undefined ? 'it is gone' : code;
    return skip('unreadable', 'error', fileMessages.unreadable(why));
  }
}

/**
 * Contract files from paths on disk: folders are searched with the include/ignore globs,
 * files are taken as given. Names in the result are relative to `root`. Links found in a
 * folder may point only inside that folder; a file named inside `options.confine` (the
 * contracts folder) only inside it, any other file named inside `root` only inside `root`.
 */
export function readPathInputs(
  root: string,
  paths: readonly string[],
  find: FindOptions = {},
  options: ReadOptions = {},
): ContractInput[] {
  const inputs: ContractInput[] = [];
  const limit = options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes };
  const folder = options.confine === undefined ? undefined : resolve(root, options.confine);
  const confineFile = (absolute: string) => (folder && inside(folder, absolute) ? folder : root);
  for (const path of paths) {
    const absolute = resolve(root, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      if (!isLink(absolute))
        throw new DcrError(`no such file or folder: ${path}`, {
          hint: 'check the path, or run `dcr init` to create a contracts folder',
        });
    }
    if (stats?.isDirectory())
      inputs.push(...readFolderFiles(root, absolute, findContractFiles(absolute, find), limit));
    else inputs.push(readInput(root, absolute, { ...limit, confine: confineFile(absolute) }));
  }
  return inputs;
}

/**
 * Files that `findContractFiles` found in `folder` (absolute paths), read as a folder's files
 * are: links may point only inside the folder.
 */
export function readFolderFiles(
  root: string,
  folder: string,
  files: readonly string[],
  options: Pick<ReadOptions, 'maxFileBytes'> = {},
): ContractInput[] {
  const folderOptions = { ...options, confine: folder, confineReal: realOrUndefined(folder), walked: true };
  return files.map((file) => readInput(root, file, folderOptions));
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined; // each file then says why it cannot be read
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface LoadedRegistry extends ValidationResult {
  registry: Registry;
}

/** Limits from the config file, over the defaults. */
export const limitsFrom = (loaded: LoadedConfig): ParseLimits => ({
  ...DEFAULT_LIMITS,
  ...(loaded.config.maxFileBytes ? { maxFileBytes: loaded.config.maxFileBytes } : {}),
});

/** Loads and validates the configured contracts folder into a Registry. */
export function loadRegistry(loaded: LoadedConfig, dir: string = loaded.config.contracts): LoadedRegistry {
  const find = { include: loaded.config.include, ignore: loaded.config.ignore };
  const inputs = readPathInputs(loaded.root, [dir], find, limitsFrom(loaded));
  const result = validateContracts(inputs, { rules: loaded.config.rules, limits: limitsFrom(loaded) });
  return { ...result, registry: new Registry(result.contracts) };
}
