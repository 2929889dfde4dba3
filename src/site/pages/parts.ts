import { isEmail } from '../../contract/email.js';
import { isOdcsFile } from '../../contract/odcs-file.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { html, raw, type SafeHtml } from '../html.js';
import { siteMessages } from '../messages.js';
import { contractPage, href, personHref, tableHref, tablePageKey, type Here } from '../links.js';

/** Status and freshness badges, each a link to the list filtered by it. */
export function badges(at: Here, e: CatalogEntry): SafeHtml {
  return html`<a
      class="badge status-${e.contract.status}"
      href="${at.root}index.html?status=${encodeURIComponent(e.contract.status)}"
      >${e.contract.status}</a
    >
    <a
      class="badge fresh-${e.freshness}"
      href="${at.root}index.html?freshness=${e.freshness}"
      title="${siteMessages.badgeTitle(
        e.freshness,
        e.ageDays,
        e.lastUpdated?.slice(0, 10),
        isOdcsFile(e.contract.file),
      )}"
      >${siteMessages.badge(e.freshness, e.ageDays)}</a
    >`;
}

/** Text that may wrap after each `@` and `.` (e-mail addresses, host names), not inside a word. */
export const breakable = (text: string): SafeHtml =>
  html`${text.split(/(?=[@.])/).map((part, i) => html`${i ? raw('<wbr>') : ''}${part}`)}`;

/** An owner: the address as a mailto link, and a link to the person's page. */
export const person = (at: Here, email: string): SafeHtml =>
  html`<span class="person"
    ><a href="${personHref(at, email)}">${breakable(email)}</a
    >${isEmail(email) ? html` <a class="mail" href="mailto:${email}" aria-label="email ${email}">✉</a>` : ''}</span
  >`;

export const people = (at: Here, emails: readonly string[]): SafeHtml =>
  html`${emails.map((e, i) => html`${i > 0 ? ', ' : ''}${person(at, e)}`)}`;

/** A table name linked to its page (plain text when it does not parse). */
export function table(at: Here, name: string): SafeHtml {
  const key = tablePageKey(name);
  return key === undefined
    ? html`<code>${name}</code>`
    : html`<a href="${tableHref(at, key)}"><code>${name}</code></a>`;
}

/** One line of the result list; the browser renders the same structure (site/assets/render.js). */
export function resultItem(at: Here, e: CatalogEntry): SafeHtml {
  const c = e.contract;
  return html`<li class="result">
    <h3><a class="job" href="${href(at.root, contractPage(c.jobId))}">${c.jobId}</a> ${badges(at, e)}</h3>
    ${c.description ? html`<p class="desc">${c.description.slice(0, 300)}</p>` : ''}
    <p class="meta">
      <span>${c.sourceHost}/${c.sourceDb}</span> ·
      <span>${c.ingestionType}</span
      >${c.tables.length ? html` · <span>${c.tables.slice(0, 5).join(', ')}${c.tables.length > 5 ? '…' : ''}</span>` : ''}
    </p>
  </li>`;
}
