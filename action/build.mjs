// Bundles the GitHub Action's entry into action/dist/index.js, so `uses:` runs it without
// `npm install`. The contract schema is inlined: in the bundle the CLI's
// `new URL('../../schema/...', import.meta.url)` would point outside action/dist.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Files that read a schema at run time, the read they do, and the schema they read. */
const SCHEMA_READS = [
  {
    file: 'src/contract/schema.ts',
    read: "readFileSync(SCHEMA_URL, 'utf8')",
    schema: 'schema/contract.schema.json',
  },
  {
    file: 'src/odcs/odcs-schema.ts',
    read: "readFileSync(ODCS_SCHEMA_URL, 'utf8')",
    schema: 'schema/odcs/odcs-json-schema-v3.1.0.json',
  },
];

/** esbuild plugin: serve those files with the schema's text in place of the file read. */
const inlineSchema = {
  name: 'inline-contract-schema',
  setup(b) {
    for (const { file, read, schema } of SCHEMA_READS) {
      const filter = new RegExp(
        `${file
          .split('/')
          .map((p) => p.replace('.', '\\.'))
          .join('[\\\\/]')}$`,
      );
      b.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(read)) {
          return {
            errors: [{ text: `${file} no longer reads its schema with ${read}; update action/build.mjs` }],
          };
        }
        const json = readFileSync(join(root, ...schema.split('/')), 'utf8');
        JSON.parse(json); // fail the build on a broken schema rather than at run time
        return { contents: source.replace(read, JSON.stringify(json)), loader: 'ts' };
      });
    }
  },
};

/**
 * Modules that load a package on first use with a run-time require, which a bundle cannot
 * follow; in the bundle the package is inlined and handed out as it is.
 */
const LAZY_REQUIRES = [
  {
    file: 'lazy-picomatch.ts',
    requires: ["require('picomatch')"],
    contents: "import p from 'picomatch';\nexport const picomatch = () => p;\n",
  },
  {
    file: 'lazy-ajv.ts',
    requires: ["require('ajv')", "require('ajv/dist/2019.js')"],
    contents:
      "import { Ajv } from 'ajv';\nimport { Ajv2019 } from 'ajv/dist/2019.js';\n" +
      'export const ajvClass = () => Ajv;\nexport const ajv2019Class = () => Ajv2019;\n',
  },
];

/** esbuild plugin: serve LAZY_REQUIRES' files with static imports. */
const inlineLazyRequires = {
  name: 'inline-lazy-requires',
  setup(b) {
    for (const { file, requires, contents } of LAZY_REQUIRES) {
      const filter = new RegExp(`[\\\\/]src[\\\\/]util[\\\\/]${file.replace('.', '\\.')}$`);
      b.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const missing = requires.filter((r) => !source.includes(r));
        if (missing.length > 0) {
          return {
            errors: [{ text: `${file} no longer calls ${missing.join(', ')}; update action/build.mjs` }],
          };
        }
        return { contents, loader: 'ts' };
      });
    }
  },
};

/** Builds the bundle into `outfile` (default action/dist/index.js). */
export async function buildAction(outfile = join(root, 'action', 'dist', 'index.js')) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'action', 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Bundled CommonJS dependencies may call require() and read __dirname (libpg-query finds
    // its .wasm beside itself); give the ESM bundle both.
    banner: {
      js: [
        "import { createRequire as __dcrRequire } from 'node:module';",
        "import { fileURLToPath as __dcrPath } from 'node:url';",
        "import { dirname as __dcrDirname } from 'node:path';",
        'const require = __dcrRequire(import.meta.url);',
        'const __filename = __dcrPath(import.meta.url);',
        'const __dirname = __dcrDirname(__filename);',
      ].join(' '),
    },
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [inlineSchema, inlineLazyRequires],
  });
  // PostgreSQL's parser (WASM) is loaded from beside the bundle.
  copyFileSync(
    join(root, 'node_modules', 'libpg-query', 'wasm', 'libpg-query.wasm'),
    join(dirname(outfile), 'libpg-query.wasm'),
  );
  // The bundle is ESM wherever it is copied.
  writeFileSync(join(dirname(outfile), 'package.json'), '{ "type": "module" }\n');
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildAction(process.argv[2]);
  console.log(`built ${out}`);
}
