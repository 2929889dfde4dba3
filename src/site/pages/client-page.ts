import { html, type SafeHtml } from '../html.js';

/**
 * The one page for every person (`kind` person) or every table (`kind` table) of a large
 * catalog: the browser reads the name from the URL and draws the page from the manifest
 * (and, for tables, the table's shard). One file instead of one per person or table.
 */
export function clientPageContent(kind: 'person' | 'table', shards = 0): SafeHtml {
  return html`<article id="drawn" class="${kind}-page" data-kind="${kind}" data-shards="${shards}">
    <h1>${kind === 'person' ? 'Person' : 'Table'}</h1>
    <p id="drawn-status" aria-live="polite">Loading…</p>
    <noscript
      ><p>
        This page is drawn by JavaScript. Without it, <a href="../index.html">search the catalog</a> or read
        <a href="../registry.json">registry.json</a>.
      </p></noscript
    >
  </article>`;
}
