import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { parseDurationDays } from '../stale/duration.js';
import { siteMessages } from './messages.js';
import type { RepoLinks } from './pages/contract.js';

/** The `site:` section of dcr.config.yaml, checked. */
export interface SiteSettings {
  title?: string;
  /** Folder to write to (default `_site`). */
  out: string;
  baseUrl?: string;
  repo?: RepoLinks;
  staleDays?: number;
  /** Origins whose pages may read `dcr serve`'s API (`site.cors`: an origin or a list). */
  cors?: string[];
}

const STRING_KEYS = ['title', 'out', 'baseUrl', 'repoUrl', 'branch', 'staleAfter'] as const;
/** Keys that take a string or a list of strings. */
const LIST_KEYS = ['cors'] as const;

/**
 * Reads `site: { title, out, baseUrl, repoUrl, branch, staleAfter }`. Without `repoUrl`,
 * GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY give the repository to link to.
 */
export function siteSettings(loaded: LoadedConfig, env: NodeJS.ProcessEnv): SiteSettings {
  const raw = loaded.config.site ?? {};
  for (const key of Object.keys(raw)) {
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const v = raw[key];
      if (typeof v !== 'string' && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
        throw new DcrError(siteMessages.badSetting(key, 'a string or a list of strings').message);
      continue;
    }
    if (!(STRING_KEYS as readonly string[]).includes(key)) {
      throw new DcrError(`unknown setting site.${key}`, {
        hint: `known: ${[...STRING_KEYS, ...LIST_KEYS].join(', ')}`,
      });
    }
    if (typeof raw[key] !== 'string') throw new DcrError(siteMessages.badSetting(key, 'a string').message);
  }
  const get = (key: (typeof STRING_KEYS)[number]) => raw[key] as string | undefined;
  const settings: SiteSettings = { out: get('out') ?? '_site' };
  const title = get('title');
  if (title) settings.title = title;
  const baseUrl = get('baseUrl');
  if (baseUrl) settings.baseUrl = checkBaseUrl(baseUrl);
  // The catalog's "stale" is the reminders' rule unless the site says otherwise.
  const reminders = loaded.config.reminders?.olderThan;
  const staleAfter = get('staleAfter') ?? (typeof reminders === 'string' ? reminders : undefined);
  const cors = raw.cors as string | string[] | undefined;
  if (cors !== undefined) settings.cors = typeof cors === 'string' ? [cors] : cors;
  if (staleAfter) settings.staleDays = parseDurationDays(staleAfter);
  let repoUrl = get('repoUrl');
  if (!repoUrl && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
    repoUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
  if (repoUrl) {
    if (!/^https?:\/\/[^\s"'<>]+$/.test(repoUrl))
      throw new DcrError(siteMessages.badSetting('repoUrl', 'an http(s) URL').message);
    settings.repo = {
      url: repoUrl.replace(/\/+$/, ''),
      branch: get('branch') ?? env.GITHUB_REF_NAME ?? 'main',
    };
  }
  return settings;
}

/** An http(s) URL ending in `/`, or a DcrError. */
export function checkBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DcrError(siteMessages.badBaseUrl(text).message, { hint: siteMessages.badBaseUrl(text).hint });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DcrError(siteMessages.badBaseUrl(text).message, { hint: siteMessages.badBaseUrl(text).hint });
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
