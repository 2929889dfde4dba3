/** Bounds on reading a registry over the network (a git clone or a published registry.json). */
export const NETWORK_LIMITS = {
  /** Default deadline of one registry read, clone or download (`check.timeoutSeconds`). */
  timeoutMs: 4000,
  /** A registry.json larger than this is refused (5,000 contracts take about 3 MB). */
  maxJsonBytes: 32 * 1024 * 1024,
  /** A clone of a contracts repository (objects and checkout) larger than this is abandoned. */
  maxCloneBytes: 256 * 1024 * 1024,
  /** Redirects followed for a registry.json, each one https when the first URL is. */
  maxRedirects: 5,
} as const;
