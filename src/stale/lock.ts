import { openSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { DcrError } from '../errors.js';

/** A held lock; `release()` removes it. */
export interface Lock {
  release(): void;
}

/**
 * Takes `<file>` as a lock (created exclusively), so only one reminder run works on a state
 * at a time. A lock left by a process that no longer runs on this machine is taken over.
 */
export function acquireLock(file: string): Lock {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }) + '\n',
      );
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (held) rmSync(file, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.host === hostname() && !processAlive(owner.pid)) {
        rmSync(file, { force: true }); // its process is gone: a killed run
        continue;
      }
      throw new DcrError(
        `another dcr remind is running${owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.at})` : ''}`,
        {
          hint: `wait for it to finish; if no run is active, delete ${file}`,
        },
      );
    }
  }
  throw new DcrError(`cannot take the lock ${file}`);
}

function readOwner(file: string): { pid: number; host: string; at: string } | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    return typeof v?.pid === 'number' && typeof v?.host === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs on this machine (one we may not signal counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
