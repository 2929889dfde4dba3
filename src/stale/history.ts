import { posix } from 'node:path';
import { DcrError } from '../errors.js';
import { lastChanges, type LastChange } from '../git/last-changes.js';
import { runGit } from '../git/run.js';
import { staleMessages } from './messages.js';

export interface ContractHistory {
  /** Contract file (relative to the registry root) → its last commit. */
  changes: Map<string, LastChange>;
  /** A shallow clone: dates may be too recent, since older history is missing. */
  shallow: boolean;
}

/**
 * The last commit of every contract file, in one pass over git history. `root` is the folder
 * contract paths are relative to; `dir` (relative to it) limits the history walked.
 */
export async function contractHistory(
  root: string,
  files: readonly string[],
  dir = '.',
): Promise<ContractHistory> {
  const probe = await runGit(['rev-parse', '--show-prefix', '--is-shallow-repository'], {
    cwd: root,
    okCodes: [128],
  });
  if (probe.code !== 0)
    throw new DcrError(staleMessages.notARepo(root).message, { hint: staleMessages.notARepo(root).hint });
  const [prefix = '', shallow = 'false'] = probe.stdout.toString('utf8').split('\n');
  const toGit = (file: string) => posix.normalize(prefix + file);
  const gitFiles = files.map(toGit);
  const folder = posix.normalize(prefix + dir.replace(/\\/g, '/'));
  // `:(top,literal)` so that folder names with glob characters match themselves.
  const pathspec = folder === '.' || folder === './' ? [] : [`:(top,literal)${folder.replace(/\/$/, '')}`];
  const byGitPath = await lastChanges(root, gitFiles, pathspec);
  const changes = new Map<string, LastChange>();
  files.forEach((file, i) => {
    const change = byGitPath.get(gitFiles[i]!);
    if (change) changes.set(file, change);
  });
  return { changes, shallow: shallow.trim() === 'true' };
}
