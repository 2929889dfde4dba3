import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import type { Contract } from '../contract/types.js';
import { readBlobs, repoRoot } from '../git/index-files.js';
import { runGit, splitZ } from '../git/run.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { validateContracts } from '../validate/validate.js';
import { fileMatcher } from './find-files.js';
import { limitsFrom } from './load.js';

/** The contracts as a commit holds them, with each file's bytes (for positions) and its diagnostics. */
export interface ContractsAtRevision {
  contracts: Contract[];
  /** Contract file (relative to the config root, as `Contract.file`) → its bytes at the revision. */
  files: Map<string, Buffer>;
  diagnostics: Diagnostic[];
}

/** The contracts as they were at a commit (read from git objects, not the working tree). */
export async function readContractsAt(
  cwd: string,
  loaded: LoadedConfig,
  rev: string,
): Promise<ContractsAtRevision> {
  const empty: ContractsAtRevision = { contracts: [], files: new Map(), diagnostics: [] };
  const top = await repoRoot(cwd);
  if (!top) return empty;
  const folder = relative(top, resolve(loaded.root, loaded.config.contracts)).split(sep).join('/');
  if (folder.startsWith('..')) return empty;
  const r = await runGit(
    ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', rev, '--', folder || '.'],
    { cwd: top },
  );
  const matches = fileMatcher({ include: loaded.config.include, ignore: loaded.config.ignore });
  const entries: { path: string; oid: string }[] = [];
  for (const record of splitZ(r.stdout)) {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    const inner = folder ? path.slice(folder.length + 1) : path;
    if (type === 'blob' && mode?.startsWith('100') && oid && matches(inner)) entries.push({ path, oid });
  }
  const blobs = await readBlobs(
    top,
    entries.map((e) => e.oid),
  );
  const name = (path: string) => relative(loaded.root, resolve(top, path)).split(sep).join('/');
  const inputs = entries.flatMap((e) =>
    blobs.has(e.oid) ? [{ file: name(e.path), bytes: blobs.get(e.oid)! }] : [],
  );
  const result = validateContracts(inputs, { rules: loaded.config.rules, limits: limitsFrom(loaded) });
  return {
    contracts: result.contracts,
    files: new Map(inputs.map((i) => [i.file, i.bytes])),
    diagnostics: result.diagnostics,
  };
}
