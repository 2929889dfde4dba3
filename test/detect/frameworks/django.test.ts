import { describe, expect, it } from 'vitest';
import { djangoExtractor } from '../../../src/detect/extractors/django.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { fileChange, run, summary } from './change.js';

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

describe('django models by effective schema', () => {
  const models = `from django.db import models
from django.utils.translation import gettext_lazy as _


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Check(Stamped):
    name = models.CharField(max_length=100, blank=True, help_text="Name")
    kind = models.CharField(max_length=10, choices=[("a", "A")], default="a")
    tags = models.ManyToManyField("Tag", blank=True)
    objects = models.Manager()

    class Meta:
        ordering = ["name"]

    def label(self):
        return self.name
`;
  const path = 'hc/api/models.py';
  const edit = (...pairs: Array<[string, string]>): string =>
    pairs.reduce((text, [a, b]) => text.replace(a, b), models);

  it('ignores what the database never sees: methods, labels, choices, defaults, ordering, annotations', () => {
    const after = edit(
      ['return self.name', 'return self.name.upper()'],
      ['help_text="Name"', 'help_text=_("Name"), verbose_name=_("name")'],
      ['choices=[("a", "A")], default="a"', 'choices=[("a", "A"), ("b", "B")], default="b"'],
      ['ordering = ["name"]', 'ordering = ["-name", "id"]'],
      ['    objects = models.Manager()\n', '    objects = models.Manager()\n    status: str\n'],
    );
    expect(run(djangoExtractor, path, models, after)).toEqual([]);
  });

  it('reports columns, their database options, indexes and join tables, with what changed', () => {
    expect(run(djangoExtractor, path, models, edit(['max_length=100', 'max_length=200']))).toMatchObject([
      { table: 'api_check', kind: 'alter', detail: 'column-type', column: 'name', line: 13 },
    ]);
    expect(
      run(djangoExtractor, path, models, edit(['auto_now_add=True)', 'auto_now_add=True, db_index=True)'])),
    ).toMatchObject([{ table: 'api_check', kind: 'alter', column: 'created' }]);
    expect(
      run(
        djangoExtractor,
        path,
        models,
        edit(['ordering = ["name"]', 'indexes = [models.Index(fields=["name"])]']),
      ),
    ).toMatchObject([{ table: 'api_check', kind: 'alter', detail: 'index' }]);
    expect(
      summary(
        run(
          djangoExtractor,
          path,
          models,
          edit(['    tags = models.ManyToManyField("Tag", blank=True)\n', '']),
        ),
      ),
    ).toEqual(['api_check_tags drop']);
  });

  it('takes the app label from the app config in the repository', () => {
    const repo = staticRepoContext({
      after: { 'hc/api/apps.py': 'class C(AppConfig):\n    label = "hcapi"\n' },
    });
    const change = fileChange(path, models, edit(['max_length=100', 'max_length=200']));
    expect(summary(djangoExtractor.extract(change, { repo }))).toEqual(['hcapi_check alter']);
  });
});

describe('django migrations by content', () => {
  const header = `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("dojo", "0152_notifications_template")]

`;
  const data = `${header}    def forwards(apps, schema_editor):
        Endpoint = apps.get_model("dojo", "Endpoint")
        Status = apps.get_model("dojo", "Endpoint_Status")
        settings = {"a": 1}
        settings.update({"b": 2})
        for ep in Endpoint.objects.filter(mitigated=True):
            for eps in Status.objects.filter(endpoint=ep):
                eps.mitigated = True
                eps.save()

    operations = [migrations.RunPython(forwards)]
`;

  it('claims a migration in any folder and writes only the models whose rows it saves', () => {
    expect(summary(run(djangoExtractor, 'dojo/db_migrations/0153_migrate.py', undefined, data))).toEqual([
      'dojo_endpoint_status data',
    ]);
  });

  it('finds the app of a migration folder through MIGRATION_MODULES', () => {
    const migration = `${header.replace(/dependencies = .*\n/, 'dependencies = []\n')}    operations = [
        migrations.AddField(model_name="endpoint_status", name="x", field=models.IntegerField(null=True)),
    ]
`;
    const repo = staticRepoContext({
      after: { 'src/settings/base.py': 'MIGRATION_MODULES = {"core": "src.db_migrations"}\n' },
    });
    const change = fileChange('src/db_migrations/0153_migrate.py', undefined, migration);
    expect(summary(djangoExtractor.extract(change, { repo }))).toEqual(['core_endpoint_status alter']);
  });

  it('an edit that changes only annotations or imports of an applied migration changes nothing', () => {
    const after = data
      .replace(
        'def forwards(apps, schema_editor)',
        'def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None',
      )
      .replace(
        'from django.db import migrations, models',
        'from django.db import migrations, models\nfrom x import StateApps',
      );
    expect(run(djangoExtractor, 'dojo/db_migrations/0153_migrate.py', data, after)).toEqual([]);
  });

  it('deleted and squashing migrations change no table', () => {
    expect(run(djangoExtractor, 'dojo/db_migrations/0153_migrate.py', data, undefined)).toEqual([]);
    const squash = data.replace(
      '    operations',
      '    replaces = [("dojo", "0001_a"), ("dojo", "0002_b")]\n    operations',
    );
    expect(run(djangoExtractor, 'dojo/db_migrations/0001_squashed.py', undefined, squash)).toEqual([]);
  });

  it('an AlterField compares with the field before the change; a new many-to-many makes its join table', () => {
    const before = `from django.db import models\n\n\nclass Finding(models.Model):\n    cve = models.CharField(max_length=50, null=True, help_text="old")\n`;
    const repo = staticRepoContext({ before: { 'dojo/models.py': before } });
    const alter = (field: string) =>
      `${header}    operations = [\n        migrations.AlterField(model_name="finding", name="cve", field=${field}),\n    ]\n`;
    const extract = (field: string) =>
      summary(
        djangoExtractor.extract(fileChange('dojo/db_migrations/0153_x.py', undefined, alter(field)), {
          repo,
        }),
      );
    expect(
      extract('models.CharField(max_length=50, null=True, help_text="new", verbose_name="CVE")'),
    ).toEqual([]);
    expect(extract('models.CharField(max_length=80, null=True)')).toEqual(['dojo_finding alter']);
    const m2m = `${header}    operations = [\n        migrations.CreateModel(name="Tag", fields=[("id", models.AutoField(primary_key=True)), ("findings", models.ManyToManyField(to="dojo.Finding"))]),\n    ]\n`;
    expect(summary(run(djangoExtractor, 'dojo/db_migrations/0153_x.py', undefined, m2m))).toEqual([
      'dojo_tag create',
      'dojo_tag_findings create',
    ]);
  });
});

describe('django migration details', () => {
  it('says what an operation does and to which column', () => {
    const migration = `from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.AddField(model_name="invoice", name="total", field=models.IntegerField(default=0)),
        migrations.RenameField(model_name="customer", old_name="vat", new_name="tax_id"),
        migrations.AddIndex(model_name="order", index=models.Index(fields=["x"], name="ix")),
    ]
`;
    expect(run(djangoExtractor, 'billing/migrations/0002_x.py', undefined, migration)).toMatchObject([
      { table: 'billing_invoice', detail: 'add-column', column: 'total' },
      { table: 'billing_customer', detail: 'rename-column', column: 'vat' },
      { table: 'billing_order', detail: 'index' },
    ]);
  });
});
