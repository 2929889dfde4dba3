import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus } from '../../../src/detect/accuracy.js';
import { sqlExtractor } from '../../../src/detect/extractors/sql.js';
import { changedLines } from '../../../src/detect/line-diff.js';
import { chooseDialect } from '../../../src/detect/sql/dialect.js';
import { sqlTableChanges } from '../../../src/detect/sql/embedded.js';
import {
  focusOn,
  isPlain,
  loadPgParser,
  needsGrammar,
  pgParse,
  pgParserLoaded,
  withPgFocus,
} from '../../../src/detect/sql/pg-parser.js';
import { pgTreeTargets } from '../../../src/detect/sql/pg-tree-targets.js';
import { splitStatements } from '../../../src/detect/sql/split.js';
import { statementTargets } from '../../../src/detect/sql/statement-targets.js';
import { tokenTargets } from '../../../src/detect/sql/token-targets.js';

const corpusDir = fileURLToPath(new URL('../../corpus', import.meta.url));
const SQL_FOLDERS = ['sql', 'flyway', 'golang-migrate', 'sqitch', 'liquibase', 'dbt'];

/** The targets of one PostgreSQL statement through the parse tree (undefined: rejected or deferred). */
function viaTree(sql: string) {
  const [s] = splitStatements(sql, 'postgres');
  const tree = pgParse(s!.text);
  return tree && pgTreeTargets(tree, s!.tokens, s!.text);
}
const short = (targets: { table: string | null; kind: string; renamedTo?: string }[] | undefined) =>
  targets?.map((t) => `${t.kind}:${t.table}${t.renamedTo ? `>${t.renamedTo}` : ''}`);

describe('PostgreSQL statements through the parser', () => {
  beforeAll(async () => {
    expect(pgParserLoaded()).toBe(false);
    expect(await loadPgParser()).toBe(true);
    expect(await loadPgParser()).toBe(true); // loads once; later calls share it
    expect(pgParserLoaded()).toBe(true);
  });

  it('agrees with the tokenizer classifier on every corpus statement it parses', () => {
    let compared = 0;
    for (const c of loadCorpus(corpusDir)) {
      if (!/\.sql$/i.test(c.path)) continue;
      for (const text of [c.before, c.after]) {
        if (text === undefined) continue;
        const dialect = chooseDialect(c.path, text);
        // `generic` files are ANSI SQL with PostgreSQL leanings: a second, larger sample.
        if (dialect !== 'postgres' && dialect !== 'generic') continue;
        for (const s of splitStatements(text, dialect)) {
          const tree = pgParse(s.text);
          const fromTree = tree && pgTreeTargets(tree, s.tokens, s.text);
          if (!fromTree) continue;
          expect(fromTree, `${c.framework}/${c.id}: ${s.text}`).toEqual(tokenTargets(s.tokens, dialect));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads every plain statement of both corpora as the tokenizer does, so the guard may leave those to it', () => {
    // The mined corpus (real commits, labelled blind) and the hand-written one: every .sql file.
    const minedDir = join(corpusDir, 'mined');
    const texts: { where: string; text: string }[] = [];
    for (const c of loadCorpus(corpusDir))
      for (const text of [c.before, c.after])
        if (text !== undefined && /\.sql$/i.test(c.path))
          texts.push({ where: `${c.framework}/${c.id}`, text });
    for (const file of readdirSync(minedDir, { recursive: true, withFileTypes: true }))
      if (file.isFile() && /\.sql$/i.test(file.name)) {
        const path = join(file.parentPath, file.name);
        texts.push({ where: path.slice(minedDir.length + 1), text: readFileSync(path, 'utf8') });
      }
    let plain = 0;
    let other = 0;
    for (const { where, text } of texts) {
      for (const s of splitStatements(text, 'postgres')) {
        const tree = pgParse(s.text);
        const fromTree = tree && pgTreeTargets(tree, s.tokens, s.text);
        if (!fromTree) continue;
        if (!isPlain(s.text)) {
          other++;
          continue;
        }
        expect(tokenTargets(s.tokens, 'postgres'), `${where}: ${s.text}`).toEqual(fromTree);
        plain++;
      }
    }
    // Most statements are plain; the grammar keeps the rest.
    expect(plain).toBeGreaterThan(1000);
    expect(other).toBeGreaterThan(100);
  });

  it.each([
    ['ALTER TABLE shop.orders ADD COLUMN note text', true],
    ['-- why\n/* and how */\ncreate unique index orders_x on orders (x)', true],
    ['CREATE UNLOGGED TABLE orders (id int)', true],
    ['CREATE TABLE orders AS SELECT * FROM old_orders', false],
    ['INSERT INTO orders SELECT * FROM staging', false],
    ['INSERT INTO orders (id) VALUES (1) RETURNING id', false],
    ['UPDATE orders SET x = 1', false],
    ['DROP INDEX orders_x', false],
    ['CREATE EVENT TRIGGER audit_ddl ON ddl_command_start EXECUTE FUNCTION audit()', false],
    ['DO $$ BEGIN ALTER TABLE orders ADD COLUMN y int; END $$', false],
  ])('tells a plain statement from one the grammar reads: %s', (sql, plain) => {
    expect(isPlain(sql)).toBe(plain);
  });

  it('under a focus, leaves plain statements to the tokenizer and parses the others', () => {
    const focus = focusOn(['orders']);
    withPgFocus(focus, () => {
      expect(pgParse('ALTER TABLE orders ADD COLUMN note text')).toBeUndefined();
      expect(pgParse('UPDATE orders SET note = 1')).toBeDefined();
      expect(pgParse('UPDATE customers SET note = 1')).toBeUndefined(); // not the focus
    });
    expect(pgParse('ALTER TABLE orders ADD COLUMN note text')).toBeDefined(); // no focus: all
    // A file loads the grammar only when a statement of the focus is not plain.
    expect(needsGrammar(focus, 'CREATE TABLE orders (id int);\nALTER TABLE orders ADD x int;\n')).toBe(false);
    expect(needsGrammar(focus, 'CREATE TABLE a (id int);\nUPDATE orders SET x = 1;\n')).toBe(true);
    expect(needsGrammar(focus, 'UPDATE customers SET x = 1;\n')).toBe(false);
    expect(needsGrammar(focus, 'op.execute("ALTER TABLE orders ADD x int")')).toBe(true);
  });

  it('keeps the SQL folders of the accuracy corpus at 100 %', () => {
    const corpus = loadCorpus(corpusDir).filter((c) => SQL_FOLDERS.includes(c.framework));
    for (const s of scoreCorpus(corpus)) {
      expect([s.framework, s.precision, s.recall, s.misses]).toEqual([s.framework, 1, 1, []]);
    }
  });

  it.each([
    ['CREATE TABLE IF NOT EXISTS "apiKeys" (id int REFERENCES "Users"(id))', ['create:"apiKeys"']],
    ['ALTER TABLE public."apiKeys" ALTER COLUMN "keyHash" SET NOT NULL', ['alter:public."apiKeys"']],
    ['ALTER TABLE "apiKeys" RENAME TO "ApiKeys"', ['rename:"apiKeys">"ApiKeys"']],
    ['DROP TABLE IF EXISTS a, "B", Public.C CASCADE', ['drop:a', 'drop:"B"', 'drop:Public.C']],
    ['DROP TRIGGER IF EXISTS trg ON "Sales".orders', ['alter:"Sales".orders']],
    ['COMMENT ON COLUMN "apiKeys".key IS \'the key\'', ['alter:"apiKeys"']],
    ['GRANT SELECT ON TABLE public."apiKeys", Orders TO app', ['alter:public."apiKeys"', 'alter:Orders']],
    ['-- café, naïve\nINSERT INTO "café_orders" (id) VALUES (1)', ['data:"café_orders"']],
  ])('keeps names as written, quotes and case included: %s', (sql, expected) => {
    expect(short(viaTree(sql))).toEqual(expected);
  });

  it.each([
    ['CREATE TABLE items (id int, order_id int REFERENCES orders(id))', ['create:items']],
    ['CREATE OR REPLACE VIEW report AS SELECT * FROM orders JOIN customers USING (id)', ['create:report']],
    ['INSERT INTO archive.orders SELECT * FROM public.orders', ['data:archive.orders']],
    ['UPDATE orders o SET x = c.x FROM customers c WHERE o.c = c.id', ['data:orders']],
    ['WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved', ['data:a', 'data:b']],
    ['COPY orders TO STDOUT', []],
    ["SELECT setval('orders_id_seq', 1); ", []],
    ['CREATE TEMP TABLE scratch AS SELECT * FROM orders', []],
  ])('reports targets, never reads: %s', (sql, expected) => {
    expect(short(viaTree(sql))).toEqual(expected);
  });

  it('reads what the tokenizer cannot: the grammar knows an event trigger is on no table', () => {
    const sql = 'CREATE EVENT TRIGGER audit_ddl ON ddl_command_start EXECUTE FUNCTION audit()';
    expect(short(viaTree(sql))).toEqual([]);
    expect(short(tokenTargets(splitStatements(sql, 'postgres')[0]!.tokens, 'postgres'))).toEqual([
      'alter:ddl_command_start',
    ]);
  });

  it('falls back to the tokenizer for a statement the parser rejects (placeholders, Jinja)', () => {
    for (const sql of [
      'ALTER TABLE ${flyway:defaultSchema}.invoices ADD COLUMN due_date date',
      'CREATE TABLE {{ target }}.invoices AS SELECT 1 {% if x %}, 2{% endif %}',
    ]) {
      const [s] = splitStatements(sql, 'postgres');
      expect(pgParse(s!.text)).toBeUndefined();
      expect(statementTargets(s!.tokens, 'postgres', s!.text)).toEqual(tokenTargets(s!.tokens, 'postgres'));
    }
    expect(
      short(sqlTableChanges('ALTER TABLE ${schema}.invoices ADD COLUMN x int;', { dialect: 'postgres' })),
    ).toEqual(['alter:invoices']);
  });

  it('hands DO blocks to the tokenizer, which reads the statements in the body', () => {
    const sql =
      'DO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN note text;\n  UPDATE customers SET x = 1;\nEND\n$$;';
    const [s] = splitStatements(sql, 'postgres');
    expect(pgParse(s!.text)).toBeDefined();
    expect(viaTree(sql)).toBeUndefined();
    expect(sqlTableChanges(sql, { dialect: 'postgres' }).map((c) => [c.table, c.kind, c.line])).toEqual([
      ['orders', 'alter', 3],
      ['customers', 'data', 4],
    ]);
  });

  it('leaves other dialects to the tokenizer', () => {
    const sql = 'ALTER TABLE `shop`.`orders` ADD COLUMN note text';
    const [s] = splitStatements(sql, 'mysql');
    expect(short(statementTargets(s!.tokens, 'mysql', s!.text))).toEqual(['alter:`shop`.`orders`']);
  });

  it('keeps lines and only-changed-statements behaviour in the SQL extractor', () => {
    const before = 'CREATE TABLE "apiKeys" (id int);\n\nCREATE TABLE b (id int);\n';
    const after = before.replace('b (id int)', 'b (id bigint)');
    const out = sqlExtractor.extract(
      { path: 'db/migrations/001.pg.sql', status: 'modified', before, after, ...changedLines(before, after) },
      {},
    );
    expect(out.map((c) => [c.table, c.kind, c.line, c.evidence])).toEqual([
      ['b', 'create', 3, 'CREATE TABLE b (id bigint);'],
    ]);
  });
});
