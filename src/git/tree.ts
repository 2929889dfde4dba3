import { runGit, splitZ } from './run.js';

/** Path → blob id of every file at a revision (`rev` a commit or tree), or in the index (`rev` undefined). */
export async function listFiles(cwd: string, rev: string | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  // -z: exact paths; --full-tree: paths from the top whatever the cwd. The index form lists
  // stage numbers: only stage 0 (merged) entries are files a commit would hold.
  const r =
    rev === undefined
      ? await runGit(['ls-files', '-s', '-z'], { cwd })
      : await runGit(['ls-tree', '-r', '-z', '--full-tree', rev], { cwd, okCodes: [128] });
  if (r.code !== 0) return files; // no such revision (before the first commit)
  for (const entry of splitZ(r.stdout)) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const fields = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (rev === undefined) {
      if (fields[2] === '0' && /^100[67][0-9]{2}$/.test(fields[0]!)) files.set(path, fields[1]!);
    } else if (fields[1] === 'blob' && /^100[67][0-9]{2}$/.test(fields[0]!)) files.set(path, fields[2]!);
  }
  return files;
}
