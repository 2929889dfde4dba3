import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectTableChanges } from '../../../src/detect/detect-changes.js';
import { laravelExtractor } from '../../../src/detect/extractors/laravel.js';
import { TempRepo } from '../../helpers/git-repo.js';
import { staticRepoContext } from '../../../src/detect/changes/repo-context.js';
import { fileChange, run, summary } from './change.js';

const migration = `<?php

use Illuminate\\Support\\Facades\\DB;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration {
    public function up(): void
    {
        Schema::connection('reporting')->create('daily_totals', function (Blueprint $table) {
            $table->date('day');
        });
        DB::unprepared(<<<SQL
            UPDATE orders SET total = 0 WHERE total IS NULL;
        SQL);
        OrderItem::where('qty', 0)->delete();
        $n = DB::table('users')->count();
    }

    public function down(): void
    {
        Schema::drop('daily_totals');
    }
};
`;

describe('laravel extractor', () => {
  it('reads Schema builders, DB SQL (heredoc included) and Eloquent writes in up()', () => {
    expect(
      summary(run(laravelExtractor, 'database/migrations/2024_01_01_000000_x.php', undefined, migration)),
    ).toEqual(['daily_totals create', 'order_items data', 'orders data']);
  });

  it('ignores an edit of down()', () => {
    const after = migration.replace("Schema::drop('daily_totals');", "Schema::dropIfExists('daily_totals');");
    expect(run(laravelExtractor, 'database/migrations/2024_01_01_000000_x.php', migration, after)).toEqual(
      [],
    );
  });
});

describe('laravel extractor, names and files beyond the plain migration', () => {
  it('reads table names held in a constant or a property', () => {
    const m = `<?php
use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Support\\Facades\\DB;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration {
    private const TABLE = 'photos';
    protected string $logs = 'audit_logs';

    public function up(): void
    {
        Schema::table(self::TABLE, function (Blueprint $table) {
            $table->string('title')->nullable();
        });
        DB::table($this->logs)->where('id', 1)->delete();
    }
};
`;
    expect(
      summary(run(laravelExtractor, 'database/migrations/2024_01_01_000000_x.php', undefined, m)),
    ).toEqual(['audit_logs data', 'photos alter']);
  });

  it('claims schema-builder DDL outside migrations, but not the writes of application code', () => {
    const installer = `<?php
namespace App\\Console;

use Illuminate\\Support\\Facades\\DB;
use Illuminate\\Support\\Facades\\Schema;

class Install
{
    public function handle(): void
    {
        if (!Schema::hasTable('plugins')) {
            Schema::create('plugins', function ($table) {
                $table->id();
            });
        }
        DB::table('settings')->update(['installed' => true]);
    }
}
`;
    expect(summary(run(laravelExtractor, 'app/Console/Install.php', undefined, installer))).toEqual([
      'plugins create',
    ]);
    const service = `<?php
namespace App\\Services;
use Illuminate\\Support\\Facades\\DB;
class Orders { public function close(): void { DB::table('orders')->update(['open' => false]); } }
`;
    expect(laravelExtractor.matches('app/Services/Orders.php', service)).toBe(false);
  });
});

describe('laravel migrations in a repository', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it("runs the up() of the project's base migration class, read from the repository", async () => {
    const dir = join(import.meta.dirname, 'laravel', 'base-class-migration');
    for (const side of ['before', 'after']) {
      cpSync(join(dir, side), repo.dir, { recursive: true });
      repo.git('add', '-A');
      repo.git('commit', '-qm', side);
    }
    const { changes } = await detectTableChanges(
      repo.dir,
      { kind: 'trees', from: 'HEAD~1', to: 'HEAD' },
      { excluded: () => false },
    );
    expect(changes.map((c) => `${c.table} ${c.kind}`)).toEqual(['configs data']);
  });
});

describe("laravel models' tables", () => {
  it('reads the $table of a model written elsewhere in the repository', () => {
    const m = `<?php
use App\\Models\\Setting;
use Illuminate\\Database\\Migrations\\Migration;

return new class extends Migration {
    public function up(): void
    {
        Setting::where('key', 'mail:host')->update(['key' => 'mail:smtp:host']);
    }
};
`;
    const model = `<?php
namespace App\\Models;
class Setting extends Model
{
    protected $table = 'app_settings';
}
`;
    const repo = staticRepoContext({ after: { 'app/Models/Setting.php': model } });
    const changes = laravelExtractor.extract(fileChange('database/migrations/2024_x.php', undefined, m), {
      repo,
    });
    expect(summary(changes)).toEqual(['app_settings data']);
    expect(
      summary(laravelExtractor.extract(fileChange('database/migrations/2024_x.php', undefined, m), {})),
    ).toEqual(['settings data']);
  });
});
