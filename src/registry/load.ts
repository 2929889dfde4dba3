import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { validateContracts, type ContractInput, type ValidationResult } from '../validate/validate.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../parse/limits.js';
import { findContractFiles, type FindOptions } from './find-files.js';
import { Registry } from './registry.js';

export const posix = (path: string) => path.split(sep).join('/');

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
