import type { Contract, TableDetails } from '../../contract/types.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { html, type SafeHtml } from '../html.js';
import { contractPage, href, tablePageKey, type Here } from '../links.js';
import { table } from './parts.js';

/** The columns of one table as a contract lists them, with the key and cursor marked. */
export function columnTable(name: string, d: TableDetails): SafeHtml {
  const keys = new Set(d.keyColumns ?? []);
  const listed = d.columns ?? [];
  // Key and cursor columns are rows too when the contract lists no columns.
  const extra = [...keys, ...(d.cursorColumn ? [d.cursorColumn] : [])]
    .filter((c, i, all) => all.indexOf(c) === i && !listed.some((l) => l.name === c))
    .map((c) => ({ name: c }) as { name: string; type?: string; nullable?: boolean });
  const rows = [...listed, ...extra];
  if (rows.length === 0) return html``;
  const role = (c: string) =>
    [keys.has(c) ? 'key' : '', d.cursorColumn === c ? 'cursor' : ''].filter(Boolean).join(', ');
  return html`<table class="who columns">
    <caption class="visually-hidden">
      Columns of ${name} the job reads
    </caption>
    <thead>
      <tr>
        <th scope="col">Column</th>
        <th scope="col">Type</th>
        <th scope="col">Nullable</th>
        <th scope="col">Role</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (c) =>
          html`<tr>
            <td><code>${c.name}</code></td>
            <td>${c.type ? html`<code>${c.type}</code>` : ''}</td>
            <td>${c.nullable === undefined ? '' : c.nullable ? 'yes' : 'no'}</td>
            <td>${role(c.name)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The tables a contract details, in the order it lists them. */
const detailed = (c: Contract, keep: (table: string) => boolean = () => true) =>
  c.tables.flatMap((t) => {
    const d = c.tableColumns && Object.hasOwn(c.tableColumns, t) ? c.tableColumns[t] : undefined;
    return d && keep(t) && (d.columns?.length || d.keyColumns?.length || d.cursorColumn) ? [{ t, d }] : [];
  });

/** On a contract's page: a column table per table whose columns the contract lists. */
export function contractColumns(at: Here, c: Contract): SafeHtml {
  const tables = detailed(c);
  if (tables.length === 0) return html``;
  return html`<section aria-labelledby="columns">
    <h2 id="columns">Columns the job reads</h2>
    ${tables.map(
      ({ t, d }) =>
        html`<h3>${table(at, t)}</h3>
          ${columnTable(t, d)}`,
    )}
  </section>`;
}

/** On a table's page: which columns each contract reads of it. */
export function tableColumnsByContract(at: Here, key: string, entries: readonly CatalogEntry[]): SafeHtml {
  const parts = entries.flatMap((e) =>
    detailed(e.contract, (t) => tablePageKey(t) === key).map(({ t, d }) => ({ c: e.contract, t, d })),
  );
  if (parts.length === 0) return html``;
  return html`<section aria-labelledby="columns">
    <h2 id="columns">Columns read</h2>
    ${parts.map(
      ({ c, t, d }) =>
        html`<h3><a href="${href(at.root, contractPage(c.jobId))}">${c.jobId}</a> reads <code>${t}</code></h3>
          ${columnTable(t, d)}`,
    )}
  </section>`;
}
