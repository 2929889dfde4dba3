import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { suggest } from '../util/suggest.js';

/** The `check:` section of the config file, validated. */
export interface CheckSettings {
  /** SQL dialect handed to the extractors (`postgres`, `mysql`, `sqlserver`, ...). */
  dialect?: string;
  /** Schema that an unqualified table name in code means (`public`, `dbo`); unset: any schema. */
  defaultSchema?: string;
  /** Extra globs of paths to ignore, on top of the defaults. */
  exclude: string[];
  /** Set false to drop the default exclusions (node_modules, target/, fixtures...). */
  defaultExclude: boolean;
  /** Minutes a cached remote registry is used before it is refreshed. */
  cacheMinutes: number;
  /** Folder for cached remote registries. */
  cacheDir?: string;
  /** Fail (exit 2) instead of warning when the registry cannot be reached. */
  strict: boolean;
  /** Seconds a network read of a remote registry may take (default 4). */
  timeoutSeconds?: number;
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileBytes?: number;
}

const KINDS = {
  dialect: 'string',
  defaultSchema: 'string',
  exclude: 'strings',
  defaultExclude: 'boolean',
  cacheMinutes: 'number',
  cacheDir: 'string',
  strict: 'boolean',
  timeoutSeconds: 'number',
  maxFileBytes: 'number',
} as const;

/** Reads and checks `check:` from the config; an unknown or mistyped key is a configuration error. */
export function checkSettings(loaded: LoadedConfig): CheckSettings {
  const raw = loaded.config.check ?? {};
  const where = loaded.file ?? 'the configuration';
  const settings: CheckSettings = { exclude: [], defaultExclude: true, cacheMinutes: 60, strict: false };
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(KINDS, key)) {
      const guess = suggest(key, Object.keys(KINDS));
      throw new DcrError(
        `${where}: unknown setting "check.${key}"${guess ? `; did you mean "check.${guess}"?` : ''}`,
        {
          hint: `known check settings: ${Object.keys(KINDS).join(', ')}`,
        },
      );
    }
    const kind = KINDS[key as keyof typeof KINDS];
    const value = raw[key];
    const ok =
      kind === 'string'
        ? typeof value === 'string' && value !== ''
        : kind === 'boolean'
          ? typeof value === 'boolean'
          : kind === 'number'
            ? typeof value === 'number' && value >= 0 && Number.isFinite(value)
            : Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (!ok) {
      const expected = {
        string: 'a string',
        boolean: 'true or false',
        number: 'a number of 0 or more',
        strings: 'a list of globs',
      }[kind];
      throw new DcrError(`${where}: setting "check.${key}" must be ${expected}`);
    }
    (settings as unknown as Record<string, unknown>)[key] = Array.isArray(value)
      ? [...(value as string[])]
      : value;
  }
  return settings;
}
