<?php

use Illuminate\Support\Str;
use Pdo\Pgsql;

$parseDatabaseHosts = function (mixed $hosts, mixed $fallback = 'coolify-db'): array {
    $parsedHosts = array_values(array_filter(
        array_map('trim', explode(',', (string) $hosts)),
        'strlen',
    ));

    if ($parsedHosts !== []) {
        return $parsedHosts;
    }

    $fallbackHosts = array_values(array_filter(
        array_map('trim', explode(',', (string) $fallback)),
        'strlen',
    ));

    return $fallbackHosts === [] ? ['coolify-db'] : $fallbackHosts;
};

$pgsql = [
    'driver' => 'pgsql',
    'url' => env('DATABASE_URL'),
    'host' => env('DB_HOST', 'coolify-db'),
    'port' => env('DB_PORT', '5432'),
    'database' => env('DB_DATABASE', 'coolify'),
    'username' => env('DB_USERNAME', 'coolify'),
    'password' => env('DB_PASSWORD', ''),
    'charset' => 'utf8',
    'prefix' => '',
    'prefix_indexes' => true,
    'search_path' => 'public',
    'sslmode' => 'prefer',
    'options' => [
        (defined('Pdo\Pgsql::ATTR_DISABLE_PREPARES') ? Pgsql::ATTR_DISABLE_PREPARES : PDO::PGSQL_ATTR_DISABLE_PREPARES) => env('DB_DISABLE_PREPARES', false),
    ],
];

/*
 * Opt-in read/write replica split. Activates only when DB_READ_HOST is set.
 * When unset, the pgsql connection is identical to a single-primary setup.
 * Hosts may be comma-separated; Laravel random-picks one per connection.
 */
if (env('DB_READ_HOST')) {
    $pgsql['read'] = [
        'host' => $parseDatabaseHosts(env('DB_READ_HOST'), env('DB_HOST', 'coolify-db')),
        'port' => env('DB_READ_PORT', env('DB_PORT', '5432')),
        'username' => env('DB_READ_USERNAME', env('DB_USERNAME', 'coolify')),
        'password' => env('DB_READ_PASSWORD', env('DB_PASSWORD', '')),
    ];
    $pgsql['write'] = [
        'host' => $parseDatabaseHosts(env('DB_WRITE_HOST'), env('DB_HOST', 'coolify-db')),
        'port' => env('DB_WRITE_PORT', env('DB_PORT', '5432')),
        'username' => env('DB_WRITE_USERNAME', env('DB_USERNAME', 'coolify')),
        'password' => env('DB_WRITE_PASSWORD', env('DB_PASSWORD', '')),
    ];
    $pgsql['sticky'] = (bool) env('DB_STICKY', true);
}

return [

    /*
    |--------------------------------------------------------------------------
    | Default Database Connection Name
    |--------------------------------------------------------------------------
    |
    | Here you may specify which of the database connections below you wish
    | to use as your default connection for all database work. Of course
    | you may use many connections at once using the Database library.
    |
    */

    'default' => env('DB_CONNECTION', 'pgsql'),

    /*
    |--------------------------------------------------------------------------
    | Database Connections
    |--------------------------------------------------------------------------
    |
    | Here are each of the database connections setup for your application.
    | Of course, examples of configuring each database platform that is
    | supported by Laravel is shown below to make development simple.
    |
    |
    | All database work in Laravel is done through the PHP PDO facilities
    | so make sure you have the driver for your particular database of
    | choice installed on your machine before you begin development.
    |
    */

    'connections' => [

        'pgsql' => $pgsql,

        'testing' => [
            'driver' => 'sqlite',
            'database' => ':memory:',
            'prefix' => '',
            'foreign_key_constraints' => true,
        ],

    ],

    /*
    |--------------------------------------------------------------------------
    | Migration Repository Table
    |--------------------------------------------------------------------------
    |
    | This table keeps track of all the migrations that have already run for
    | your application. Using this information, we can determine which of
    | the migrations on disk haven't actually been run in the database.
    |
    */

    'migrations' => 'migrations',

    /*
    |--------------------------------------------------------------------------
    | Redis Databases
    |--------------------------------------------------------------------------
    |
    | Redis is an open source, fast, and advanced key-value store that also
    | provides a richer body of commands than a typical key-value system
    | such as APC or Memcached. Laravel makes it easy to dig right in.
    |
    */

    'redis' => [

        'client' => env('REDIS_CLIENT', 'phpredis'),

        'options' => [
            'cluster' => env('REDIS_CLUSTER', 'redis'),
            'prefix' => env('REDIS_PREFIX', Str::slug(env('APP_NAME', 'laravel'), '_').'_database_'),
        ],

        'default' => [
            'url' => env('REDIS_URL'),
            'host' => env('REDIS_HOST', 'coolify-redis'),
            'username' => env('REDIS_USERNAME'),
            'password' => env('REDIS_PASSWORD'),
            'port' => env('REDIS_PORT', '6379'),
            'database' => env('REDIS_DB', '0'),
        ],

        'cache' => [
            'url' => env('REDIS_URL'),
            'host' => env('REDIS_HOST', 'coolify-redis'),
            'username' => env('REDIS_USERNAME'),
            'password' => env('REDIS_PASSWORD'),
            'port' => env('REDIS_PORT', '6379'),
            'database' => env('REDIS_CACHE_DB', '1'),
        ],

    ],

];
