import { relative, resolve, sep } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/config.js';
import type { Values } from './command.js';
import type { CliContext } from './context.js';

export type Format = 'text' | 'json' | 'github';

/** The --format value, defaulting to text. */
export const formatOf = (values: Values): Format => (values.format as Format | undefined) ?? 'text';

/** The configuration, with `--contracts` overriding the contracts location. */
export function configFor(ctx: CliContext, values: Values): LoadedConfig {
  const loaded = loadConfig(ctx.cwd, values.config as string | undefined);
  if (typeof values.contracts === 'string') {
    return { ...loaded, root: ctx.cwd, config: { ...loaded.config, contracts: values.contracts } };
  }
  return loaded;
}

/** Writes JSON for programs: one document, newline-terminated, on stdout only. */
export const writeJson = (ctx: CliContext, value: unknown) =>
  ctx.stdout.write(JSON.stringify(value, null, 2) + '\n');

/** The contracts folder relative to the working directory, with forward slashes (`.` for itself). */
export const relativeContracts = (root: string, cwd: string, dir: string) =>
  relative(cwd, resolve(root, dir)).split(sep).join('/') || '.';
