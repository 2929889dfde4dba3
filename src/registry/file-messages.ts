import type { Message } from '../messages.js';

/** The sentences about contract files that were listed but not read. */
export const fileMessages = {
  linkOutside: (): Message => ({
    message: 'symbolic link to a file outside the contracts folder; it was not read',
    hint: 'put the contract itself here instead of a link (links may point only inside the folder)',
  }),
  linkBroken: (): Message => ({
    message: 'symbolic link to a file that does not exist; it was not read',
    hint: 'remove the link or restore its target',
  }),
  stagedLink: (): Message => ({
    message: 'staged as a symbolic link; dcr reads only regular files from the index',
    hint: 'stage the contract itself instead of a link',
  }),
  notAFile: (): Message => ({
    message: 'not a regular file; it was not read',
    hint: 'contracts are plain YAML files; remove this entry or exclude it with `ignore` in dcr.config.yaml',
  }),
  unreadable: (why: string): Message => ({
    message: `cannot read this file (${why}); it was left out`,
    hint: 'check that the file exists and that you may read it',
  }),
};
