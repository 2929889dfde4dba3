import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'action/dist/**',
      'test/fixtures/**',
      'test/corpus/**',
      '**/*.bundle.js',
      // Generated contracts and the sites the benchmarks keep (DCR_BENCH_SITE_REUSE=1).
      'bench/.work/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        history: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
      },
    },
  },
);
