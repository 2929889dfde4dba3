import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
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

// Node tests and readers that load the parser only when a node is first looked at.
export const isMap = <K = unknown, V = unknown>(node: unknown): node is YAMLMap<K, V> =>
  yaml().isMap<K, V>(node);
export const isScalar = <T = unknown>(node: unknown): node is Scalar<T> => yaml().isScalar<T>(node);
export const isSeq = <T = unknown>(node: unknown): node is YAMLSeq<T> => yaml().isSeq<T>(node);

/** The node under `key` of a mapping (undefined for anything else). */
export const mapGet = (map: unknown, key: string): unknown => (isMap(map) ? map.get(key, true) : undefined);

/** A scalar's text when it is a string or a number. */
export const scalarText = (node: unknown): string | undefined =>
  isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
    ? String(node.value)
    : undefined;
