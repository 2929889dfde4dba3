import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { dbtExtractor } from '../../../src/detect/extractors/dbt.js';
import type { RepoContext } from '../../../src/detect/types.js';
import { fileChange, summary } from './change.js';
import { detectFixtureCommit, tablesOf } from './commit-fixture.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./dbt/${name}`, import.meta.url));

const extract = (path: string, before: string | undefined, after: string | undefined, repo?: RepoContext) => {
  if (!dbtExtractor.matches(path, after ?? before ?? '')) throw new Error(`dbt does not claim ${path}`);
  return dbtExtractor.extract(fileChange(path, before, after), repo ? { repo } : {});
};

const project = (qaInt: string): string => `name: shop
model-paths: ["models"]
models:
  shop:
    staging:
      +materialized: view
    qa_int:
${qaInt}      +tags: ['qa']
`;

describe('dbt extractor', () => {
  it('folder config in dbt_project.yml: models without their own config change relation', () => {
    const files = {
      'dbt/dbt_project.yml': '',
      'dbt/models/qa_int/qa_int__orders.sql': 'select * from {{ ref("orders") }}\n',
      'dbt/models/qa_int/qa_int__own.sql': "{{ config(materialized='table') }}\nselect 1\n",
      'dbt/models/qa_int/_qa_int.yml':
        'version: 2\nmodels:\n  - name: qa_int__props\n    config:\n      materialized: table\n  - name: qa_int__listed\n',
      'dbt/models/staging/stg__orders.sql': 'select 1\n',
    };
    const before = project('');
    const after = project('      +materialized: table\n');
    const repo = staticRepoContext({
      before: { ...files, 'dbt/dbt_project.yml': before },
      after: { ...files, 'dbt/dbt_project.yml': after },
    });
    expect(summary(extract('dbt/dbt_project.yml', before, after, repo))).toEqual([
      'qa_int__listed alter',
      'qa_int__orders alter',
    ]);
    // Without the repository there is nothing to say about models.
    expect(extract('dbt/dbt_project.yml', before, after)).toEqual([]);
    // A change that touches no relation config (tags, docs) changes nothing.
    const tagged = after.replace("['qa']", "['qa', 'prod']");
    expect(extract('dbt/dbt_project.yml', after, tagged, repo)).toEqual([]);
  });

  it('ephemeral and disabled models build nothing; an alias in properties names the relation', () => {
    const props =
      'version: 2\nmodels:\n  - name: int__helper\n    config:\n      materialized: ephemeral\n  - name: dim_x\n    config:\n      alias: dim_customer\n';
    const repo = staticRepoContext({
      before: { 'dbt_project.yml': 'name: p\n', 'models/_m.yml': props },
      after: { 'dbt_project.yml': 'name: p\n', 'models/_m.yml': props },
    });
    expect(extract('models/int__helper.sql', undefined, 'select 1 as a\n', repo)).toEqual([]);
    expect(
      extract('models/off.sql', undefined, '{{ config(enabled=false) }}\nselect 1 as a\n', repo),
    ).toEqual([]);
    expect(summary(extract('models/dim_x.sql', 'select 1 as a\n', 'select 2 as a\n', repo))).toEqual([
      'dim_customer alter',
    ]);
  });

  it('a config change in a properties file changes that model; docs and tests do not', () => {
    const before =
      'version: 2\nmodels:\n  - name: orders\n    description: x\n    config:\n      materialized: view\n';
    expect(summary(extract('models/_m.yml', before, before.replace('view', 'table')))).toEqual([
      'orders alter',
    ]);
    expect(summary(extract('models/_m.yml', before, before.replace('view', 'ephemeral')))).toEqual([
      'orders drop',
    ]);
    expect(extract('models/_m.yml', before, before.replace('description: x', 'description: y'))).toEqual([]);
  });

  it('seeds (CSV) are tables: added creates, new rows write data, a new header alters', () => {
    const csv = 'code,label\n1,a\n';
    expect(summary(extract('seeds/usetypes.csv', undefined, csv))).toEqual(['usetypes create']);
    expect(summary(extract('seeds/usetypes.csv', csv, `${csv}2,b\n`))).toEqual(['usetypes data']);
    expect(summary(extract('seeds/usetypes.csv', csv, csv.replace('label', 'name')))).toEqual([
      'usetypes alter',
    ]);
    // A CSV outside the project's seed paths is no seed.
    const repo = staticRepoContext({ after: { 'dbt_project.yml': 'name: p\nseed-paths: ["data"]\n' } });
    expect(extract('seeds/usetypes.csv', undefined, csv, repo)).toEqual([]);
  });

  it('a source definition is what the project reads: possible, never certain', () => {
    const before = 'sources:\n  - name: shop\n    tables:\n      - name: orders\n';
    const changes = extract('models/_sources.yml', before, `${before}      - name: payments\n`);
    expect(changes).toMatchObject([{ table: 'shop.payments', confidence: 'possible' }]);
  });

  // Real commits: cagov/data-infrastructure 7cbf0251 (MIT), NYCPlanning/data-engineering 9574cfa8
  // (MIT); see dbt/SOURCES.md.
  it('in a real repository: a folder config moved in dbt_project.yml changes the models under it', async () => {
    const changes = await detectFixtureCommit(fixture('cagov-7cbf025'));
    expect(tablesOf(changes.filter((c) => c.confidence !== 'possible'))).toEqual([
      'stg_scprs__lpa_contracts',
      'stg_scprs__purchases',
    ]);
  });

  it('in a real repository: a new seed creates its table', async () => {
    expect(tablesOf(await detectFixtureCommit(fixture('nycplanning-9574cfa')))).toEqual(['usetype_mappings']);
  });
});
