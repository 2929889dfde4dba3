import { describe, expect, it } from 'vitest';
import { alembicExtractor } from '../../../src/detect/extractors/alembic.js';
import { run, summary } from './change.js';
import { checkMigration } from './drop-column-cli.js';

const revision = `from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_index("ix_orders_status", "orders", ["status"])
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("seen", sa.DateTime()))
    op.execute("DELETE FROM sessions WHERE expired")


def downgrade():
    op.drop_table("devices")
`;

describe('alembic extractor', () => {
  it('claims files importing alembic only', () => {
    expect(alembicExtractor.matches('alembic/versions/1_x.py', revision)).toBe(true);
    expect(alembicExtractor.matches('app/models.py', 'import sqlalchemy')).toBe(false);
  });

  it('reads op.* calls, batch contexts and op.execute SQL in upgrade, not downgrade', () => {
    expect(summary(run(alembicExtractor, 'alembic/versions/1_x.py', undefined, revision))).toEqual([
      'devices alter',
      'orders alter',
      'sessions data',
    ]);
  });

  it('puts a changed batch operation on the table of its context manager', () => {
    const after = revision.replace('sa.DateTime()', 'sa.DateTime(timezone=True)');
    expect(run(alembicExtractor, 'alembic/versions/1_x.py', revision, after)).toMatchObject([
      { table: 'devices', kind: 'alter', line: 8, evidence: expect.stringContaining('batch_op.add_column') },
    ]);
  });
});

describe('alembic revisions by content', () => {
  const plugin = `"""Add a column

Revision ID: 93284ed9c099
"""
import sqlalchemy as sa

revision = "93284ed9c099"
down_revision = "eb68f277ab61"


def upgrade(op=None):
    op.add_column("challenges", sa.Column("points", sa.Integer()))
    backfill = """
        UPDATE awards SET value = 0
    """
    op.execute(backfill)
    op.execute(sa.text(CLEANUP))


CLEANUP = "DELETE FROM sessions"


def downgrade(op=None):
    op.drop_column("challenges", "points")
`;

  it('claims a revision that receives op without importing alembic, and reads SQL held in variables', () => {
    expect(alembicExtractor.matches('plugins/x/migrations/93284ed9c099_add.py', plugin)).toBe(true);
    expect(alembicExtractor.matches('app/util.py', 'def upgrade():\n    pass\n')).toBe(false);
    expect(
      summary(run(alembicExtractor, 'plugins/x/migrations/93284ed9c099_add.py', undefined, plugin)),
    ).toEqual(['awards data', 'challenges alter', 'sessions data']);
  });
});

describe('alembic alter details', () => {
  const migration = `"""orders: details

Revision ID: 4f2a9c1d7e10
"""
from alembic import op
import sqlalchemy as sa

revision = "4f2a9c1d7e10"
down_revision = "3b1e8d2c6a55"

LEGACY = "legacy_code"


def upgrade():
    op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))
    op.add_column(
        "orders",
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id")),
        schema="shop",
    )
    op.drop_column("orders", "amount")
    op.alter_column("orders", "status", new_column_name="state", existing_type=sa.String(20))
    op.alter_column("orders", "total", type_=sa.Numeric(12, 2), nullable=False)
    op.alter_column("orders", "placed_at", existing_type=sa.DateTime(), nullable=False)
    op.alter_column("orders", "channel", server_default=sa.text("'web'"))
    op.alter_column("orders", "memo", comment="free text")
    op.create_index(op.f("ix_orders_state"), "orders", ["state"], unique=True)
    op.drop_index("ix_orders_old", table_name="orders")
    op.create_unique_constraint("uq_orders_ref", "orders", ["ref"])
    op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"])
    op.create_check_constraint("ck_orders_total", "orders", "total >= 0")
    op.drop_constraint("orders_coupon_fkey", "orders", type_="foreignkey")
    op.create_primary_key("pk_orders", "orders", ["id"])
    op.drop_column("orders", LEGACY)
    for name in ("fax", "telex"):
        op.drop_column("customers", name)
    with op.batch_alter_table("invoices") as batch_op:
        batch_op.add_column(sa.Column("paid", sa.Boolean()))
        batch_op.drop_column("draft")
        batch_op.alter_column("ref", new_column_name="reference")
        batch_op.alter_column("amount", type_=sa.BigInteger())
        batch_op.alter_column("due", nullable=True)
        batch_op.alter_column("currency", server_default="EUR")
        batch_op.create_index("ix_invoices_ref", ["reference"])
        batch_op.drop_index("ix_invoices_old")
        batch_op.create_unique_constraint("uq_invoices_ref", ["reference"])
        batch_op.create_foreign_key("fk_invoices_order", "orders", ["order_id"], ["id"])
        batch_op.create_check_constraint("ck_invoices_amount", "amount > 0")
        batch_op.drop_constraint("invoices_pkey", type_="primary")
        batch_op.create_primary_key("pk_invoices", ["id"])
        batch_op.drop_column(LEGACY)


def downgrade():
    op.drop_column("refunds", "reason")
    with op.batch_alter_table("refunds") as batch_op:
        batch_op.drop_column("amount")
`;

  it('says what each op.* and batch_op.* call changes, and in which column', () => {
    const changes = run(alembicExtractor, 'alembic/versions/4f2a9c1d7e10_details.py', undefined, migration);
    expect(changes.map((c) => [c.table, c.kind, c.detail, c.column, c.line])).toEqual([
      ['orders', 'alter', 'add-column', 'note', 15],
      ['shop.orders', 'alter', 'add-column', 'customer_id', 16],
      ['orders', 'alter', 'drop-column', 'amount', 21],
      ['orders', 'alter', 'rename-column', 'status', 22],
      ['orders', 'alter', 'column-type', 'total', 23],
      ['orders', 'alter', 'nullability', 'placed_at', 24],
      ['orders', 'alter', 'default', 'channel', 25],
      ['orders', 'alter', undefined, undefined, 26],
      ['orders', 'alter', 'index', undefined, 27],
      ['orders', 'alter', 'constraint', undefined, 29],
      ['orders', 'alter', 'drop-column', 'legacy_code', 34],
      // a loop variable: which column is not written out
      ['customers', 'alter', undefined, undefined, 36],
      ['invoices', 'alter', 'add-column', 'paid', 38],
      ['invoices', 'alter', 'drop-column', 'draft', 39],
      ['invoices', 'alter', 'rename-column', 'ref', 40],
      ['invoices', 'alter', 'column-type', 'amount', 41],
      ['invoices', 'alter', 'nullability', 'due', 42],
      ['invoices', 'alter', 'default', 'currency', 43],
      ['invoices', 'alter', 'index', undefined, 44],
      ['invoices', 'alter', 'constraint', undefined, 46],
      ['invoices', 'alter', 'drop-column', 'legacy_code', 51],
    ]);
  });

  it('a changed batch context line reports what its calls do', () => {
    const before = migration;
    const after = migration.replace('batch_alter_table("invoices")', 'batch_alter_table("bills")');
    const changes = run(alembicExtractor, 'alembic/versions/4f2a9c1d7e10_details.py', before, after);
    expect(
      changes.filter((c) => c.side !== 'before').map((c) => [c.table, c.detail, c.column, c.line]),
    ).toContainEqual(['bills', 'drop-column', 'draft', 37]);
  });
});

describe('alembic: a dropped column through dcr check', () => {
  const drop = `from alembic import op
import sqlalchemy as sa

revision = "5c3b0a2e9f11"
down_revision = "4f2a9c1d7e10"


def upgrade():
    op.drop_column("orders", "amount")


def downgrade():
    op.add_column("orders", sa.Column("amount", sa.Integer()))
`;
  const files = { path: 'alembic/versions/5c3b0a2e9f11_drop_amount.py', text: drop };

  it('is DCR-B108 when the contract lists no columns', async () => {
    const r = await checkMigration(files.path, files.text, 'public.orders');
    expect(r.result.findings).toMatchObject([
      { code: 'DCR-B108', kind: 'drop-column', column: 'amount', table: 'public.orders' },
    ]);
  });

  it('blocks under block: breaking when the contract lists the column', async () => {
    const r = await checkMigration(files.path, files.text, 'public.orders', ['id', 'amount']);
    expect(r.result.findings.map((f) => [f.code, f.kind, f.column])).toEqual([
      ['DCR-B103', 'drop-column', 'amount'],
    ]);
    expect(r.code).toBe(1);
  });
});
