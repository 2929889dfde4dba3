import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { writeSite, type SiteResult } from './build.js';
import { loadCatalog, skippedFiles, skippedProblems } from './load-catalog.js';
import { siteMessages } from './messages.js';
import { checkBaseUrl, siteSettings } from './site-config.js';

export interface BuildCommandOptions {
  env: NodeJS.ProcessEnv;
  now: Date;
  out?: string | undefined;
  baseUrl?: string | undefined;
  title?: string | undefined;
  dryRun?: boolean;
}

/** `dcr site build`: config + flags → catalog on disk. Returns what happened; prints nothing. */
export async function buildCatalogSite(loaded: LoadedConfig, o: BuildCommandOptions) {
  const settings = siteSettings(loaded, o.env);
  const catalog = await loadCatalog(loaded, { now: o.now, staleDays: settings.staleDays });
  const outDir = o.out ?? resolve(loaded.root, settings.out);
  const baseUrl = o.baseUrl !== undefined ? checkBaseUrl(o.baseUrl) : settings.baseUrl;
  const site: SiteResult = await writeSite(catalog.entries, {
    outDir,
    now: o.now,
    title: o.title ?? settings.title,
    baseUrl,
    repo: settings.repo,
    dryRun: o.dryRun,
  });
  const skipped = skippedFiles(catalog);
  const problems = skippedProblems(catalog);
  return {
    site,
    skipped,
    problems,
    dryRun: o.dryRun === true,
    catalog,
    messages: {
      skipped: siteMessages.skippedInvalid(skipped),
      problems: siteMessages.skippedProblems(problems),
      done: o.dryRun
        ? siteMessages.dryRun(site.files, site.bytes, site.outDir)
        : siteMessages.built(site.files, site.bytes, site.contracts, site.outDir),
    },
  };
}
