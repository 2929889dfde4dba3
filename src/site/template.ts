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

/**
 * The layout, without its indentation, split once at its slots: filling it is then a join.
 * A missing slot is a bug, as with `fill`.
 */
export function compileLayout(): (slots: Record<string, SafeHtml>) => string {
  const parts = layoutTemplate()
    .replace(/\n\s+/g, '\n')
    .split(/\{\{(\w+)\}\}/);
  return (slots) => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      if (!Object.hasOwn(slots, name)) throw new Error(`template slot {{${name}}} has no value`);
      out += slots[name]!.text + parts[i + 1]!;
    }
    return out;
  };
}
