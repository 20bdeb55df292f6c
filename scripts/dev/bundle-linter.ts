/**
 * Part of `npm run build`: @redocly/openapi-core (the linter) bundled into one ES module,
 * dist/vendor/redocly-core.js, which the compiled CLI loads instead of the package.
 *
 * Why: loading the package means resolving and compiling a few hundred CommonJS files, ~0.5 s of a
 * 1.3 s `refspec build` on the bench machine; the same code as one file loads in ~0.2 s
 * (BENCHMARKS.md, "The CLI as installed"). Nothing else changes: the same version of the same code
 * (the package stays a dependency, its types and the development path use it), its licence comments
 * kept at the end of the file. esbuild (a development dependency) does the bundling.
 */
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const out = join(ROOT, 'dist', 'vendor', 'redocly-core.js');
await mkdir(join(ROOT, 'dist', 'vendor'), { recursive: true });
await build({
  stdin: { contents: "export * from '@redocly/openapi-core';", resolveDir: ROOT, sourcefile: 'redocly-core.ts', loader: 'ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: out,
  legalComments: 'eof',
  logLevel: 'error',
  // CommonJS inside an ES module still calls require() (for Node built-ins).
  banner: { js: "import { createRequire as __refspecRequire } from 'node:module'; const require = __refspecRequire(import.meta.url);" },
});
