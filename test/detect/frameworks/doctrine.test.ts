import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { doctrineExtractor } from '../../../src/detect/extractors/doctrine.js';
import { extractorFor } from '../../../src/detect/extractors/index.js';
import { TempRepo } from '../../helpers/git-repo.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { fileChange, run, summary } from './change.js';

const migration = (up: string, down = "        $this->addSql('DROP TABLE orders');") => `<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\\DBAL\\Schema\\Schema;
use Doctrine\\Migrations\\AbstractMigration;

final class Version20250101000000 extends AbstractMigration
{
    private const LINES = 'order_lines';

    public function getDescription(): string
    {
        return 'ALTER TABLE nothing here';
    }

    public function up(Schema $schema): void
    {
${up}
    }

    public function down(Schema $schema): void
    {
${down}
    }
}
`;
const path = 'migrations/Version20250101000000.php';

describe('doctrine migrations', () => {
  it('are claimed by what they hold, not by their folder', () => {
    const wrapped = migration('').replace('extends AbstractMigration', 'extends AbstractAppMigration');
    expect(extractorFor('db/Version1.php', wrapped)?.id).toBe('doctrine');
    expect(extractorFor('src/Service/Orders.php', '<?php class Orders { function up() {} }')).toBeUndefined();
  });

  it('read addSql strings, concatenations, sprintf, heredocs and variables in up() only', () => {
    const up = `        $this->addSql('CREATE TABLE orders (id INT NOT NULL, PRIMARY KEY(id))');
        $this->addSql('ALTER TABLE ' . self::LINES . ' ADD qty INT DEFAULT NULL');
        $this->addSql(sprintf('UPDATE %s SET total = 0', 'invoices'));
        $this->addSql(<<<'SQL'
            ALTER TABLE customers
                ADD email VARCHAR(180) NOT NULL
            SQL);
        $sql = 'DELETE FROM sessions WHERE expired = 1';
        $this->addSql($sql);
        $this->connection->executeStatement('INSERT INTO audit_log (what) VALUES (1)');
        $rows = $this->connection->fetchAllAssociative('SELECT id FROM products');`;
    expect(summary(run(doctrineExtractor, path, undefined, migration(up)))).toEqual([
      'audit_log data',
      'customers alter',
      'invoices data',
      'order_lines alter',
      'orders create',
      'sessions data',
    ]);
  });

  it('read the schema API through variables and chains, with the column', () => {
    const up = `        $users = $schema->getTable('users');
        $users->addColumn('email', 'string', ['length' => 180]);
        $schema->getTable('orders')->getColumn('total')->setNotnull(false);
        $t = $schema->createTable('tags');
        $t->addColumn('id', 'integer');
        $schema->dropTable('legacy');
        $this->connection->update('settings', ['v' => 1], ['k' => 'x']);`;
    const changes = run(doctrineExtractor, path, undefined, migration(up));
    expect(summary(changes)).toEqual([
      'legacy drop',
      'orders alter',
      'settings data',
      'tags create',
      'users alter',
    ]);
    expect(changes.find((c) => c.table === 'users')).toMatchObject({ detail: 'add-column', column: 'email' });
    expect(changes.find((c) => c.table === 'orders')).toMatchObject({
      detail: 'nullability',
      column: 'total',
    });
  });

  it('report only the statements an edit touches, and nothing for a down() edit', () => {
    const up = `        $this->addSql('ALTER TABLE a ADD x INT');
        $this->addSql('ALTER TABLE b ADD y INT');`;
    const before = migration(up);
    expect(
      summary(run(doctrineExtractor, path, before, before.replace('ADD y INT', 'ADD y BIGINT'))),
    ).toEqual(['b alter']);
    expect(
      run(
        doctrineExtractor,
        path,
        before,
        before.replace('DROP TABLE orders', 'DROP TABLE IF EXISTS orders'),
      ),
    ).toEqual([]);
    // A docblock or whitespace edit changes no statement.
    expect(
      run(doctrineExtractor, path, before, before.replace("'ALTER TABLE nothing here'", "'Nothing.'")),
    ).toEqual([]);
  });
});

const entity = (body: string, head = "#[ORM\\Table(name: 'invoice_lines')]") => `<?php

namespace App\\Entity;

use Doctrine\\DBAL\\Types\\Types;
use Doctrine\\ORM\\Mapping as ORM;

#[ORM\\Entity(repositoryClass: LineRepository::class)]
${head}
class Line
{
    #[ORM\\Id]
    #[ORM\\Column(type: Types::INTEGER)]
    #[ORM\\GeneratedValue]
    private ?int $id = null;

    #[ORM\\Column(name: 'description', type: Types::TEXT, nullable: true)]
    private ?string $description = null;

    #[ORM\\ManyToOne(targetEntity: Invoice::class, inversedBy: 'lines')]
    private ?Invoice $invoice = null;
${body}
    public function getDescription(): ?string
    {
        return $this->description;
    }
}
`;
const epath = 'src/Entity/Line.php';

describe('doctrine entities', () => {
  it('count a change of the mapped schema, with its kind and column', () => {
    const before = entity('');
    const added = entity(`
    #[ORM\\Column(name: 'qty', type: Types::INTEGER)]
    private int $qty = 0;
`);
    const changes = run(doctrineExtractor, epath, before, added);
    expect(changes).toMatchObject([
      { table: 'invoice_lines', kind: 'alter', detail: 'add-column', column: 'qty' },
    ]);
    const nullable = before.replace('Types::TEXT, nullable: true', 'Types::TEXT, nullable: false');
    expect(run(doctrineExtractor, epath, before, nullable)).toMatchObject([
      { table: 'invoice_lines', detail: 'nullability', column: 'description' },
    ]);
    expect(summary(run(doctrineExtractor, epath, undefined, before))).toEqual(['invoice_lines create']);
    expect(summary(run(doctrineExtractor, epath, before, undefined))).toEqual(['invoice_lines drop']);
  });

  it('ignore methods, inverse sides, cascade options and formatting', () => {
    const before = entity('');
    const same = [
      before.replace('return $this->description;', 'return trim($this->description);'),
      before.replace("inversedBy: 'lines'", 'inversedBy: "lines", cascade: [\'persist\']'),
      before.replace('Types::TEXT', "'text'"),
      entity(`
    #[ORM\\OneToMany(mappedBy: 'line', targetEntity: Tax::class)]
    private Collection $taxes;
`),
    ];
    for (const after of same) expect(run(doctrineExtractor, epath, before, after)).toEqual([]);
  });

  it('read docblock annotations, and name tables by the naming strategy without a repository', () => {
    const annotated = (len: string) => `<?php
use Doctrine\\ORM\\Mapping as ORM;

/**
 * @ORM\\Entity
 */
class CalendarObject
{
    /**
     * @ORM\\Column(name="data", type="text"${len})
     */
    private $data;
}
`;
    expect(
      run(doctrineExtractor, 'src/Entity/CalendarObject.php', annotated(''), annotated(', length=65535')),
    ).toMatchObject([{ table: 'calendar_object', kind: 'alter', detail: 'column-type', column: 'data' }]);
  });
});

describe('doctrine entities in a repository', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  /** Commits a fixture's before/ then after/ tree, and returns the tables the guard finds. */
  const tablesOf = async (fixture: string) => {
    const dir = join(import.meta.dirname, 'doctrine', fixture);
    for (const side of ['before', 'after']) {
      for (const entry of readdirSync(repo.dir))
        if (entry !== '.git') rmSync(join(repo.dir, entry), { recursive: true });
      cpSync(join(dir, side), repo.dir, { recursive: true });
      repo.git('add', '-A');
      repo.git('commit', '-qm', side);
    }
    const { changes } = await detectTableChanges(
      repo.dir,
      { kind: 'trees', from: 'HEAD~1', to: 'HEAD' },
      {
        excluded: () => false,
      },
    );
    return [...new Set(changes.map((c) => c.table))];
  };

  it('name an entity without Table by the configured naming strategy', async () => {
    expect(await tablesOf('naming-strategy')).toEqual(['saml_persistent_id']);
  });

  it('put a single-table-inheritance child on its root entity table, read from the parent class', async () => {
    expect(await tablesOf('single-table-inheritance')).toEqual(['sso_provider_roles_eb5']);
  });
});

describe('doctrine traits and mapped superclasses', () => {
  const trait = (type: string) => `<?php
namespace App\\Traits;

use Doctrine\\ORM\\Mapping as ORM;

trait TimeStampable
{
    #[ORM\\Column(name: 'created', type: '${type}')]
    protected $created;

    public function touch(): void {}
}
`;
  const user = (name: string, table: string) => `<?php
namespace App\\Entity;

use App\\Traits\\TimeStampable;
use Doctrine\\ORM\\Mapping as ORM;

#[ORM\\Entity]
#[ORM\\Table(name: '${table}')]
class ${name}
{
    use TimeStampable;
}
`;
  it('change the tables of the entities that use them, read from the repository', () => {
    const files = {
      'src/Entity/Client.php': user('Client', 'clients'),
      'src/Entity/Quote.php': user('Quote', 'quotes'),
      'src/Entity/Tax.php': '<?php\nuse Doctrine\\ORM\\Mapping as ORM;\n#[ORM\\Entity]\nclass Tax {}\n',
    };
    const repo = staticRepoContext({ before: files, after: files });
    const change = fileChange('src/Traits/TimeStampable.php', trait('datetime'), trait('datetime_immutable'));
    expect(summary(doctrineExtractor.extract(change, { repo }))).toEqual(['clients alter', 'quotes alter']);
    // Without the repository the table is unknown, and said so.
    expect(doctrineExtractor.extract(change, {})).toMatchObject([{ table: null, kind: 'alter' }]);
    // A method edit changes no table.
    const method = trait('datetime').replace(
      'public function touch(): void {}',
      'public function touch(): void { $this->created = 1; }',
    );
    expect(
      doctrineExtractor.extract(fileChange('src/Traits/TimeStampable.php', trait('datetime'), method), {
        repo,
      }),
    ).toEqual([]);
  });
});

describe('doctrine XML mappings', () => {
  const xml = (field: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<doctrine-mapping xmlns="http://doctrine-project.org/schemas/orm/doctrine-mapping">
    <!-- <entity name="Old" table="commented_out"/> -->
    <entity name="App\\Entity\\Invoice" table="invoices" repository-class="App\\Repository\\InvoiceRepository">
        <id name="id" type="integer"><generator strategy="AUTO"/></id>
        ${field}
        <many-to-one field="client" target-entity="Client" inversed-by="invoices"${extra}>
            <join-column name="client_id" referenced-column-name="id"/>
        </many-to-one>
        <one-to-many field="lines" target-entity="Line" mapped-by="invoice"/>
    </entity>
</doctrine-mapping>
`;
  const p = 'config/doctrine/Invoice.orm.xml';
  it('compare the mapped schema, not formatting or loading options', () => {
    const before = xml('<field name="total" type="decimal" precision="10" scale="2"/>');
    expect(extractorFor(p, before)?.id).toBe('doctrine');
    expect(
      run(doctrineExtractor, p, before, xml('<field name="total" type="decimal" precision="12" scale="2"/>')),
    ).toMatchObject([{ table: 'invoices', kind: 'alter', detail: 'column-type', column: 'total' }]);
    expect(
      run(
        doctrineExtractor,
        p,
        before,
        xml('<field name="total" type="decimal" precision="10" scale="2"/>', ' fetch="EAGER"'),
      ),
    ).toEqual([]);
    expect(summary(run(doctrineExtractor, p, undefined, before))).toEqual(['invoices create']);
  });
});
