import { isOdcsFile } from '../../contract/odcs-file.js';
import { policyText } from '../../severity/policy.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { describeFrequency } from '../frequency-band.js';
import { html, safeHttpUrl, type SafeHtml } from '../html.js';
import { contractJson, href, type Here } from '../links.js';
import { siteMessages } from '../messages.js';
import { contractColumns } from './columns.js';
import { badges, people, table } from './parts.js';

/** Where the contracts repository lives, for links to a file and its history. */
export interface RepoLinks {
  /** e.g. https://github.com/org/contracts */
  url: string;
  branch: string;
}

const row = (label: string, value: SafeHtml | string | undefined) =>
  value === undefined || value === ''
    ? ''
    : html`<div class="field">
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;

/** Text with its backticked parts as code. */
const withCode = (text: string): SafeHtml =>
  html`${text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;

/** For a stale or due contract: since when, and what its owners should do. */
function freshnessNote(e: CatalogEntry): SafeHtml | '' {
  if (e.freshness === 'fresh' || e.ageDays === undefined || !e.lastUpdated) return '';
  const since = e.lastUpdated.slice(0, 10);
  const note = e.freshness === 'stale' ? siteMessages.staleNote : siteMessages.dueNote;
  return html`<p class="freshness-note fresh-${e.freshness}" role="note">
    ${note(e.ageDays, since)}${withCode(siteMessages.reviewStep(isOdcsFile(e.contract.file)))}${siteMessages.reviewedAfter}
  </p>`;
}

/** A page with every field of one contract. */
export function contractContent(at: Here, e: CatalogEntry, repo?: RepoLinks): SafeHtml {
  const c = e.contract;
  const sourceRepo = c.sourceRepo ? safeHttpUrl(c.sourceRepo) : undefined;
  const fileLinks = repo
    ? html` ·
        <a
          href="${`${repo.url}/blob/${encodeURIComponent(repo.branch)}/${e.repoPath.split('/').map(encodeURIComponent).join('/')}`}"
          >view file</a
        >
        ·
        <a
          href="${`${repo.url}/commits/${encodeURIComponent(repo.branch)}/${e.repoPath.split('/').map(encodeURIComponent).join('/')}`}"
          >history</a
        >`
    : '';
  const extensions = Object.keys(c.extensions);
  return html`<article class="contract">
    <header>
      <h1>${c.jobId}</h1>
      <p class="badges">${badges(at, e)}</p>
      ${[freshnessNote(e), c.description ? html`<p class="description">${c.description}</p>` : '']}
    </header>
    <section aria-labelledby="contacts">
      <h2 id="contacts">Whom to talk to</h2>
      <dl class="fields">
        ${row('Source owner', people(at, c.owners.source))}
        ${row('Ingestion owner', people(at, c.owners.ingestion))}
      </dl>
    </section>
    <section aria-labelledby="source">
      <h2 id="source">Source</h2>
      <dl class="fields">
        ${row('Host', c.sourceHost)} ${row('Database', c.sourceDb)} ${row('Source type', c.sourceType)}
        ${row(
          'Tables',
          c.tables.length
            ? html`<ul class="tables">
                ${c.tables.map((t) => html`<li>${table(at, t)}</li>`)}
              </ul>`
            : undefined,
        )}
        ${row('Source repository', c.sourceRepo ? (sourceRepo ? html`<a href="${sourceRepo}" rel="noopener noreferrer">${c.sourceRepo}</a>` : c.sourceRepo) : undefined)}
      </dl>
    </section>
    ${contractColumns(at, c)}
    <section aria-labelledby="ingestion">
      <h2 id="ingestion">Ingestion</h2>
      <dl class="fields">
        ${row('Type', c.ingestionType)} ${row('Frequency', describeFrequency(c))}
        ${row('Destination', c.destination)}
        ${row('Change policy', c.policy === undefined ? undefined : policyText(c.policy))}
        ${row('Tags', c.tags.length ? html`${c.tags.map((t, i) => html`${i ? ' ' : ''}<a class="tag" href="${at.root}index.html?tag=${encodeURIComponent(t)}">${t}</a>`)}` : undefined)}
        ${extensions.map((k) => row(k, JSON.stringify(c.extensions[k])))}
      </dl>
    </section>
    <section aria-labelledby="history">
      <h2 id="history">Freshness and history</h2>
      <dl class="fields">
        ${row('Freshness', e.freshness)}
        ${row('Last updated', e.lastUpdated?.slice(0, 10) ?? 'not committed yet')}
        ${row('Last change', e.lastChange ? `${e.lastChange.date.slice(0, 10)} by ${e.lastChange.author} (${e.lastChange.commit.slice(0, 10)})` : undefined)}
        ${row('Reviewed', c.reviewedAt)}
      </dl>
      <p class="file">
        <code>${e.repoPath}</code>${fileLinks} · <a href="${href(at.root, contractJson(c.jobId))}">JSON</a>
      </p>
    </section>
  </article>`;
}
