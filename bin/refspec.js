#!/usr/bin/env node
// `refspec` / `npx refspec`: runs the compiled CLI in this one Node process: dist/bundle/cli.cjs,
// all of refspec's modules in one CommonJS file (scripts/dev/bundle.ts: it loads faster than the
// ES modules of dist/ one by one); help and the version from dist/cli.js (see below).
// dist/ is build output (`npm run build`; `prepare` builds it on `npm install` in a checkout and
// before `npm pack`), never committed. In a checkout of the repository, where scripts/ sits beside
// dist/ and dist/ may be missing or older than the sources, the sources run instead through tsx
// (a development dependency), in this same process, so `npx refspec` never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const compiled = new URL('dist/bundle/cli.cjs', root);
const sources = new URL('scripts/', root);

/** Newest modification time (ms) of the files under scripts/ that dist/ is built from. */
function newestSource() {
  let newest = 0;
  const dir = fileURLToPath(sources);
  for (const rel of readdirSync(dir, { recursive: true })) {
    if (rel.startsWith('bench') || rel.startsWith('dev')) continue;
    const m = statSync(`${dir}/${rel}`).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

function staleBuild() {
  if (!existsSync(new URL('cli.ts', sources))) return false; // an installed package: dist/ is all there is
  if (!existsSync(compiled)) return 'missing';
  return newestSource() > statSync(compiled).mtimeMs ? 'older than scripts/' : false;
}

const stale = staleBuild();
let cli;
if (stale) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write(`refspec: dist/ is ${stale} and tsx is not installed: run \`npm install\` or \`npm run build\`\n`);
    process.exit(70);
  }
  if (process.stderr.isTTY) process.stderr.write(`refspec: note: dist/ is ${stale}; running the sources with tsx (\`npm run build\` to compile)\n`);
  cli = await import(new URL('cli.ts', sources).href);
} else if (answersAlone(process.argv.slice(2))) {
  // Help and the version need none of the commands' code: the ES-module dispatcher (dist/cli.js and
  // the few small modules it imports, the same compiled code the bundle holds) answers them ~25 ms
  // sooner than the whole bundle compiles.
  cli = await import(new URL('dist/cli.js', root).href);
} else {
  cli = createRequire(import.meta.url)(fileURLToPath(compiled));
}
await cli.run(process.argv.slice(2));

/** No arguments, `help …`, or --help / --version before any `--`. */
function answersAlone(args) {
  if (args.length === 0 || args[0] === 'help') return true;
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h' || a === '--version' || a === '-V') return true;
  }
  return false;
}
