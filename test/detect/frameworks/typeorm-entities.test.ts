import { describe, expect, it } from 'vitest';
import { typeormExtractor } from '../../../src/detect/extractors/typeorm.js';
import { detectFixture, fixtureDir } from './js-fixture-repo.js';
import { run, summary } from './change.js';

const entity = (
  body: string,
  head = `@Entity({ name: "orders" })`,
) => `import { Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
${head}
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ nullable: true })
  note: string | null;
${body}
  public total(): number {
    return 1;
  }
}
`;

describe('TypeORM entities by effective schema', () => {
  it('reports nothing for a changed method, comment, inverse relation or eager option', () => {
    const path = 'src/entities/order.ts';
    const base = entity(`  @ManyToOne(() => User, (u) => u.orders)\n  user: User;\n`);
    const methods = base.replace('return 1;', '// sum of lines\n    return 2;');
    expect(run(typeormExtractor, path, base, methods)).toEqual([]);
    const inverse = base.replace(
      '  user: User;\n',
      '  user: User;\n\n  @OneToMany(() => Line, (l) => l.order)\n  lines: Line[];\n',
    );
    expect(run(typeormExtractor, path, base, inverse)).toEqual([]);
    const eager = base.replace('(u) => u.orders)', '(u) => u.orders, { eager: true })');
    expect(run(typeormExtractor, path, base, eager)).toEqual([]);
    const nullableType = base.replace('note: string | null;', 'note: string;');
    expect(run(typeormExtractor, path, base, nullableType)).toEqual([]);
  });

  it('reports a column added, dropped or changed, with its name', () => {
    const path = 'src/entities/order.ts';
    const base = entity('');
    const added = run(
      typeormExtractor,
      path,
      base,
      entity(`  @Column({ name: "paid_at", type: "timestamptz" })\n  paidAt: Date;\n`),
    );
    expect(added).toMatchObject([
      { table: 'orders', kind: 'alter', detail: 'add-column', column: 'paid_at' },
    ]);
    const dropped = run(
      typeormExtractor,
      path,
      base,
      base.replace(/ {2}@Column\(\{ nullable: true \}\)\n {2}note: string \| null;\n/, ''),
    );
    expect(dropped).toMatchObject([
      { table: 'orders', detail: 'drop-column', column: 'note', side: 'before' },
    ]);
    const owning = run(
      typeormExtractor,
      path,
      base,
      entity(`  @ManyToOne(() => User)\n  @JoinColumn({ name: "user_id" })\n  user: User;\n`),
    );
    expect(owning).toMatchObject([{ table: 'orders', column: 'user_id' }]);
    expect(
      summary(run(typeormExtractor, path, base, base.replace('nullable: true', 'nullable: false'))),
    ).toEqual(['orders alter']);
  });

  it('names the table from a constant, an enum member, or not at all when it cannot be known', () => {
    const path = 'src/entities/order.ts';
    const withEnum = (h: string) => `enum TableNames { Orders = "shop_orders" }\n${entity('', h)}`;
    const head = '@Entity({ name: TableNames.Orders })';
    expect(
      summary(
        run(typeormExtractor, path, withEnum(head), withEnum(head).replace('nullable: true', 'length: 20')),
      ),
    ).toEqual(['shop_orders alter']);
    const imported = `import { TableNames } from "../constant";\n${entity('', head)}`;
    expect(
      summary(run(typeormExtractor, path, imported, imported.replace('nullable: true', 'length: 20'))),
    ).toEqual(['null alter']);
  });

  // bcgov/SIMS de0f9768a7efeb9818c238fb0f5a8bf78f096728 (Apache-2.0): the entity names its table
  // through `TableNames.FormSubmissions` from ../constant and gains a ManyToOne column and a date.
  it('follows the table name into the module the entity imports (real commit)', async () => {
    const changes = await detectFixture(fixtureDir('typeorm', 'sims-de0f976'));
    expect(changes.map((c) => `${c.table} ${c.detail ?? c.kind} ${c.column}`)).toEqual([
      'form_submissions add-column submission_status_updated_by',
      'form_submissions add-column submission_status_updated_on',
    ]);
  });

  // gristlabs/grist-core 866da5e4a3dccd59ade7db69c3940f4b041c3852 (Apache-2.0): an interface moves
  // out of the entity file and a method is renamed; the table is the same.
  it('reports nothing when only methods and types of an entity file change (real commit)', async () => {
    expect(await detectFixture(fixtureDir('typeorm', 'grist-866da5e'))).toEqual([]);
  });
});
