import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from './paths.js';

export interface CorpusFile {
  /** The path the file had in its repository. */
  path: string;
  bytes: Buffer;
  text: string;
}

let read: CorpusFile[] | undefined;

/** Every file (under 512 KiB) of the mined corpus's cases, both sides, with the path it had in its repository (read once per test file). */
export function corpusFiles(): CorpusFile[] {
  if (read) return read;
  const out: CorpusFile[] = [];
  const walk = (dir: string, base: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, base);
      else if (statSync(full).size < 512 * 1024) {
        const bytes = readFileSync(full);
        out.push({ path: relative(base, full), bytes, text: bytes.toString('utf8') });
      }
    }
  };
  const mined = join(REPO, 'test/corpus/mined');
  for (const fw of readdirSync(mined)) {
    const fwDir = join(mined, fw);
    if (!statSync(fwDir).isDirectory()) continue;
    for (const c of readdirSync(fwDir))
      for (const side of ['before', 'after'])
        try {
          walk(join(fwDir, c, side), join(fwDir, c, side));
        } catch {
          // a case with one side only
        }
  }
  read = out;
  return out;
}
