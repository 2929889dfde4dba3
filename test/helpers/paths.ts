import { fileURLToPath } from 'node:url';

/** The repository's top folder. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI (tests run after `npm run build`). */
export const DCR = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
