import { existsSync, statSync, unwatchFile, watch, watchFile, type FSWatcher, type Stats } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last change before `onSettled` (a checkout's burst is one change). */
  quietMs: number;
  /** Another writer is still at work (git's index.lock): wait, up to `busyMaxMs`. */
  busy?: () => boolean;
  busyMaxMs?: number;
  /** How often the folder itself is looked at (removed, recreated, renamed over). */
  pollMs?: number;
  /** The folder changed and has been quiet since. */
  onSettled: () => void;
  /** The folder is gone (told once per disappearance). */
  onGone: () => void;
  /** The folder cannot be watched for changes inside it. */
  onError: (error: Error) => void;
}

export interface FolderWatch {
  close: () => void;
}

const inodeOf = (dir: string) => {
  try {
    return statSync(dir).ino;
  } catch {
    return 0;
  }
};

/**
 * Watches a folder and everything below it, and survives the folder being removed and
 * recreated (a branch switch): a recursive watcher follows one folder (inode), so a slow
 * stat poll notices when the path names another one, and watches that instead.
 */
export function watchFolder(dir: string, o: WatchOptions): FolderWatch {
  let watcher: FSWatcher | undefined;
  let watched = -1;
  let timer: NodeJS.Timeout | undefined;
  let changes = 0;
  let busySince: number | undefined;
  let gone = false;
  let closed = false;
  let failed = false;

  const arm = () => {
    watcher?.close();
    watcher = undefined;
    watched = inodeOf(dir);
    if (watched === 0) return;
    try {
      watcher = watch(dir, { recursive: true }, changed);
      watcher.on('error', () => {
        // The folder went away under the watcher: the poll watches its successor.
        watcher?.close();
        watcher = undefined;
        changed();
      });
    } catch (error) {
      if (!failed) o.onError(error as Error);
      failed = true;
    }
  };

  function changed() {
    if (closed) return;
    changes++;
    clearTimeout(timer);
    timer = setTimeout(settle, o.quietMs);
  }

  function settle() {
    if (closed) return;
    if (o.busy?.()) {
      busySince ??= Date.now();
      // A lock left behind by a crashed git must not stop rebuilds for good.
      if (Date.now() - busySince < (o.busyMaxMs ?? 10_000)) {
        timer = setTimeout(settle, o.quietMs);
        return;
      }
    }
    busySince = undefined;
    const seen = changes;
    // After this turn's I/O: file events already queued re-arm the timer instead.
    setImmediate(() => {
      if (closed || changes !== seen) return;
      if (inodeOf(dir) !== watched) arm();
      if (watched === 0) {
        if (!gone) o.onGone();
        gone = true;
        return;
      }
      gone = false;
      o.onSettled();
    });
  }

  const poll = (current: Stats) => {
    if (current.ino === watched) return;
    arm();
    changed();
  };

  arm();
  watchFile(dir, { interval: o.pollMs ?? 500, persistent: false }, poll);
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      unwatchFile(dir, poll);
      watcher?.close();
    },
  };
}

/** True while git holds the index lock of the repository at `gitDir` (a checkout in progress). */
export const gitBusy = (gitDir: string | undefined) => () =>
  gitDir !== undefined && existsSync(`${gitDir}/index.lock`);
