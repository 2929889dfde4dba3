// Reads git history off the main thread, so that git's output is drained while the main
// thread validates contracts (a full pipe would stall git). See startHistory.
import { parentPort, workerData } from 'node:worker_threads';
import { lastChanges } from '../git/last-changes.js';

const { top, files, relative } = workerData as { top: string; files: string[]; relative?: string };
lastChanges(top, files, [], relative ? { relative } : {}).then(
  (changes) => parentPort!.postMessage({ ok: true, changes }),
  (error: { message?: string; hint?: string }) =>
    parentPort!.postMessage({ ok: false, message: String(error?.message ?? error), hint: error?.hint }),
);
