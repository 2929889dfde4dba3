import { describe, expect, it } from 'vitest';
import { alembicExtractor } from '../../../src/detect/extractors/alembic.js';
import { run, summary } from './change.js';

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
