import type { CatalogEntry } from '../catalog-entry.js';
import { html, type SafeHtml } from '../html.js';
import { contractPage, href, tablePageKey, type Here } from '../links.js';
import { tableColumnsByContract } from './columns.js';
import { badges, people } from './parts.js';

/** Which jobs read a table (by its bare name, any schema) and whom to contact. */
export function tableContent(at: Here, key: string, entries: readonly CatalogEntry[]): SafeHtml {
  const names = [
    ...new Set(entries.flatMap((e) => e.contract.tables.filter((t) => tablePageKey(t) === key))),
  ].sort();
  return html`<article class="table-page">
    <h1>Table <code>${key}</code></h1>
    <p>
      Listed as ${names.map((n, i) => html`${i ? ', ' : ''}<code>${n}</code>`)} by ${entries.length}
      ${entries.length === 1 ? 'contract' : 'contracts'}. Before you change or drop it, talk to the owners
      below.
    </p>
    <table class="who">
      <caption class="visually-hidden">
        Contracts reading ${key}
      </caption>
      <thead>
        <tr>
          <th scope="col">Contract</th>
          <th scope="col">As</th>
          <th scope="col">Source owner</th>
          <th scope="col">Ingestion owner</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map((e) => {
          const c = e.contract;
          return html`<tr>
            <td><a href="${href(at.root, contractPage(c.jobId))}">${c.jobId}</a> ${badges(at, e)}</td>
            <td>
              ${c.tables
                .filter((t) => tablePageKey(t) === key)
                .map((t, i) => html`${i ? ', ' : ''}<code>${t}</code>`)}
            </td>
            <td>${people(at, c.owners.source)}</td>
            <td>${people(at, c.owners.ingestion)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${tableColumnsByContract(at, key, entries)}
  </article>`;
}
