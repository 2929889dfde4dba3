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

/**
 * Where a page sits and how it links: `root` leads back to the site root (`''` or `../`);
 * with `clientPages`, person and table pages are one page each, drawn in the browser
 * (`people/index.html?email=…`, `tables/index.html?name=…`), instead of a file each.
 */
export interface Here {
  root: string;
  clientPages: boolean;
}

/** The link to a person's page. */
export const personHref = (at: Here, email: string) =>
  at.clientPages
    ? `${at.root}people/index.html?email=${encodeURIComponent(email.toLowerCase())}`
    : href(at.root, personPage(email));

/** The link to a table's page, by its key (tablePageKey). */
export const tableHref = (at: Here, key: string) =>
  at.clientPages
    ? `${at.root}tables/index.html?name=${encodeURIComponent(key)}`
    : href(at.root, tablePage(key));
