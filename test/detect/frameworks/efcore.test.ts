import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { efcoreExtractor } from '../../../src/detect/extractors/efcore.js';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { csharpStringText } from '../../../src/detect/lang/csharp.js';
import { scanSource } from '../../../src/detect/lang/source.js';
import { TempRepo } from '../../helpers/git-repo.js';
import { fileChange, run, summary } from './change.js';

const migration = (up: string, down = '') => `using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations
{
    public partial class Change : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
${up}
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
${down}
        }
    }
}
`;

const PATH = 'src/Shop.Data/Migrations/20240101000000_Change.cs';

describe('C# source scanning', () => {
  it('masks comments and verbatim, raw and interpolated strings, and reads their text back', () => {
    const text = [
      'a.Sql(@"DROP ""x"" \\"); // b.DropTable("y")',
      'c.Sql("""',
      '  DELETE FROM "z";',
      '  """); /* d.Sql("w") */ e.Sql($"UPDATE {t} SET \\"q\\" = 1");',
    ].join('\n');
    const src = scanSource(text, 'csharp');
    expect(src.masked).toHaveLength(text.length);
    expect(src.masked).not.toMatch(/DropTable|DELETE|DROP|d\.Sql|UPDATE/);
    expect(src.masked).toMatch(/e\.Sql\(/);
    const sql = csharpStringText(src, 0, text.length).split('\n');
    expect(sql[0]!.trim()).toBe('DROP "x" \\');
    expect(sql[2]!.trim()).toBe('DELETE FROM "z";');
    expect(sql[3]!.trim()).toBe('UPDATE ___ SET "q" = 1');
  });
});

describe('efcore extractor: migrations', () => {
  it('reads MigrationBuilder operations in Up (schema, generics, renames, data) and ignores Down', () => {
    const up = `            migrationBuilder.EnsureSchema(name: "sales");
            migrationBuilder.CreateTable(
                name: "Orders",
                schema: "sales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table => { table.PrimaryKey("PK_Orders", x => x.Id); });
            migrationBuilder.AddColumn<bool>(name: "Paid", table: "Invoices", type: "boolean", nullable: false, defaultValue: false);
            migrationBuilder.RenameTable(name: "Carts", newName: "Baskets");
            migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: true, oldClrType: typeof(string), oldType: "text");
            migrationBuilder.CreateIndex(name: "IX_Items_Sku", table: "Items", column: "Sku");
            migrationBuilder.AddForeignKey(name: "FK_Lines_Orders", table: "Lines", column: "OrderId", principalTable: "Orders", principalColumn: "Id");
            migrationBuilder.InsertData(table: "Settings", columns: new[] { "Id", "Value" }, values: new object[] { "a", "b" });`;
    const changes = run(
      efcoreExtractor,
      PATH,
      undefined,
      migration(up, '            migrationBuilder.DropTable(name: "Refunds");'),
    );
    expect(summary(changes)).toEqual([
      '"Carts" rename -> "Baskets"',
      '"Customers" alter',
      '"Invoices" alter',
      '"Items" alter',
      '"Lines" alter',
      '"Settings" data',
      'sales."Orders" create',
    ]);
    const invoices = changes.find((c) => c.table === '"Invoices"')!;
    expect([invoices.detail, invoices.column]).toEqual(['add-column', 'Paid']);
    expect(changes.find((c) => c.table === '"Customers"')!.detail).toBe('nullability');
    expect(changes.find((c) => c.table === '"Items"')!.detail).toBe('index');
  });

  it('reads Sql(...) in regular, verbatim and raw strings, and through a variable', () => {
    const up = `            migrationBuilder.Sql("UPDATE \\"Orders\\" SET \\"State\\" = 'new';");
            migrationBuilder.Sql(@"DELETE FROM ""Carts"" WHERE ""Old"";");
            migrationBuilder.Sql("""
                INSERT INTO audit_log (msg) VALUES ('x');
                """);
            var sql = @"ALTER TABLE ""Payments"" ADD COLUMN ""Fee"" numeric;";
            migrationBuilder.Sql(sql);
            migrationBuilder.Sql("VACUUM \\"Orders\\";");
            // migrationBuilder.Sql("DROP TABLE commented_out;");`;
    expect(summary(run(efcoreExtractor, PATH, undefined, migration(up)))).toEqual([
      '"Carts" data',
      '"Orders" data',
      '"Payments" alter',
      'audit_log data',
    ]);
  });

  it('collapses a SQLite table rebuild (ef_temp_X) into one change of X', () => {
    const up = `            migrationBuilder.CreateTable(name: "ef_temp_Users", columns: table => new { Id = table.Column<int>(nullable: false) });
            migrationBuilder.Sql("INSERT INTO \\"ef_temp_Users\\" (\\"Id\\") SELECT \\"Id\\" FROM \\"Users\\";");
            migrationBuilder.DropTable(name: "Users");
            migrationBuilder.RenameTable(name: "ef_temp_Users", newName: "Users");`;
    expect(summary(run(efcoreExtractor, PATH, undefined, migration(up)))).toEqual(['"Users" alter']);
  });

  it('resolves table names given as constants or nameof()', () => {
    const up = `            migrationBuilder.DropColumn(name: "A", table: TableName);
            migrationBuilder.CreateIndex(name: "IX", table: nameof(Devices), column: "Key");`;
    const text = migration(up).replace(
      '    public partial class Change : Migration\n    {',
      '    public partial class Change : Migration\n    {\n        private const string TableName = "Sessions";',
    );
    expect(summary(run(efcoreExtractor, PATH, undefined, text))).toEqual([
      '"Devices" alter',
      '"Sessions" alter',
    ]);
  });

  it('says a table was touched when the SQL is built elsewhere', () => {
    const up = '            migrationBuilder.Sql(File.ReadAllText("update.sql"));';
    expect(summary(run(efcoreExtractor, PATH, undefined, migration(up)))).toEqual(['null alter']);
  });

  it('in an edited migration, ignores re-indented or whitespace-only edits but not a removed condition', () => {
    const guarded = `            if (migrationBuilder.IsNpgsql())
            {
                migrationBuilder.Sql("ALTER TABLE lang ADD COLUMN x text;");
            }
            migrationBuilder.Sql(@"UPDATE ""Invoices""
                SET ""A"" = 1;");`;
    const reindented = guarded
      .replace(
        '                migrationBuilder.Sql("ALTER',
        '                    migrationBuilder.Sql("ALTER',
      )
      .replace('SET ""A""', 'SET  ""A""');
    expect(run(efcoreExtractor, PATH, migration(guarded), migration(reindented))).toEqual([]);
    const unguarded = `            migrationBuilder.Sql("ALTER TABLE lang ADD COLUMN x text;");
            migrationBuilder.Sql(@"UPDATE ""Invoices""
                SET ""A"" = 1;");`;
    const changes = run(efcoreExtractor, PATH, migration(guarded), migration(unguarded));
    expect(summary(changes)).toEqual(['lang alter']);
    expect(changes[0]!.note).toMatch(/existing migration/);
  });

  it('ignores edits of Down', () => {
    const before = migration('            migrationBuilder.DropColumn(name: "A", table: "T");', '');
    const after = migration(
      '            migrationBuilder.DropColumn(name: "A", table: "T");',
      '            migrationBuilder.AddColumn<int>(name: "A", table: "T", nullable: true);',
    );
    expect(run(efcoreExtractor, PATH, before, after)).toEqual([]);
  });
});

const snapshot = (entities: string) => `using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Shop.Migrations
{
    [DbContext(typeof(ShopContext))]
    partial class ShopContextModelSnapshot : ModelSnapshot
    {
        protected override void BuildModel(ModelBuilder modelBuilder)
        {
            modelBuilder.HasAnnotation("ProductVersion", "8.0.0");
${entities}
        }
    }
}
`;
const orderEntity = (column: string) => `            modelBuilder.Entity("Shop.Domain.Order", b =>
                {
                    b.Property<int>("Id").HasColumnType("integer");
                    b.Property<string>("${column}").HasColumnType("text");
                    b.HasKey("Id");
                    b.ToTable("orders", "sales");
                });
            modelBuilder.Entity("Shop.Domain.Buyer", b =>
                {
                    b.Property<int>("Id");
                    b.ToTable("buyers");
                });`;
const config = (extra: string) => `using Microsoft.EntityFrameworkCore;

class OrderEntityTypeConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
${extra}
    }
}
`;

describe('efcore extractor: models through the snapshot', () => {
  const SNAP = 'src/Shop.Data/Migrations/ShopContextModelSnapshot.cs';
  const CONFIG = 'src/Shop.Data/OrderEntityTypeConfiguration.cs';

  it('reports the tables whose snapshot entity changed, for the types the file configures', () => {
    const change = fileChange(CONFIG, config(''), config('        builder.Property(o => o.Note);'));
    const repo = staticRepoContext({
      before: { [SNAP]: snapshot(orderEntity('Street')) },
      after: { [SNAP]: snapshot(orderEntity('Note')) },
    });
    expect(summary(efcoreExtractor.extract(change, { repo }))).toEqual(['sales.orders alter']);
  });

  it('does not take a DbSet<T> handle outside a DbContext for a mapping of T', () => {
    const repoClass = (body: string) =>
      `class OrderRepository\n{\n    private readonly DbSet<Order> _orders;\n    public void Save()\n    {\n${body}\n    }\n}\n`;
    const change = fileChange(
      'src/Shop/OrderRepository.cs',
      repoClass(''),
      repoClass('        _orders.Add(new Order());'),
    );
    const repo = staticRepoContext({
      before: { [SNAP]: snapshot(orderEntity('Street')) },
      after: { [SNAP]: snapshot(orderEntity('Note')) },
    });
    expect(efcoreExtractor.matches(change.path, change.after!)).toBe(true);
    expect(efcoreExtractor.extract(change, { repo })).toEqual([]);
    const context = (extra: string) =>
      `class ShopContext : DbContext\n{\n    public DbSet<Order> Orders { get; set; }\n${extra}}\n`;
    // A DbContext maps many entities: only those its changed lines name or configure count.
    const onCreating = (body: string) =>
      `    protected override void OnModelCreating(ModelBuilder modelBuilder)\n    {\n        modelBuilder.Entity<Order>()\n            .Property(o => o.Street);\n${body}    }\n`;
    const ctx = (before: string, after: string) =>
      efcoreExtractor.extract(fileChange('src/Shop/ShopContext.cs', context(before), context(after)), {
        repo,
      });
    expect(
      ctx(onCreating(''), onCreating('        modelBuilder.Entity<Buyer>().HasKey(b => b.Id);\n')),
    ).toEqual([]);
    expect(
      summary(
        ctx(
          onCreating(''),
          onCreating('').replace('o => o.Street);', 'o => o.Street)\n            .HasMaxLength(9);'),
        ),
      ),
    ).toEqual(['sales.orders alter']);
    expect(summary(ctx('', '    public DbSet<Order> Orders2 { get; set; }\n'))).toEqual([
      'sales.orders alter',
    ]);
  });

  it('reports nothing when the snapshot did not change (no effective schema change)', () => {
    const change = fileChange(
      CONFIG,
      config(''),
      config('        builder.Property(o => o.Note).IsRequired();'),
    );
    const same = snapshot(orderEntity('Note'));
    const repo = staticRepoContext({ before: { [SNAP]: same }, after: { [SNAP]: same } });
    expect(efcoreExtractor.extract(change, { repo })).toEqual([]);
    expect(efcoreExtractor.extract(change, {})).toEqual([]);
  });

  it('compares snapshot entities by schema: navigations and EF Core version spellings are not changes', () => {
    const base = orderEntity('Note');
    const noisy = base
      .replace('b.ToTable("buyers");', 'b.ToTable("buyers", (string)null);')
      .replace(
        '                    b.ToTable("orders", "sales");',
        '                    b.ToTable("orders", "sales");\n                    b.Navigation("Lines");',
      );
    const change = fileChange(CONFIG, config(''), config('        builder.Navigation(o => o.Lines);'));
    const repo = staticRepoContext({
      before: { [SNAP]: snapshot(base) },
      after: { [SNAP]: snapshot(noisy) },
    });
    expect(efcoreExtractor.extract(change, { repo })).toEqual([]);
  });

  it('treats designers and snapshots as metadata', () => {
    expect(efcoreExtractor.matches(SNAP, snapshot(''))).toBe(true);
    expect(run(efcoreExtractor, SNAP, snapshot(orderEntity('A')), snapshot(orderEntity('B')))).toEqual([]);
  });

  it('claims C# by content, not folder, and leaves plain classes alone', () => {
    expect(extractorFor('Data/Upgrades/V2.cs', migration(''))?.id).toBe('efcore');
    expect(
      extractorFor('src/Services/OrderService.cs', 'class OrderService { void Run() {} }'),
    ).toBeUndefined();
    expect(extractorFor('tests/Migrations/X.cs', migration(''))).toBeUndefined();
  });
});

const FIXTURES = join(import.meta.dirname, 'efcore');

/** Detection on a real commit's files (see efcore/SOURCES.md), in a temporary repository. */
async function detectFixture(name: string, repo: TempRepo): Promise<string[]> {
  for (const side of ['before', 'after'] as const) {
    if (side === 'after') repo.git('rm', '-rq', '--ignore-unmatch', '.');
    if (existsSync(join(FIXTURES, name, side)))
      cpSync(join(FIXTURES, name, side), repo.dir, { recursive: true });
    repo.git('add', '-A');
    repo.git('commit', '-qm', side, '--allow-empty');
  }
  const { changes } = await detectTableChanges(
    repo.dir,
    { kind: 'trees', from: 'HEAD~1', to: 'HEAD' },
    { excluded: () => false },
  );
  return [...new Set(changes.map((c) => `${c.table} ${c.kind}`))].sort();
}

describe('efcore extractor on real commits', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('eShop: an entity configuration and an edited migration change a column type (snapshot differs)', async () => {
    expect(await detectFixture('eshop-vector-size', repo)).toEqual(['"Catalog" alter', '"Catalog" create']);
  });

  it('eShop: a configuration edit that leaves the snapshot unchanged changes no table', async () => {
    expect(await detectFixture('eshop-cardtype-required', repo)).toEqual([]);
  });

  it('BTCPay: removing VACUUM and a trailing space from old migrations changes no table', async () => {
    expect(await detectFixture('btcpay-vacuum-removed', repo)).toEqual([]);
  });

  it('BTCPay: SQL that ran under IsNpgsql() now runs unconditionally', async () => {
    expect(await detectFixture('btcpay-guard-removed', repo)).toEqual([
      'lang_dictionaries alter',
      'lang_dictionaries create',
      'lang_dictionaries data',
      'lang_translations create',
      'translations alter',
      'translations create',
    ]);
  });
});
