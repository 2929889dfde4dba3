<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    /**
     * Run the migrations.
     */
    public function up(): void
    {
        Schema::table('instance_settings', function (Blueprint $table) {
            $table->string('smtp_ehlo_domain')->nullable();
        });

        Schema::table('email_notification_settings', function (Blueprint $table) {
            $table->string('smtp_ehlo_domain')->nullable();
        });
    }

    /**
     * Reverse the migrations.
     */
    public function down(): void
    {
        Schema::table('instance_settings', function (Blueprint $table) {
            $table->dropColumn('smtp_ehlo_domain');
        });

        Schema::table('email_notification_settings', function (Blueprint $table) {
            $table->dropColumn('smtp_ehlo_domain');
        });
    }
};
