import { describe, expect, it } from 'vitest';
import { laravelExtractor } from '../../../src/detect/extractors/laravel.js';
import { run, summary } from './change.js';

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
