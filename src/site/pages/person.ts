import type { CatalogEntry } from '../catalog-entry.js';
import { isEmail } from '../../contract/email.js';
import { html, type SafeHtml } from '../html.js';
import { breakable, resultItem } from './parts.js';
import type { Here } from '../links.js';

/** What one person owns (source side) and ingests. */
export function personContent(
  at: Here,
  email: string,
  source: readonly CatalogEntry[],
  ingestion: readonly CatalogEntry[],
): SafeHtml {
  const list = (entries: readonly CatalogEntry[]) =>
    entries.length
      ? html`<ol class="results">
          ${entries.map((e) => resultItem(at, e))}
        </ol>`
      : html`<p>None.</p>`;
  return html`<article class="person-page">
    <h1>${breakable(email)}</h1>
    ${isEmail(email) ? html`<p><a href="mailto:${email}">Send an email</a> · <a href="${at.root}index.html?owner=${encodeURIComponent(email)}">search with this owner</a></p>` : ''}
    <section aria-labelledby="owns">
      <h2 id="owns">Owns the source of ${source.length} ${source.length === 1 ? 'contract' : 'contracts'}</h2>
      ${list(source)}
    </section>
    <section aria-labelledby="ingests">
      <h2 id="ingests">Ingests ${ingestion.length} ${ingestion.length === 1 ? 'contract' : 'contracts'}</h2>
      ${list(ingestion)}
    </section>
  </article>`;
}
