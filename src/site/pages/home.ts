import type { CatalogEntry } from '../catalog-entry.js';
import { BANDS, frequencyBand } from '../frequency-band.js';
import { html, type SafeHtml } from '../html.js';
import { siteMessages } from '../messages.js';
import type { RepoLinks } from './contract.js';
import { breakable, resultItem } from './parts.js';
import type { Here } from '../links.js';

/** The facets, in display order: URL parameter and heading. */
export const FACETS = [
  ['owner', 'Owner'],
  ['host', 'Source host'],
  ['db', 'Database'],
  ['type', 'Source type'],
  ['ingestion', 'Ingestion type'],
  ['frequency', 'Frequency'],
  ['status', 'Status'],
  ['freshness', 'Freshness'],
  ['tag', 'Tag'],
] as const;

export const MISSING = '(missing)';

/** The facet values of a contract, by URL parameter. */
export function facetValues(e: CatalogEntry): Record<(typeof FACETS)[number][0], string[]> {
  const c = e.contract;
  return {
    owner: [...new Set([...c.owners.source, ...c.owners.ingestion].map((p) => p.toLowerCase()))],
    host: [c.sourceHost],
    db: [c.sourceDb],
    type: [c.sourceType ?? MISSING],
    ingestion: [c.ingestionType],
    frequency: [frequencyBand(c)],
    status: [c.status],
    freshness: [e.freshness],
    tag: c.tags.length ? [...new Set(c.tags)] : [MISSING],
  };
}

/** Rows shown in the HTML before any script runs. */
export const FIRST_ROWS = 50;
const SHOWN_VALUES = 12;

/** The home page: facets with counts and the first rows, all usable before the data loads. */
export function homeContent(at: Here, entries: readonly CatalogEntry[], repo?: RepoLinks): SafeHtml {
  const counts = new Map<string, Map<string, number>>(FACETS.map(([k]) => [k, new Map()]));
  for (const e of entries) {
    const values = facetValues(e);
    for (const [k] of FACETS) {
      const m = counts.get(k)!;
      for (const v of values[k]) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const groups = FACETS.map(([key, label]) => {
    const sorted = [...counts.get(key)!].sort(
      (a, b) =>
        b[1] - a[1] ||
        (key === 'frequency'
          ? BANDS.indexOf(a[0] as never) - BANDS.indexOf(b[0] as never)
          : a[0] < b[0]
            ? -1
            : 1),
    );
    return html`<section class="facet" data-facet="${key}">
      <h2>${label}</h2>
      <ul>
        ${sorted.slice(0, SHOWN_VALUES).map(
          ([value, n]) =>
            html`<li>
              <a
                href="${at.root}index.html?${key}=${encodeURIComponent(value)}"
                data-facet="${key}"
                data-value="${value}"
                ><span class="value">${breakable(value)}</span> <span class="count">${n}</span></a
              >
            </li>`,
        )}
      </ul>
      ${sorted.length > SHOWN_VALUES ? html`<p class="more-values">${sorted.length - SHOWN_VALUES} more</p>` : ''}
    </section>`;
  });
  const n = entries.length;
  const add = repo
    ? html`${siteMessages.howToAdd}<a href="${repo.url}">${siteMessages.theRepo}</a>.`
    : html`${siteMessages.howToAddNoRepo}.`;
  return html`<h1 class="visually-hidden">Data contracts</h1>
    <p class="about">${siteMessages.about(entries.length)}${add}</p>
    <div class="home">
      <button type="button" class="filters-toggle" aria-controls="facets" aria-expanded="false">
        Filters
      </button>
      <aside class="facets" id="facets" aria-label="Filters">${groups}</aside>
      <section class="results-pane" aria-labelledby="count">
        <h2 id="count" aria-live="polite">${n === 1 ? '1 contract' : `${n} contracts`}</h2>
        <p id="filters" class="filters"></p>
        <ol id="results" class="results">
          ${entries.slice(0, FIRST_ROWS).map((e) => resultItem(at, e))}
        </ol>
        ${n > FIRST_ROWS ? html`<p id="more" class="more">Showing the first ${FIRST_ROWS}; search or filter to narrow down.</p>` : html`<p id="more" class="more"></p>`}
        <p class="exports">
          <span class="export-buttons" hidden
            >Download this list: <button type="button" data-export="csv">CSV</button>
            <button type="button" data-export="json">JSON</button> · </span
          >Machine-readable: <a href="${at.root}registry.json">registry.json</a>
        </p>
      </section>
    </div>`;
}
