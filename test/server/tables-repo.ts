import { TempRepo } from '../helpers/git-repo.js';

const contract = (id: string, tables: string, owner: string, extra = '') => `ingestion_jobid: ${id}
source_host: ${id}.internal
source_db: shop
source_tables: ${tables}
ingestion_type: full
source_owner: ${owner}
ingestion_owner: data-eng@example.com
${extra}`;

/**
 * A repository of contracts that name an `orders` table in every way the guard tells apart:
 * two schemas, bare, database-qualified, quoted with a space and a capital, and a retired job.
 */
export function tablesRepo(): TempRepo {
  const repo = new TempRepo('dcr-tables-');
  repo.write(
    'contracts/shop_public.yaml',
    contract('shop_public', '[public.orders, public.order_items]', 'pub@example.com'),
  );
  repo.write('contracts/shop_sales.yaml', contract('shop_sales', '[sales.orders]', 'sales@example.com'));
  repo.write('contracts/legacy_bare.yaml', contract('legacy_bare', '[orders]', 'bare@example.com'));
  repo.write('contracts/erp_orders.yaml', contract('erp_orders', '[erp.dbo.orders]', 'erp@example.com'));
  repo.write(
    'contracts/quoted_items.yaml',
    contract('quoted_items', `['reporting."Order Items"']`, 'rep@example.com'),
  );
  repo.write(
    'contracts/old_orders.yaml',
    contract('old_orders', '[public.orders]', 'gone@example.com', 'status: retired\n'),
  );
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'contracts');
  return repo;
}
