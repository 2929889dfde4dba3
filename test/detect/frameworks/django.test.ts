import { describe, expect, it } from 'vitest';
import { djangoExtractor } from '../../../src/detect/extractors/django.js';
import { run, summary } from './change.js';

const migration = `from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Invoice",
            fields=[("id", models.AutoField(primary_key=True))],
            options={"db_table": "invoices"},
        ),
        migrations.AddField(model_name="invoice", name="total", field=models.IntegerField(default=0)),
        migrations.AddField(model_name="customer", name="vat", field=models.CharField(max_length=20)),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Legacy")],
            database_operations=[migrations.RunSQL("DROP TABLE billing_archive", reverse_sql="CREATE TABLE billing_old ()")],
        ),
    ]
`;

describe('django extractor', () => {
  it('names tables <app>_<model> unless db_table; state-only operations and reverse SQL do not count', () => {
    expect(summary(run(djangoExtractor, 'billing/migrations/0002_invoice.py', undefined, migration))).toEqual(
      ['billing_archive drop', 'billing_customer alter', 'invoices alter', 'invoices create'],
    );
  });

  it('reports only the operation whose lines changed', () => {
    const after = migration.replace('models.CharField(max_length=20)', 'models.CharField(max_length=40)');
    expect(run(djangoExtractor, 'billing/migrations/0002_invoice.py', migration, after)).toMatchObject([
      { table: 'billing_customer', kind: 'alter', line: 12 },
    ]);
  });

  it('diffs models.py classes, skipping abstract models and method bodies', () => {
    const before = `from django.db import models


class Base(models.Model):
    class Meta:
        abstract = True


class Ticket(Base):
    title = models.CharField(max_length=80)

    def __str__(self):
        return self.title
`;
    const after = before
      .replace('max_length=80', 'max_length=120')
      .replace('return self.title', 'return self.title.upper()');
    expect(summary(run(djangoExtractor, 'helpdesk/models.py', before, after))).toEqual([
      'helpdesk_ticket alter',
    ]);
    const methodOnly = before.replace('return self.title', 'return self.title.upper()');
    expect(run(djangoExtractor, 'helpdesk/models.py', before, methodOnly)).toEqual([]);
  });
});
