import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { yaml } from '../util/yaml-lazy.js';
import { isPolicyError, parsePolicy, type PolicySetting } from '../severity/policy.js';
import { DcrError } from '../errors.js';
import type { RuleSetting } from '../validate/validate.js';
import { suggest } from '../util/suggest.js';
import { SourceFile } from '../parse/source-file.js';

/** The configuration file (`dcr.config.yaml`, or the `dcr` key of package.json). */
export interface DcrConfig {
  /** Folder (relative to the config file), git URL or https URL of a registry.json. */
  contracts: string;
  include?: string[];
  ignore?: string[];
  maxFileBytes?: number;
  rules?: Record<string, RuleSetting>;
  /** Email → GitHub handle (`octocat`) or team (`@org/team`). */
  people?: Record<string, string>;
  /** This repository's name, matched against contracts' `source_repo`. */
  repo?: string;
  /** What the change guard does by default: warn, block, or severity thresholds. */
  policy?: PolicySetting;
  /** Settings of the change guard (`dcr check`). */
  check?: Record<string, unknown>;
  /** Settings of the catalog (`dcr site build`, `dcr serve`). */
  site?: Record<string, unknown>;
  /** Settings of stale-contract reminders (`dcr stale`, `dcr remind`). */
  reminders?: Record<string, unknown>;
  /** Settings of the GitHub Action. */
  github?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: DcrConfig;
  /** Folder the config file sits in (or the working folder without one): paths resolve from here. */
  root: string;
  /** The file it came from, if any. */
  file?: string;
}

const KEYS: Record<keyof DcrConfig, 'string' | 'strings' | 'number' | 'object' | 'policy'> = {
  contracts: 'string',
  include: 'strings',
  ignore: 'strings',
  maxFileBytes: 'number',
  rules: 'object',
  people: 'object',
  repo: 'string',
  policy: 'policy',
  check: 'object',
  site: 'object',
  reminders: 'object',
  github: 'object',
};

export const CONFIG_FILES = ['dcr.config.yaml', 'dcr.config.yml'];

/**
 * Finds and reads the configuration: `--config FILE` if given, else the nearest
 * dcr.config.yaml or package.json with a `dcr` key, from `cwd` up to the repository root.
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  if (explicit) return readConfig(resolve(cwd, explicit));
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return readConfig(join(dir, name));
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = safeJson(pkg);
      if (json && typeof json === 'object' && Object.hasOwn(json, 'dcr')) {
        return { config: checkConfig((json as Record<string, unknown>).dcr, pkg), root: dir, file: pkg };
      }
    }
    // No config: paths are relative to the repository's top folder, else to the working folder.
    if (existsSync(join(dir, '.git'))) return { config: { contracts: 'contracts' }, root: dir };
    if (dirname(dir) === dir) break;
  }
  return { config: { contracts: 'contracts' }, root: resolve(cwd) };
}

function readConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DcrError(
      `cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      {
        hint: 'check the --config path',
        cause: error,
      },
    );
  }
  if (file.endsWith('.json')) {
    const json = safeJson(file);
    const value =
      json && typeof json === 'object' && Object.hasOwn(json, 'dcr')
        ? (json as Record<string, unknown>).dcr
        : json;
    return { config: checkConfig(value, file), root: dirname(file), file };
  }
  const { isMap, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
    merge: false,
  });
  const source = new SourceFile(file, text, lineCounter, doc);
  const first = doc.errors[0];
  if (first) {
    const { line, column } = source.at(first.pos[0]);
    throw new DcrError(
      `${file}:${line}:${column}: the config file is not valid YAML: ${first.message.split('\n')[0]}`,
    );
  }
  if (doc.contents !== null && !isMap(doc.contents))
    throw new DcrError(`${file}:1:1: the config file must be a mapping of settings`);
  const data = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 20 });
  return { config: checkConfig(data, file, source), root: dirname(file), file };
}

function safeJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DcrError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function checkConfig(value: unknown, file: string, source?: SourceFile): DcrConfig {
  const where = (key: string) => {
    if (!source) return file;
    const { line, column } = source.locate([key], true);
    return `${file}:${line}:${column}`;
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DcrError(`${file}: the dcr configuration must be a mapping of settings`);
  }
  const data = value as Record<string, unknown>;
  const config: DcrConfig = { contracts: 'contracts' };
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(KEYS, key)) {
      const guess = suggest(key, Object.keys(KEYS));
      throw new DcrError(
        `${where(key)}: unknown setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`,
        {
          hint: `known settings: ${Object.keys(KEYS).join(', ')}`,
        },
      );
    }
    const kind = KEYS[key as keyof DcrConfig];
    const v = data[key];
    if (kind === 'policy') {
      const policy = parsePolicy(v);
      if (isPolicyError(policy)) throw new DcrError(`${where(key)}: ${policy.error}`, { hint: policy.hint });
      config.policy = policy;
      continue;
    }
    const ok =
      kind === 'string'
        ? typeof v === 'string'
        : kind === 'number'
          ? typeof v === 'number' && v > 0
          : kind === 'strings'
            ? Array.isArray(v) && v.every((s) => typeof s === 'string')
            : v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!ok) {
      const expected = {
        string: 'a string',
        number: 'a positive number',
        strings: 'a list of strings',
        object: 'a mapping',
      }[kind];
      throw new DcrError(`${where(key)}: setting "${key}" must be ${expected}`);
    }
    (config as unknown as Record<string, unknown>)[key] = v;
  }
  for (const [rule, setting] of Object.entries(config.rules ?? {})) {
    if (setting !== 'off' && setting !== 'warning' && setting !== 'error') {
      throw new DcrError(`${where('rules')}: rules.${rule} must be off, warning or error`);
    }
  }
  return config;
}
