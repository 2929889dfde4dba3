import { DcrError } from '../errors.js';
import { gitMissing, runGit, spawnGit, splitZ } from './run.js';
import { findWorkTree } from './refs.js';

/** A file as recorded in git's index (the staging area). */
export interface IndexEntry {
  path: string;
  mode: string;
  oid: string;
}

/** Top folder of the work tree containing `cwd`, or undefined outside a repository. */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  const found = findWorkTree(cwd);
  if (found) return found.top;
  const r = await runGit(['rev-parse', '--show-toplevel'], { cwd, okCodes: [128] });
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/**
 * Paths staged for the next commit (added, copied, modified, renamed, type-changed) under
 * `pathspec`. Works before the first commit too: git compares against the empty tree.
 * Honours GIT_INDEX_FILE, which git sets for `commit -a` and `commit <path>`.
 */
export async function stagedPaths(cwd: string, pathspec: string[]): Promise<string[]> {
  const r = await runGit(
    [
      'diff',
      '--cached',
      '--name-only',
      '-z',
      '--no-ext-diff',
      '--no-renames',
      '--diff-filter=ACMRT',
      '--',
      ...pathspec,
    ],
    { cwd },
  );
  return splitZ(r.stdout);
}

/** Every regular file in the index under `pathspec`, paths relative to the repository root. */
export async function indexEntries(cwd: string, pathspec: string[]): Promise<IndexEntry[]> {
  const r = await runGit(['ls-files', '--stage', '-z', '--full-name', '--', ...pathspec], { cwd });
  const entries: IndexEntry[] = [];
  for (const record of splitZ(r.stdout)) {
    const tab = record.indexOf('\t');
    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    if (!mode || !oid || stage !== '0' || !mode.startsWith('100')) continue; // skip conflicts, links, submodules
    entries.push({ path: record.slice(tab + 1), mode, oid });
  }
  return entries;
}

/** Reads many blobs in one `git cat-file --batch` call. Missing objects are left out. */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length > 0) await catFile(cwd, unique, Infinity, (oid, _size, body) => blobs.set(oid, body!));
  return blobs;
}

/** Blobs read up to a size, and the sizes of those left unread for being larger. */
export interface BoundedBlobs {
  blobs: Map<string, Buffer>;
  oversized: Map<string, number>;
}

/**
 * Reads blobs no larger than `maxBytes`: a 2 GiB file staged beside a migration costs one
 * header line, not 2 GiB of memory. At a header announcing a larger blob, git is stopped and
 * started again after it (one process in the usual case, one more per huge file).
 */
export async function readBlobsUpTo(
  cwd: string,
  oids: readonly string[],
  maxBytes: number,
): Promise<BoundedBlobs> {
  const unique = [...new Set(oids)];
  const blobs = new Map<string, Buffer>();
  const oversized = new Map<string, number>();
  for (let start = 0; start < unique.length;) {
    start += await catFile(cwd, unique.slice(start), maxBytes, (oid, size, body) => {
      if (body) blobs.set(oid, body);
      else oversized.set(oid, size);
    });
  }
  return { blobs, oversized };
}

/**
 * Runs `git cat-file --batch` for `oids` and hands each blob to `each` as it streams in. A
 * blob over `maxBytes` is handed without its body, and ends the run there: the promise gives
 * how many oids were answered, so the caller starts again after it. Answers come in the order
 * asked; one that names another object, or output that ends inside an answer, is an error: a
 * reader that lost its place must never look like "no more files".
 */
function catFile(
  cwd: string,
  oids: readonly string[],
  maxBytes: number,
  each: (oid: string, size: number, body?: Buffer) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(['cat-file', '--batch'], cwd);
    let stopped = false; // at an oversized blob, on purpose
    let next = 0; // index in oids of the answer expected
    let pending: Buffer = Buffer.alloc(0);
    let body: { oid: string; size: number; parts: Buffer[]; have: number } | undefined;
    let failed: Error | undefined;
    const lost = (why: string) => {
      failed ??= new DcrError(`git cat-file lost its place reading objects: ${why}`, {
        hint: 'run the command again; if it persists, run `git fsck` on this repository',
      });
      child.kill();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed || stopped) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        if (body) {
          const need = body.size + 1 - body.have; // the body, then a newline
          if (pending.length < need) {
            body.parts.push(pending);
            body.have += pending.length;
            pending = Buffer.alloc(0);
            return;
          }
          body.parts.push(pending.subarray(0, need));
          pending = pending.subarray(need);
          const all = Buffer.concat(body.parts);
          if (all[body.size] !== 0x0a) return lost(`no newline after ${body.oid}`);
          each(body.oid, body.size, all.subarray(0, body.size));
          body = undefined;
          continue;
        }
        const nl = pending.indexOf(0x0a);
        if (nl < 0) {
          if (pending.length > 1024) lost('a header line is too long');
          return;
        }
        const header = pending.subarray(0, nl).toString('utf8').split(' ');
        pending = pending.subarray(nl + 1);
        const asked = oids[next++];
        if (asked === undefined) return lost('more answers than questions');
        if (header[1] === 'missing' && header[0] === asked) continue;
        const size = Number(header[2]);
        if (header[0] !== asked || header.length < 3 || !Number.isSafeInteger(size) || size < 0)
          return lost(`expected ${asked}, read "${header.join(' ').slice(0, 80)}"`);
        if (size > maxBytes) {
          each(asked, size);
          stopped = true;
          child.kill();
          return;
        }
        body = { oid: asked, size, parts: [], have: 0 };
      }
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => reject(gitMissing(error)));
    child.stdin.on('error', () => {}); // git may exit before reading all input
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (stopped) return resolve(next);
      if (code !== 0)
        return reject(
          new DcrError(
            `git cat-file failed: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? ''}`,
          ),
        );
      if (body || next < oids.length)
        return reject(new DcrError('git cat-file ended before answering every object', {}));
      resolve(next);
    });
    child.stdin.end(oids.join('\n') + '\n');
  });
}
