import { watch, type FSWatcher } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { writeSite } from '../site/build.js';
import { loadCatalog } from '../site/load-catalog.js';
import { siteSettings } from '../site/site-config.js';
import { serveState, type ServeState } from './serve-state.js';

export interface ServeOptions {
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
  /** Fixed clock (tests); the real clock when absent. */
  now?: Date;
  /** Rebuild when a contract file changes (default true). */
  watch?: boolean;
  /** Told about rebuilds and their failures. */
  log?: (line: string) => void;
  /** See SiteOptions.clientPagesAbove (tests set it low). */
  clientPagesAbove?: number;
}

export interface RunningServer {
  url: string;
  state: () => ServeState;
  /** Rebuilds now (also what the watcher calls). */
  rebuild: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Builds the catalog into a private temporary folder, serves it with the API, and rebuilds
 * when a contract changes. A failed rebuild keeps the last good build online.
 */
export async function startServer(loaded: LoadedConfig, options: ServeOptions): Promise<RunningServer> {
  const base = mkdtempSync(join(tmpdir(), 'dcr-serve-'));
  const settings = siteSettings(loaded, options.env);
  let generation = 0;
  const buildOnce = async (): Promise<ServeState> => {
    const now = options.now ?? new Date();
    const catalog = await loadCatalog(loaded, { now, staleDays: settings.staleDays });
    const dir = join(base, `build-${++generation}`);
    await writeSite(catalog.entries, {
      outDir: dir,
      now,
      title: settings.title,
      baseUrl: settings.baseUrl,
      repo: settings.repo,
      ...(options.clientPagesAbove === undefined ? {} : { clientPagesAbove: options.clientPagesAbove }),
    });
    return serveState(dir, catalog.entries, now);
  };
  let state: ServeState;
  try {
    state = await buildOnce();
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  const { createApp } = await import('./app.js');
  const app = createApp(() => state);
  const server = app.listen(options.port, options.host);
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  }).catch((error: unknown) => {
    rmSync(base, { recursive: true, force: true });
    throw error;
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 50;

  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const old = state;
          state = await buildOnce();
          rmSync(old.siteDir, { recursive: true, force: true });
          options.log?.(`rebuilt: ${state.entries.length} contracts`);
        } catch (error) {
          options.log?.(`rebuild failed, still serving the last good build: ${(error as Error).message}`);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    try {
      watcher = watch(resolve(loaded.root, loaded.config.contracts), { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void rebuild(), 150);
      });
    } catch (error) {
      options.log?.(`not watching for changes: ${(error as Error).message}`);
    }
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    state: () => state,
    rebuild,
    close: async () => {
      clearTimeout(timer);
      watcher?.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await running;
      rmSync(base, { recursive: true, force: true });
    },
  };
}
