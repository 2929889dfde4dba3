// Contracts that `dcr validate` accepts whose names would make file names too long or
// collide on case-insensitive file systems, and a check that every link of a built site resolves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { TempRepo } from '../helpers/git-repo.js';

export const LONG_ID = 'A'.repeat(64);
export const LONGEST_ID = 'Z'.repeat(127) + 'q';
/** Two ids alike for longer than a shortened name keeps, differing in the last character. */
export const TWIN_IDS = ['M'.repeat(100) + '1', 'M'.repeat(100) + '2'];
/** A 300-character quoted table name, and its twin differing only by case. */
export const LONG_TABLE = `"${'T'.repeat(298)}"`;
export const LONG_TABLE_LOWER = `"${'t'.repeat(298)}"`;
/** A 254-character owner address. */
export const LONG_OWNER = `${'o'.repeat(64)}@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.exampl`;

const contract = (id: string, tables: string[], owner = 'dev@example.com') => `ingestion_jobid: ${id}
source_host: db.internal
source_db: shop
source_tables: ${JSON.stringify(tables)}
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: ${owner}
ingestion_owner: data-eng@example.com
`;

/** A committed repository of contracts with extreme names (plus one ordinary contract). */
export function longNamesRepo(): TempRepo {
  const repo = new TempRepo('dcr-long-');
  repo.write(`contracts/${LONG_ID}.yaml`, contract(LONG_ID, [LONG_TABLE], LONG_OWNER));
  repo.write(`contracts/${LONGEST_ID}.yaml`, contract(LONGEST_ID, [LONG_TABLE_LOWER, '"ORDERS"']));
  repo.write(`contracts/${TWIN_IDS[0]}.yaml`, contract(TWIN_IDS[0]!, ['"orders"']));
  repo.write(
    `contracts/${TWIN_IDS[1]}.yaml`,
    contract(TWIN_IDS[1]!, ['public.orders'], LONG_OWNER.toUpperCase()),
  );
  repo.write('contracts/orders_postgres.yaml', contract('orders_postgres', ['public.orders']));
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'contracts with long names');
  return repo;
}

/** Every file of a folder, relative, with forward slashes. */
export function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The site files every `href`/`src` of every page points at, and the links that point nowhere. */
export function siteLinks(dir: string): { checked: number; broken: string[] } {
  const files = new Set(filesOf(dir));
  const broken: string[] = [];
  let checked = 0;
  for (const page of [...files].filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(dir, page), 'utf8');
    for (const m of text.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (/^[a-z]+:/i.test(link) || link.startsWith('#')) continue; // mailto:, https:, anchors
      const path = decodeURIComponent(link.split(/[?#]/)[0]!);
      const target = posix.normalize(posix.join(posix.dirname(page), path));
      const file = target.endsWith('/') || target === '.' ? posix.join(target, 'index.html') : target;
      checked++;
      if (!files.has(file)) broken.push(`${page} → ${link}`);
    }
  }
  return { checked, broken };
}
