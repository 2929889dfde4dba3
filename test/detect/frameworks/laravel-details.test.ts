import { describe, expect, it } from 'vitest';
import { laravelExtractor } from '../../../src/detect/extractors/laravel.js';
import type { TableChange } from '../../../src/detect/types.js';
import { run } from './change.js';
import { checkMigration, codes } from './drop-column-cli.js';

const PATH = 'database/migrations/2024_05_01_000000_reshape_orders.php';

const reshape = `<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration {
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->string('note', 500)->nullable();
            $table->decimal('amount', 10, 2)->nullable()->change();
            $table->string('email')->nullable(false)
                ->change();
            $table->dropColumn('legacy');
            $table->dropColumn(['a', 'b']);
            $table->renameColumn('total', 'grand_total');
            $table->timestamps();
            $table->dropTimestamps();
            $table->softDeletes();
            $table->dropSoftDeletes();
            $table->foreignId('customer_id')->constrained();
            $table->foreignIdFor(User::class);
            $table->morphs('taggable');
            $table->foreign('seller_id')->references('id')->on('sellers');
            $table->dropForeign(['seller_id']);
            $table->index('state');
            $table->unique('code');
            $table->dropIndex(['state']);
            $table->dropUnique('orders_code_unique');
            $table->primary('id');
            $table->dropPrimary();
            $table->dropColumn($column);
        });
        Schema::dropColumns('carts', ['token', 'session']);
    }

    public function down(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->dropColumn('note');
        });
    }
};
`;

const detailOf = (c: TableChange): string =>
  `${c.line} ${c.table} ${c.kind} ${c.detail ?? '-'} ${c.column ?? '-'}`;

describe('laravel extractor: what each Blueprint call changes', () => {
  it('gives every call its detail and column, one change per column', () => {
    expect(run(laravelExtractor, PATH, undefined, reshape).map(detailOf)).toEqual([
      '11 orders alter add-column note',
      '12 orders alter column-type amount',
      '13 orders alter column-type email',
      '15 orders alter drop-column legacy',
      '16 orders alter drop-column a',
      '16 orders alter drop-column b',
      '17 orders alter rename-column total',
      '18 orders alter add-column created_at',
      '18 orders alter add-column updated_at',
      '19 orders alter drop-column created_at',
      '19 orders alter drop-column updated_at',
      '20 orders alter add-column deleted_at',
      '21 orders alter drop-column deleted_at',
      '22 orders alter add-column customer_id',
      '23 orders alter add-column user_id',
      '24 orders alter add-column taggable_id',
      '24 orders alter add-column taggable_type',
      '25 orders alter constraint -',
      // dropForeign, unique, dropUnique, primary, dropPrimary: constraints of the same table, reported once.
      '27 orders alter index -',
      // A column name held in a variable: an alter dcr cannot tell.
      '33 orders alter - -',
      '35 carts alter drop-column token',
      '35 carts alter drop-column session',
    ]);
  });

  it('in an edited closure reports the changed call; a changed table name, all of them', () => {
    const one = reshape.replace("$table->dropColumn('legacy');", "$table->dropColumn('legacy_code');");
    expect(run(laravelExtractor, PATH, reshape, one).map(detailOf)).toEqual([
      '15 orders alter drop-column legacy_code',
      '15 orders alter drop-column legacy',
    ]);
    const moved = reshape.replace("Schema::table('orders',", "Schema::table('sales',");
    const changes = run(laravelExtractor, PATH, reshape, moved);
    expect(changes.filter((c) => c.column === 'amount').map(detailOf)).toEqual([
      '10 sales alter column-type amount',
      '10 orders alter column-type amount',
    ]);
  });

  it('reads arrow-function closures and the columns of an after() group', () => {
    const text = `<?php
return new class extends Migration {
    public function up(): void
    {
        Schema::table('users', static function (Blueprint $table): void {
            $table->after('email', function (Blueprint $table) {
                $table->string('phone');
            });
        });
        Schema::table('posts', fn (Blueprint $t) => $t->dropColumn('body'));
    }
};
`;
    expect(run(laravelExtractor, PATH, undefined, text).map(detailOf)).toEqual([
      '7 users alter add-column phone',
      '10 posts alter drop-column body',
    ]);
  });

  it('through dcr check: a dropped column is DCR-B108, and blocks when the contract lists it', async () => {
    const text = `<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration {
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->dropColumn('note');
        });
    }
};
`;
    const open = await checkMigration(PATH, text, 'orders');
    expect(open.stderr).toBe('');
    expect(open.code).toBe(0);
    expect(codes(open)).toEqual(['DCR-B108 drop-column note']);
    const listed = await checkMigration(PATH, text, 'orders', ['id', 'note']);
    expect(codes(listed)).toEqual(['DCR-B103 drop-column note']);
    expect(listed.result.blocking).toBe(true);
    expect(listed.code).toBe(1);
  });
});
