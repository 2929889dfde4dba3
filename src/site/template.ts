import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SafeHtml } from './html.js';

/** The package's `site/` folder (templates, CSS, client scripts); the same from src/ and dist/. */
export const SITE_DIR = fileURLToPath(new URL('../../site/', import.meta.url));
/** The compiled search engine, shipped to the browser as `assets/engine.js`. */
export const ENGINE_FILE = fileURLToPath(new URL('../../dist/site/search/engine.js', import.meta.url));

/** Fills `{{slot}}` placeholders with already-escaped HTML; a missing slot is a bug. */
export function fill(template: string, slots: Record<string, SafeHtml>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(slots, name)) throw new Error(`template slot {{${name}}} has no value`);
    return slots[name]!.text;
  });
}

let layout: string | undefined;
/** The page layout, read once. */
export const layoutTemplate = (): string => (layout ??= readFileSync(`${SITE_DIR}layout.html`, 'utf8'));
