/** Caps applied before a file is parsed: duplicate-key detection and deep nesting are costly. */
export interface ParseLimits {
  maxFileBytes: number;
  maxLines: number;
  maxDepth: number;
  maxAliases: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileBytes: 256 * 1024,
  maxLines: 20_000,
  maxDepth: 32,
  maxAliases: 50,
};
