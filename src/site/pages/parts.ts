import { isEmail } from '../../contract/email.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { html, type SafeHtml } from '../html.js';
import { contractPage, href, personPage, tablePage, tablePageKey } from '../links.js';

/** Status and freshness badges, each a link to the list filtered by it. */
export function badges(root: string, e: CatalogEntry): SafeHtml {
  return html`<a
      class="badge status-${e.contract.status}"
      href="${root}index.html?status=${encodeURIComponent(e.contract.status)}"
      >${e.contract.status}</a
    >
    <a
      class="badge fresh-${e.freshness}"
      href="${root}index.html?freshness=${e.freshness}"
      title="${freshnessTitle(e)}"
      >${e.freshness}</a
    >`;
}

const freshnessTitle = (e: CatalogEntry) =>
  e.lastUpdated ? `last updated ${e.lastUpdated.slice(0, 10)}` : 'not committed yet';

/** An owner: the address as a mailto link, and a link to the person's page. */
export const person = (root: string, email: string): SafeHtml =>
  html`<span class="person"
    ><a href="${href(root, personPage(email))}">${email}</a
    >${isEmail(email) ? html` <a class="mail" href="mailto:${email}" aria-label="email ${email}">✉</a>` : ''}</span
  >`;

export const people = (root: string, emails: readonly string[]): SafeHtml =>
  html`${emails.map((e, i) => html`${i > 0 ? ', ' : ''}${person(root, e)}`)}`;

/** A table name linked to its page (plain text when it does not parse). */
export function table(root: string, name: string): SafeHtml {
  const key = tablePageKey(name);
  return key === undefined
    ? html`<code>${name}</code>`
    : html`<a href="${href(root, tablePage(key))}"><code>${name}</code></a>`;
}

/** One line of the result list; the browser renders the same structure (site/assets/render.js). */
export function resultItem(root: string, e: CatalogEntry): SafeHtml {
  const c = e.contract;
  return html`<li class="result">
    <h3><a class="job" href="${href(root, contractPage(c.jobId))}">${c.jobId}</a> ${badges(root, e)}</h3>
    ${c.description ? html`<p class="desc">${c.description.slice(0, 300)}</p>` : ''}
    <p class="meta">
      <span>${c.sourceHost}/${c.sourceDb}</span> ·
      <span>${c.ingestionType}</span
      >${c.tables.length ? html` · <span>${c.tables.slice(0, 5).join(', ')}${c.tables.length > 5 ? '…' : ''}</span>` : ''}
    </p>
  </li>`;
}
