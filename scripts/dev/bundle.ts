/**
 * Part of `npm run build`, after tsc has compiled scripts/ to dist/: two bundles that make the
 * installed CLI start faster. Nothing else changes: the same code (tsc's output), the same
 * dependencies; esbuild (a development dependency) does the bundling.
 *
 * 1. dist/bundle/cli.cjs (and dist/bundle/build-worker.cjs, the `--jobs` worker): the CLI with all
 *    of refspec's own modules in one CommonJS file, which bin/refspec.js requires. Loading the ~70
 *    ES modules of dist/ one by one took ~80 ms of every command on the bench machine (BENCHMARKS.md,
 *    "The CLI as installed"); one CommonJS file loads at once, and each command's code still runs
 *    only when the command is asked for (esbuild keeps the lazy `import()`s lazy). npm packages
 *    stay outside (required from node_modules as before). The bundle sits one folder below dist/,
 *    as the modules of dist/ do, so the paths they compute from their own location
 *    (util/paths.ts, lint/index.ts, commands/build.ts) hold in it too: `import.meta.url` is the
 *    bundle file's URL there. dist/*.js stays for the programmatic API (package.json `exports`).
 * 2. dist/vendor/redocly-core.js: @redocly/openapi-core (the linter) in one ES module, which the
 *    compiled lint/index.ts loads instead of the package: resolving and compiling its few hundred
 *    CommonJS files was ~0.5 s of a 1.3 s `refspec build`; one file loads in ~0.2 s. Its licence
 *    comments are kept at the end of the file.
 */
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');

await build({
  entryPoints: { cli: join(DIST, 'cli.js'), 'build-worker': join(DIST, 'commands', 'build-worker.js') },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: join(DIST, 'bundle'),
  outExtension: { '.js': '.cjs' },
  // Every npm package is required from node_modules, as from dist/ (and the linter bundle below).
  packages: 'external',
  external: ['../vendor/*'],
  define: { 'import.meta.url': '__refspecModuleUrl' },
  banner: { js: "const __refspecModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});

await mkdir(join(DIST, 'vendor'), { recursive: true });
await build({
  stdin: { contents: "export * from '@redocly/openapi-core';", resolveDir: ROOT, sourcefile: 'redocly-core.ts', loader: 'ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: join(DIST, 'vendor', 'redocly-core.js'),
  legalComments: 'eof',
  logLevel: 'error',
  // CommonJS inside an ES module still calls require() (for Node built-ins).
  banner: { js: "import { createRequire as __refspecRequire } from 'node:module'; const require = __refspecRequire(import.meta.url);" },
});
