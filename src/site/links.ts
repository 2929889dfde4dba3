import { parseTableName, partKey } from '../contract/table-name.js';
import { fileSlug } from './slug.js';

/** Paths of the generated pages, relative to the site root. */
export const contractPage = (jobId: string) => `contracts/${fileSlug(jobId)}.html`;
export const contractJson = (jobId: string) => `contracts/${fileSlug(jobId)}.json`;
export const personPage = (email: string) => `people/${fileSlug(email.toLowerCase())}.html`;
export const tablePage = (key: string) => `tables/${fileSlug(key)}.html`;

/** The key a table page is filed under: its last part, case-folded unless quoted (as the registry indexes it). */
export function tablePageKey(table: string): string | undefined {
  const parsed = parseTableName(table);
  return 'error' in parsed ? undefined : partKey(parsed.table);
}

/** A link target inside an href: each path segment percent-encoded. */
export const href = (root: string, path: string) => root + path.split('/').map(encodeURIComponent).join('/');
