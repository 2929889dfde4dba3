import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let loaded: YamlModule | undefined;

/**
 * Loads `yaml` ahead of synchronous use. Bundles (the GitHub Action) call this once at start,
 * since their `require` cannot find packages on disk.
 */
export async function preloadYaml(): Promise<YamlModule> {
  loaded ??= await import('yaml');
  return loaded;
}

/**
 * The `yaml` module, loaded on first use: a hook that reads no YAML (no config file, no YAML
 * migration in the change) does not pay for loading the parser.
 */
export function yaml(): YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return loaded;
}
