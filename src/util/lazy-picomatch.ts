import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

const require = createRequire(import.meta.url);
let loaded: typeof Picomatch | undefined;

/**
 * picomatch, loaded on first use: a CommonJS package of five files costs a hook's start-up
 * about 20 ms, and most commits never need a glob.
 */
export const picomatch = (): typeof Picomatch => (loaded ??= require('picomatch') as typeof Picomatch);
