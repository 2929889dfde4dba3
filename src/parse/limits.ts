/**
 * Caps applied to a contract file before (and while) it is parsed. The `yaml` parser recurses
 * once per nesting level and its mapping checks grow with the number of keys, so untrusted
 * files are measured by a linear scan first (see prescan.ts).
 */
export interface ParseLimits {
  maxFileBytes: number;
  maxLines: number;
  /** Nesting levels: block indentation, compact `- - x`, flow brackets and alias chains together. */
  maxDepth: number;
  /** Mapping keys and list items in the whole file (1,000 tables, or some 2,500 typed columns). */
  maxKeys: number;
  /** Alias uses (`*name`) in the whole file. */
  maxAliases: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileBytes: 256 * 1024,
  maxLines: 20_000,
  maxDepth: 32,
  maxKeys: 10_000,
  maxAliases: 50,
};
