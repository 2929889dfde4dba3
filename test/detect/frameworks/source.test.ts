import { describe, expect, it } from 'vitest';
import { lineInString, scanSource } from '../../../src/detect/lang/source.js';

const code = (text: string, lang: Parameters<typeof scanSource>[1]): string => scanSource(text, lang).masked;

describe('scanSource', () => {
  it('keeps the length and the line breaks', () => {
    const text = 'a = "x\ny" # c\nb';
    const src = scanSource(text, 'ruby');
    expect(src.masked).toHaveLength(text.length);
    expect(src.masked.split('\n')).toHaveLength(3);
  });

  it('masks Ruby comments, strings and heredocs but keeps the code after a heredoc opener', () => {
    const text =
      'execute <<~SQL.squish # drop_table :x\n  DROP TABLE orders\nSQL\nadd_column :a, "create_table"\n';
    const m = code(text, 'ruby');
    expect(m).toContain('execute <<~SQL.squish');
    expect(m).not.toMatch(/drop_table|DROP|orders|create_table/);
    expect(m).toContain('add_column :a, "____________"');
    expect(lineInString(scanSource(text, 'ruby'), 2)).toBe(true);
    expect(lineInString(scanSource(text, 'ruby'), 4)).toBe(false);
  });

  it('masks Python triple-quoted and prefixed strings, and # comments', () => {
    const m = code(
      'x = f"{t}"  # op.drop_table("a")\ny = r"""op.create_table(\n"b")"""\nop.add_column("c")\n',
      'python',
    );
    expect(m).not.toMatch(/drop_table|create_table/);
    expect(m).toContain('op.add_column("_")');
  });

  it('masks JS template literals with interpolation and both comment styles', () => {
    const m = code(
      '/* knex.schema.dropTable("a") */\nq(`ALTER ${t} x`); // createTable\nknex.schema.table("b")',
      'js',
    );
    expect(m).not.toMatch(/dropTable|createTable|ALTER/);
    expect(m).toContain('knex.schema.table("_")');
  });

  it('reads PHP heredocs, # comments and leaves #[attributes] as code', () => {
    const m = code(
      "<?php\n#[Attr]\n# Schema::drop('a');\n$s = <<<SQL\nDROP TABLE b\nSQL;\nSchema::create('c');",
      'php',
    );
    expect(m).toContain('#[Attr]');
    expect(m).not.toMatch(/Schema::drop|DROP/);
    expect(m).toContain("Schema::create('_')");
  });

  it('masks Elixir sigils, heredocs and comments', () => {
    const m = code(
      'execute ~s(DROP TABLE a)\nexecute """\nDROP TABLE b\n"""\n# drop table(:c)\ncreate table(:d)',
      'elixir',
    );
    expect(m).not.toMatch(/DROP|drop table/);
    expect(m).toContain('create table(:d)');
  });
});
