import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, Finding } from '../../src/detect/types.js';
import { GIT_ENV, makeRepo, withTemp, type Repo } from '../check/git-repo.js';

const BIN = resolve('dist/cli/bin.js');

/** One rule code, the contract that meets the change, and the migration that triggers it. */
interface Case {
  code: string;
  severity: 'breaking' | 'risky' | 'info';
  /** How the contract lists its table: a name, or YAML for a mapping with columns. */
  table?: string;
  ingestion?: 'full' | 'incremental' | 'cdc';
  file: string;
  text: string;
}

const cols = (t: string, extra: string) => `{ name: public.${t}, ${extra} }`;

/** Every guard code of the README's table, each made by a real migration in a real repository. */
const CASES: Case[] = [
  { code: 'DCR-B101', severity: 'breaking', file: 'b101.sql', text: 'DROP TABLE t_b101;' },
  {
    code: 'DCR-B102',
    severity: 'breaking',
    file: 'b102.sql',
    text: 'ALTER TABLE t_b102 RENAME TO t_b102_old;',
  },
  {
    code: 'DCR-B103',
    severity: 'breaking',
    table: cols('t_b103', 'columns: [id, amount]'),
    file: 'b103.sql',
    text: 'ALTER TABLE t_b103 DROP COLUMN amount;',
  },
  {
    code: 'DCR-B104',
    severity: 'breaking',
    table: cols('t_b104', 'columns: [id, amount]'),
    file: 'b104.sql',
    text: 'ALTER TABLE t_b104 RENAME COLUMN amount TO total;',
  },
  {
    code: 'DCR-B105',
    severity: 'breaking',
    table: cols('t_b105', 'columns: [id, { name: amount, type: integer }]'),
    file: 'b105.sql',
    text: 'ALTER TABLE t_b105 ALTER COLUMN amount TYPE text;',
  },
  {
    code: 'DCR-B106',
    severity: 'breaking',
    ingestion: 'incremental',
    table: cols('t_b106', 'columns: [id, updated_at], cursor_column: updated_at'),
    file: 'b106.sql',
    text: 'ALTER TABLE t_b106 DROP COLUMN updated_at;',
  },
  {
    code: 'DCR-B107',
    severity: 'breaking',
    ingestion: 'cdc',
    table: cols('t_b107', 'columns: [id, name], key_columns: [id]'),
    file: 'b107.sql',
    text: 'ALTER TABLE t_b107 RENAME COLUMN id TO order_id;',
  },
  { code: 'DCR-B108', severity: 'breaking', file: 'b108.sql', text: 'ALTER TABLE t_b108 DROP COLUMN x;' },
  {
    code: 'DCR-B109',
    severity: 'breaking',
    file: 'b109.sql',
    text: 'ALTER TABLE t_b109 RENAME COLUMN x TO y;',
  },
  {
    code: 'DCR-R201',
    severity: 'risky',
    ingestion: 'incremental',
    file: 'r201.sql',
    text: "UPDATE t_r201 SET status = 'done';",
  },
  {
    code: 'DCR-R202',
    severity: 'risky',
    table: cols('t_r202', 'columns: [id, { name: amount, type: integer }]'),
    file: 'r202.sql',
    text: 'ALTER TABLE t_r202 ALTER COLUMN amount TYPE bigint;',
  },
  {
    code: 'DCR-R203',
    severity: 'risky',
    table: cols('t_r203', 'columns: [id, amount]'),
    file: 'r203.sql',
    text: 'ALTER TABLE t_r203 ALTER COLUMN amount DROP NOT NULL;',
  },
  {
    code: 'DCR-R204',
    severity: 'risky',
    file: 'r204.sql',
    text: 'ALTER TABLE t_r204 SET (fillfactor = 70);',
  },
  {
    code: 'DCR-R205',
    severity: 'risky',
    file: 'r205.sql',
    text: 'ALTER TABLE t_r205 ALTER COLUMN x TYPE text;',
  },
  { code: 'DCR-R206', severity: 'risky', file: 'r206.sql', text: 'ALTER TABLE t_r206_new RENAME TO t_r206;' },
  {
    code: 'DCR-R207',
    severity: 'risky',
    file: 'r207.py',
    text: 'import db\n\ndef run(cur):\n    cur.execute("ALTER TABLE t_r207 ADD COLUMN note text")',
  },
  { code: 'DCR-I301', severity: 'info', file: 'i301.sql', text: 'CREATE TABLE t_i301 (id int);' },
  { code: 'DCR-I302', severity: 'info', file: 'i302.sql', text: 'ALTER TABLE t_i302 ADD COLUMN note text;' },
  { code: 'DCR-I303', severity: 'info', file: 'i303.sql', text: 'CREATE INDEX i_i303 ON t_i303 (x);' },
  {
    code: 'DCR-I304',
    severity: 'info',
    file: 'i304.sql',
    text: 'ALTER TABLE t_i304 ADD CONSTRAINT positive CHECK (x > 0);',
  },
  {
    code: 'DCR-I305',
    severity: 'info',
    table: cols('t_i305', 'columns: [id]'),
    file: 'i305.sql',
    text: 'ALTER TABLE t_i305 DROP COLUMN legacy;',
  },
  {
    code: 'DCR-I306',
    severity: 'info',
    file: 'i306.sql',
    text: 'ALTER TABLE t_i306 ALTER COLUMN x SET DEFAULT 0;',
  },
  {
    code: 'DCR-I307',
    severity: 'info',
    file: 'i307.sql',
    text: 'ALTER TABLE t_i307 ALTER COLUMN x SET NOT NULL;',
  },
];

const jobOf = (c: Case) => `job_${c.code.slice(4).toLowerCase()}`;
const tableOf = (c: Case) => `public.t_${c.code.slice(4).toLowerCase()}`;

function contract(c: Case, policy: string): string {
  return [
    `ingestion_jobid: ${jobOf(c)}`,
    'source_host: db.example.com',
    'source_db: shop',
    `ingestion_type: ${c.ingestion ?? 'full'}`,
    'ingestion_frequency_minutes: 60',
    `source_owner: ${jobOf(c)}-src@example.com`,
    `ingestion_owner: ${jobOf(c)}-eng@example.com`,
    `source_tables: [${c.table ?? tableOf(c)}]`,
    `policy: ${policy}`,
    '',
  ].join('\n');
}

function dcr(repo: Repo, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: GIT_ENV, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('guard rule codes, each from a real migration in a real repository', () => {
  let result: CheckResult;
  let text: string;
  const root = mkdtempSync(join(tmpdir(), 'dcr-codes-'));
  beforeAll(() => {
    const repo = makeRepo(join(root, 'repo'));
    for (const c of CASES)
      repo.write(`contracts/${jobOf(c)}.yaml`, contract(c, '{ block: breaking, warn: risky }'));
    repo.git('add', '.');
    repo.commit('contracts');
    for (const c of CASES) repo.write(`db/${c.file}`, `${c.text}\n`);
    repo.git('add', '.');
    const json = dcr(repo, ['check', '--staged', '--format', 'json']);
    expect(json.err).toBe('');
    expect(json.code).toBe(1); // breaking findings block under `block: breaking`
    result = JSON.parse(json.out) as CheckResult;
    text = dcr(repo, ['check', '--staged']).out;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(CASES.map((c) => [c.code, c] as const))('%s', (code, c) => {
    const found = result.findings.filter((f: Finding) => f.contract === jobOf(c));
    expect(found.map((f) => [f.file, f.code, f.severity])).toEqual([[`db/${c.file}`, code, c.severity]]);
    const f = found[0]!;
    expect(f.reason.length).toBeGreaterThan(10);
    // Under `{ block: breaking, warn: risky }`: breaking blocks, risky warns, info is information.
    expect(f.policy).toBe(
      c.code === 'DCR-R207' ? 'warn' : { breaking: 'block', risky: 'warn', info: 'info' }[c.severity],
    );
  });

  it('groups the text report by severity, most serious first, with each code and its reason', () => {
    const at = (s: string) => text.indexOf(s);
    expect(at('BREAKING (9 findings)')).toBeGreaterThan(0);
    expect(at('BREAKING')).toBeLessThan(at('RISKY (7 findings)'));
    expect(at('RISKY')).toBeLessThan(at('INFO (7 findings)'));
    expect(text).toContain('DCR-B106 `updated_at` is the cursor of this incremental job');
    expect(text).toContain('job_i302  policy: info');
  });
});

describe('done when', () => {
  const seed = (repo: Repo, ingestion: string, table: string, policy: string) => {
    repo.write(
      'contracts/orders.yaml',
      contract(
        {
          code: 'DCR-X000',
          severity: 'info',
          ingestion: ingestion as Case['ingestion'],
          table,
          file: '',
          text: '',
        },
        policy,
      ).replace('job_x000', 'orders'),
    );
    repo.write('db/001.sql', 'CREATE TABLE orders (id int, updated_at timestamptz);\n');
    repo.git('add', '.');
    repo.commit('init');
  };

  it('a column added to a full-load table is info and never blocks under block: breaking', async () => {
    await withTemp((root) => {
      const repo = makeRepo(`${root}/repo`);
      seed(repo, 'full', 'public.orders', '{ block: breaking }');
      repo.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      repo.git('add', '.');
      const r = dcr(repo, ['check', '--staged', '--format', 'json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.out) as CheckResult;
      expect(out.blocking).toBe(false);
      expect(out.findings.map((f) => [f.code, f.severity, f.policy])).toEqual([['DCR-I302', 'info', 'warn']]);
      // and with a warn threshold it is information only
      const quiet = dcr(repo, ['check', '--staged', '--policy', 'block=breaking,warn=risky']);
      expect(quiet.code).toBe(0);
      expect(quiet.out).toContain('only changes that do not affect the jobs (info)');
    });
  });

  it('dropping the cursor column of an incremental contract blocks', async () => {
    await withTemp((root) => {
      const repo = makeRepo(`${root}/repo`);
      seed(
        repo,
        'incremental',
        cols('orders', 'columns: [id, updated_at], cursor_column: updated_at'),
        '{ block: breaking }',
      );
      repo.write('db/002.sql', 'ALTER TABLE orders DROP COLUMN updated_at;\n');
      repo.git('add', '.');
      const r = dcr(repo, ['check', '--staged']);
      expect(r.code).toBe(1);
      expect(r.out).toContain('DCR-B106');
      expect(r.out).toContain('blocked');
      // acknowledged, it passes as today
      repo.write('msg', 'Drop updated_at\n\nData-Contract-Ack: orders\n');
      expect(dcr(repo, ['check', '--staged', '--message-file', 'msg']).code).toBe(0);
    });
  });

  it('refuses a policy that is not one, on the command line and in the config', async () => {
    await withTemp((root) => {
      const repo = makeRepo(`${root}/repo`);
      seed(repo, 'full', 'public.orders', 'warn');
      const bad = dcr(repo, ['check', '--staged', '--policy', 'block=fatal']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('block=breaking,warn=risky');
      repo.write('dcr.config.yaml', 'policy: { block: sometimes }\n');
      const config = dcr(repo, ['check', '--staged']);
      expect(config.code).toBe(2);
      expect(config.err).toMatch(/dcr\.config\.yaml:1:\d+: a policy is warn, block, or thresholds/);
    });
  });
});
