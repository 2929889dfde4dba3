import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { opendir, rmdir, unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { runGit } from '../git/run.js';
import { siteMessages } from '../site/messages.js';
import { siteSettings } from '../site/site-config.js';
import { corsPolicy } from './cors.js';
import { BuildRunner, BuildSuperseded, type RunningBuild } from './build-runner.js';
import type { ServeBuild, ServeBuildJob } from './serve-build.js';
import type { ServeState } from './serve-state.js';
import { gitBusy, watchFolder, type FolderWatch } from './watch-folder.js';

export interface ServeOptions {
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
  /** Fixed clock (tests); the real clock when absent. */
  now?: Date;
  /** Rebuild when a contract file changes (default true). */
  watch?: boolean;
  /** Told about rebuilds, their failures and contracts left out. */
  log?: (line: string) => void;
  /** See SiteOptions.clientPagesAbove (tests set it low). */
  clientPagesAbove?: number;
  /** Quiet time after the last change before a rebuild (default 200 ms). */
  quietMs?: number;
  /** Origins allowed to read the API from their pages (`--cors`); replaces the config's `site.cors`. */
  cors?: readonly string[];
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
 * when a contract changes. Each build runs in a process of its own and writes a folder of
 * its own; the server swaps to it when it is complete, and removes the old folder only once
 * no request is reading from it. A failed rebuild keeps the last good build online.
 */
export async function startServer(loaded: LoadedConfig, options: ServeOptions): Promise<RunningServer> {
  const settings = siteSettings(loaded, options.env);
  const cors = options.cors?.length
    ? corsPolicy(options.cors, '--cors')
    : corsPolicy(settings.cors ?? [], `site.cors in ${loaded.file ?? 'the config'}`);
  const base = mkdtempSync(join(tmpdir(), 'dcr-serve-'));
  const log = options.log ?? (() => {});
  let generation = 0;
  const builds = new BuildRunner();
  const job = (): ServeBuildJob => ({
    loaded,
    settings,
    outDir: join(base, `build-${++generation}`),
    now: (options.now ?? new Date()).toISOString(),
    ...(options.clientPagesAbove === undefined ? {} : { clientPagesAbove: options.clientPagesAbove }),
  });
  const warnSkipped = (build: ServeBuild) => {
    if (build.skipped === 0) return;
    log(`warning: ${siteMessages.skippedInvalid(build.skipped)}`);
    for (const line of siteMessages.skippedProblems(build.problems)) log(line);
  };
  /** Removes what a build that did not finish left behind (its folder and temporary folder). */
  const clearFailed = (outDir: string) => {
    const name = outDir.slice(base.length + 1);
    for (const entry of readdirSync(base))
      if (entry === name || entry.startsWith(`${name}.`))
        void removeGently(join(base, entry)).catch(() => {});
  };

  let state: ServeState;
  try {
    const first = job();
    const build = await builds.start(first).done.catch((error: unknown) => {
      clearFailed(first.outDir);
      throw error;
    });
    state = build.state;
    warnSkipped(build);
  } catch (error) {
    builds.close();
    rmSync(base, { recursive: true, force: true });
    throw error;
  }

  // The build in progress, if any.
  let current: RunningBuild | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  // Requests pin the build they started on; a replaced build is removed when its last request ends.
  const pins = new Map<ServeState, number>();
  const retired = new Set<ServeState>();
  const discard = (s: ServeState) => {
    retired.delete(s);
    void removeGently(s.siteDir).catch(() => {});
  };
  const pin = (s: ServeState) => {
    pins.set(s, (pins.get(s) ?? 0) + 1);
    return () => {
      const left = (pins.get(s) ?? 1) - 1;
      if (left > 0) return void pins.set(s, left);
      pins.delete(s);
      if (retired.has(s)) discard(s);
    };
  };
  const swap = (next: ServeState) => {
    const old = state;
    state = next;
    if (pins.has(old)) retired.add(old);
    else discard(old);
  };

  const { createApp } = await import('./app.js');
  const app = createApp(
    () => state,
    pin,
    () => running !== undefined,
    { cors },
  );
  const server = app.listen(options.port, options.host);
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  }).catch((error: unknown) => {
    builds.close();
    rmSync(base, { recursive: true, force: true });
    throw error;
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 50;

  const rebuild = (): Promise<void> => {
    if (running) {
      // A newer change makes the running build useless: stop it and start over.
      again = true;
      current?.cancel();
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const next = job();
        current = builds.start(next);
        try {
          const build = await current.done;
          if (closed) return clearFailed(next.outDir);
          swap(build.state);
          log(siteMessages.rebuilt(build.state.entries.length));
          warnSkipped(build);
        } catch (error) {
          clearFailed(next.outDir);
          if (!(error instanceof BuildSuperseded))
            log(siteMessages.rebuildFailed(error instanceof Error ? error.message : String(error)));
        } finally {
          current = undefined;
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  let watcher: FolderWatch | undefined;
  if (options.watch !== false) {
    const dir = resolve(loaded.root, loaded.config.contracts);
    const gitDir = await runGit(['rev-parse', '--absolute-git-dir'], { cwd: loaded.root, okCodes: [128] })
      .then((r) => (r.code === 0 ? r.stdout.toString('utf8').trim() : undefined))
      .catch(() => undefined);
    watcher = watchFolder(dir, {
      quietMs: options.quietMs ?? 200,
      busy: gitBusy(gitDir),
      onSettled: () => void rebuild(),
      onGone: () => log(siteMessages.folderGone(dir)),
      onError: (error) => log(siteMessages.notWatching(error.message)),
    });
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    state: () => state,
    rebuild,
    close: async () => {
      closed = true;
      watcher?.close();
      current?.cancel();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await running;
      builds.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/**
 * Removes a folder one file at a time. `fs.rm` starts an unlink for every entry of a folder at
 * once, and tens of thousands of them queue ahead of the file reads of requests (4,000 ms
 * of waiting measured at 10,000 contracts); this leaves at most one in the queue.
 */
async function removeGently(dir: string): Promise<void> {
  for await (const entry of await opendir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await removeGently(path);
    else await unlink(path);
  }
  await rmdir(dir);
}
