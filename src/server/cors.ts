import { DcrError } from '../errors.js';
import { corsMessages } from './messages.js';

/** Origins that may read the catalog from their pages: exact origins, or every origin (`*`). */
export type CorsPolicy = { any: true } | { any: false; origins: ReadonlySet<string> };

/**
 * Checks the origins given with `--cors` or `site.cors`: each `scheme://host[:port]`, nothing
 * more (a path or a trailing slash is a mistake a browser never sends), or `*` given on its own.
 * Returns undefined when none are given (no cross-origin reads at all).
 */
export function corsPolicy(origins: readonly string[], where: string): CorsPolicy | undefined {
  if (origins.length === 0) return undefined;
  if (origins.includes('*')) {
    if (origins.length > 1) {
      const m = corsMessages.starAlone(where);
      throw new DcrError(m.message, { hint: m.hint });
    }
    return { any: true };
  }
  const set = new Set<string>();
  for (const text of origins) set.add(checkOrigin(text, where));
  return { any: false, origins: set };
}

function checkOrigin(text: string, where: string): string {
  const bad = () => {
    const m = corsMessages.badOrigin(text, where);
    return new DcrError(m.message, { hint: m.hint });
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad();
  // URL drops a default port and folds case: compare what the browser will send.
  if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw bad();
  if (url.username || url.password || /\/$/.test(text)) throw bad();
  return url.origin;
}

/** The origin a response may name in Access-Control-Allow-Origin, or undefined when not allowed. */
export function allowedOrigin(
  policy: CorsPolicy | undefined,
  origin: string | undefined,
): string | undefined {
  if (!policy || origin === undefined) return undefined;
  if (policy.any) return '*';
  return policy.origins.has(origin.toLowerCase()) ? origin : undefined;
}

/** Request headers a preflight may ask for: what a reading script sends. */
export const CORS_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'cache-control',
  'if-none-match',
  'if-modified-since',
];
