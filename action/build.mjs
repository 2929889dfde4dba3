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
 * esbuild plugin: src/util/lazy-picomatch.ts loads picomatch with a run-time require, which a
 * bundle cannot follow; in the bundle picomatch is inlined and handed out as it is.
 */
const inlinePicomatch = {
  name: 'inline-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]util[\\/]lazy-picomatch\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes("require('picomatch')")) {
        return { errors: [{ text: 'lazy-picomatch.ts no longer requires picomatch; update action/build.mjs' }] };
      }
      return {
        contents: "import picomatchPackage from 'picomatch';\nexport const picomatch = () => picomatchPackage;\n",
        loader: 'ts',
      };
    });
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
    plugins: [inlineSchema, inlinePicomatch],
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
