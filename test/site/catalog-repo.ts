import { TempRepo } from '../helpers/git-repo.js';

/** A contract whose every free-text field tries to run script in the catalog. */
export const HOSTILE = `ingestion_jobid: evil_job
description: "<script>window.__pwned = 1</script><img src=x onerror=\\"window.__pwned=2\\"> 'single' \`tick\`"
source_host: evil.example.com
source_db: "<svg onload=window.__pwned=3>"
source_tables: ['"<img src=x onerror=window.__pwned=4>"', public.orders]
source_repo: "javascript:window.__pwned=5"
ingestion_type: full
ingestion_frequency_minutes: 60
source_owner: evil-team@example.com
ingestion_owner: data-eng@example.com
tags: ["<b onmouseover=window.__pwned=6>x</b>"]
destination: "javascript:alert(1)"
x-note: "</script><script>window.__pwned=7</script>"
`;

const contract = (id: string, extra: string) => `ingestion_jobid: ${id}
source_host: ${id.split('_')[0]}-db.internal
source_db: ${id.split('_')[0]}
ingestion_type: full
ingestion_frequency_minutes: 60
${extra}`;

export const NOW = '2026-06-01T00:00:00Z';

/**
 * A real repository with five contracts: orders_postgres (fresh), old_ledger (last commit
 * 2025-01-02, stale), customers_mysql, order_events (a table named like a job) and the hostile one.
 */
export function catalogRepo(): TempRepo {
  const repo = new TempRepo('dcr-site-');
  const commit = (message: string, date: string) =>
    repo.tryGit(['commit', '-q', '-m', message], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_AUTHOR_NAME: 'Ada Author',
    });
  repo.write(
    'contracts/old_ledger.yaml',
    contract(
      'old_ledger',
      'source_tables: [finance.ledger]\nsource_owner: finance@example.com\ningestion_owner: data-eng@example.com\ntags: [finance]\nstatus: deprecated\n',
    ),
  );
  repo.git('add', '.');
  commit('old ledger', '2025-01-02T10:00:00Z');
  repo.write(
    'contracts/orders_postgres.yaml',
    contract(
      'orders_postgres',
      'description: Hourly extract of shop orders.\nsource_type: postgres\nsource_tables: [public.orders, public.order_items]\nsource_owner: dev-team@example.com\ningestion_owner: [data-eng@example.com, bob@example.com]\ntags: [ecommerce, finance]\nsource_repo: github.com/example/shop\n',
    ),
  );
  repo.write(
    'contracts/customers_mysql.yaml',
    contract(
      'customers_mysql',
      'description: Customer master data.\nsource_type: mysql\nsource_tables: [crm.customers]\nsource_owner: crm@example.com\ningestion_owner: data-eng@example.com\ntags: [crm]\n',
    ),
  );
  repo.write(
    'contracts/order_events.yaml',
    contract(
      'order_events',
      'description: Mentions orders in passing.\nsource_tables: [events.order_events]\nsource_owner: events@example.com\ningestion_owner: data-eng@example.com\n',
    ),
  );
  repo.write('contracts/evil_job.yaml', HOSTILE);
  repo.git('add', '.');
  commit('more contracts', '2026-05-20T09:30:00Z');
  return repo;
}
