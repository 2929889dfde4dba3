import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { indexEntries, readBlobs, repoRoot, stagedPaths } from '../git/index-files.js';
import { validateContracts, type ContractInput, type ValidationResult } from '../validate/validate.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { fileMatcher, findContractFiles, type FindOptions } from './find-files.js';
import { Registry } from './registry.js';

const posix = (path: string) => path.split(sep).join('/');

/** Reads one file's bytes, turning I/O failures into a message that says what to do. */
export function readInput(root: string, absolute: string): ContractInput {
  try {
    return { file: posix(relative(root, absolute)), bytes: readFileSync(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DcrError(
      `cannot read ${absolute}: ${code === 'EACCES' ? 'permission denied' : (code ?? String(error))}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Contract files from paths on disk: folders are searched with the include/ignore globs,
 * files are taken as given. Names in the result are relative to `root`.
 */
export function readPathInputs(
  root: string,
  paths: readonly string[],
  find: FindOptions = {},
): ContractInput[] {
  const inputs: ContractInput[] = [];
  for (const path of paths) {
    const absolute = resolve(root, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new DcrError(`no such file or folder: ${path}`, {
        hint: 'check the path, or run `dcr init` to create a contracts folder',
      });
    }
    if (stats.isDirectory())
      for (const file of findContractFiles(absolute, find)) inputs.push(readInput(root, file));
    else inputs.push(readInput(root, absolute));
  }
  return inputs;
}

export interface StagedInputs {
  /** Every contract file in the index (the context for cross-file rules). */
  inputs: ContractInput[];
  /** The ones staged for this commit. */
  staged: Set<string>;
}

/**
 * Contract files as git will commit them: the index's blobs, not the working tree, so a
 * partially staged file is judged by what is staged. Names are relative to `root`.
 */
export async function readStagedInputs(
  cwd: string,
  root: string,
  dir: string,
  find: FindOptions = {},
): Promise<StagedInputs> {
  const top = await repoRoot(cwd);
  if (!top)
    throw new DcrError('--staged needs a git repository, and this folder is not in one', {
      hint: 'run it inside a git work tree',
    });
  const folder = posix(relative(top, resolve(root, dir))) || '.';
  const spec = [`:(top)${folder}`];
  const matches = fileMatcher(find);
  const inFolder = (path: string) => matches(folder === '.' ? path : path.slice(folder.length + 1));
  const staged = (await stagedPaths(top, spec)).filter(inFolder);
  if (staged.length === 0) return { inputs: [], staged: new Set() };
  const entries = (await indexEntries(top, spec)).filter((e) => inFolder(e.path));
  const blobs = await readBlobs(
    top,
    entries.map((e) => e.oid),
  );
  const name = (path: string) => posix(relative(root, resolve(top, path)));
  const inputs = entries.flatMap((e) => {
    const bytes = blobs.get(e.oid);
    return bytes ? [{ file: name(e.path), bytes }] : [];
  });
  return { inputs, staged: new Set(staged.map(name)) };
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
  const inputs = readPathInputs(loaded.root, [dir], find);
  const result = validateContracts(inputs, { rules: loaded.config.rules, limits: limitsFrom(loaded) });
  return { ...result, registry: new Registry(result.contracts) };
}
