import type { LoadedConfig } from '../config/config.js';
import { writeSite } from '../site/build.js';
import { loadCatalog, skippedFiles, skippedProblems } from '../site/load-catalog.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { SiteSettings } from '../site/site-config.js';
import { serveState, type ServeState } from './serve-state.js';

/** One build of the served catalog: plain data, so it can be sent to a build process. */
export interface ServeBuildJob {
  loaded: LoadedConfig;
  settings: SiteSettings;
  /** A folder of its own (it must not exist yet); the build's pages are written there. */
  outDir: string;
  /** ISO date-time: the clock of the freshness badges. */
  now: string;
  clientPagesAbove?: number;
}

export interface ServeBuild {
  state: ServeState;
  /** Contract files with errors, left out (as `dcr site build` counts them). */
  skipped: number;
  /** Their errors, by file and line. */
  problems: Diagnostic[];
}

/** Loads the contracts, writes the site into `job.outDir` and prepares what the server answers from. */
export async function buildServeState(job: ServeBuildJob): Promise<ServeBuild> {
  const now = new Date(job.now);
  const catalog = await loadCatalog(job.loaded, { now, staleDays: job.settings.staleDays });
  await writeSite(catalog.entries, {
    outDir: job.outDir,
    now,
    title: job.settings.title,
    baseUrl: job.settings.baseUrl,
    repo: job.settings.repo,
    ...(job.clientPagesAbove === undefined ? {} : { clientPagesAbove: job.clientPagesAbove }),
  });
  return {
    state: serveState(job.outDir, catalog.entries, now),
    skipped: skippedFiles(catalog),
    problems: skippedProblems(catalog),
  };
}
