import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { loadRegistry } from './load.js';
import type { Registry } from './registry.js';

/** Where contracts come from: a folder, a git repository, or a published registry.json. */
export type ContractsLocation =
  { kind: 'folder'; path: string } | { kind: 'git'; url: string } | { kind: 'json'; url: string };

/** Tells a git URL (`git@host:o/r.git`, `ssh://`, `git://`, `https://....git`, `file://`) from an https registry.json and a folder. */
export function locationOf(text: string): ContractsLocation {
  if (/^https?:\/\/.*\.json(?:[?#].*)?$/i.test(text)) return { kind: 'json', url: text };
  if (/^(?:ssh|git|file|https?):\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text))
    return { kind: 'git', url: text };
  return { kind: 'folder', path: text };
}

/** The registry could not be reached and no usable cache exists: a warning unless strict. */
export class RegistryUnavailable extends DcrError {
  readonly location: string;

  constructor(location: string, message: string, hint?: string) {
    super(message, hint === undefined ? {} : { hint });
    this.name = 'RegistryUnavailable';
    this.location = location;
  }
}

export interface RemoteOptions {
  /** Minutes a cached clone or registry.json is used before it is refreshed. */
  cacheMinutes?: number;
  cacheDir?: string;
  /** Allow plain http:// (tests on loopback); real users get https only. */
  allowHttp?: boolean;
  /** Milliseconds before giving up on the network. */
  timeoutMs?: number;
}

export interface LoadedContracts {
  registry: Registry;
  /** Problems that did not stop the check (an unreachable registry served from the cache...). */
  warnings: string[];
}

/** Loads the configured contracts from wherever they are. */
export async function loadContracts(
  loaded: LoadedConfig,
  _options: RemoteOptions = {},
): Promise<LoadedContracts> {
  const location = locationOf(loaded.config.contracts);
  if (location.kind === 'folder') return { registry: loadRegistry(loaded).registry, warnings: [] };
  throw new Error('remote registries are not implemented yet');
}
