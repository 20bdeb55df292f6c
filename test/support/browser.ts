/**
 * Which Chromium the browser tests drive, in this order:
 * 1. `CHROMIUM_PATH`, when it names an existing file;
 * 2. the system's Chromium (Debian's /usr/bin/chromium, which `.ci/run` installs) when no
 *    CHROMIUM_PATH is set;
 * 3. the Chromium shipped inside the `@sparticuz/chromium` npm package (a devDependency: the browser
 *    is in the package tarball, nothing is downloaded), unpacked once into
 *    node_modules/.cache/refspec-chromium/<version>/ with the libraries it needs (NSS, expat) beside
 *    it, so it runs on a machine that has only Node and npm.
 * When none runs, the caller skips with a loud notice, except under CI=true, where it fails.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export type BrowserChoice =
  | { ok: true; executablePath: string; source: string; env?: Record<string, string> }
  | { ok: false; reason: string };

const ROOT = join(import.meta.dirname, '..', '..');
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Unpack the Chromium of @sparticuz/chromium (and its libraries and fonts) into a cache folder. */
async function bundled(): Promise<BrowserChoice> {
  // The package's exports do not include package.json: find it beside the resolved entry point.
  let pkgJson: string | undefined;
  try {
    let dir = dirname(createRequire(join(ROOT, 'package.json')).resolve('@sparticuz/chromium'));
    const named = (d: string) => existsSync(join(d, 'package.json')) && JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === '@sparticuz/chromium';
    while (!named(dir) && dirname(dir) !== dir) dir = dirname(dir);
    pkgJson = join(dir, 'package.json');
  } catch {
    pkgJson = undefined;
  }
  if (!pkgJson || !existsSync(pkgJson)) return { ok: false, reason: 'the @sparticuz/chromium package is not installed (npm install)' };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { ok: false, reason: `@sparticuz/chromium ships a linux-x64 browser only (this is ${process.platform}-${process.arch})` };
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const bin = join(dirname(pkgJson), 'bin');
  const cache = join(ROOT, 'node_modules', '.cache', 'refspec-chromium', version);
  const exe = join(cache, 'chromium');
  const libs = join(cache, 'al2023', 'lib');
  if (!existsSync(exe)) {
    mkdirSync(cache, { recursive: true });
    // The package's own unpacker writes to os.tmpdir(): point it at the cache folder meanwhile.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = cache;
    try {
      const mod = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath: (dir?: string) => Promise<string> } };
      await mod.default.executablePath(bin);
    } catch (err) {
      return { ok: false, reason: `@sparticuz/chromium could not be unpacked (${(err as Error).message})` };
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }
  if (!existsSync(libs)) {
    // The libraries the browser links against (NSS, NSPR, expat): the package unpacks them only on
    // AWS Lambda; here they are unpacked beside the browser and put on LD_LIBRARY_PATH.
    const tar = join(cache, 'al2023.tar');
    writeFileSync(tar, brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))));
    mkdirSync(join(cache, 'al2023'), { recursive: true });
    const r = spawnSync('tar', ['-xf', tar, '-C', join(cache, 'al2023')], { encoding: 'utf8' });
    if (r.status !== 0) return { ok: false, reason: `could not unpack the browser's libraries (tar: ${r.stderr || r.error?.message})` };
  }
  if (!existsSync(exe)) return { ok: false, reason: `@sparticuz/chromium did not produce ${exe}` };
  // The package's fonts.conf names AWS Lambda's folders only (/var/task/fonts, /opt/fonts, …), so
  // the browser found no font at all, and this build has no glyph fallback: the first character it
  // could not find in a font was a FATAL "Not implemented" in SkFontMgr_FontConfigInterface (the
  // Redoc page crashed the browser). Our own configuration names the package's font (Open Sans) and
  // the machine's font folders, where there are any.
  const fontDirs = [join(cache, 'fonts', 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/nonexistent', '.fonts')].filter((d) => existsSync(d));
  const conf = join(cache, 'refspec-fonts', 'fonts.conf');
  mkdirSync(dirname(conf), { recursive: true });
  const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${fontDirs.map((d) => `  <dir>${xml(d)}</dir>\n`).join('')}  <cachedir>${xml(join(cache, 'refspec-fonts', 'cache'))}</cachedir>\n</fontconfig>\n`,
  );
  return {
    ok: true,
    executablePath: exe,
    source: `@sparticuz/chromium ${version}`,
    env: {
      LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: dirname(conf),
    },
  };
}

/** An executable regular file (not a folder, not a device standing in for a removed browser). */
function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findChromium(): Promise<BrowserChoice> {
  const asked = process.env.CHROMIUM_PATH;
  if (asked && executable(asked)) return { ok: true, executablePath: asked, source: 'CHROMIUM_PATH' };
  if (!asked) {
    const system = SYSTEM.find((p) => executable(p));
    if (system) return { ok: true, executablePath: system, source: system };
  }
  const b = await bundled();
  if (b.ok) return b;
  const tried = asked ? `CHROMIUM_PATH=${asked} is no executable file` : `no ${SYSTEM.join(' or ')}`;
  return { ok: false, reason: `${tried}; ${b.reason}` };
}

/**
 * For a browser test module: the browser to use, or (outside CI) a loud notice and `undefined`, so
 * the caller skips. Under CI=true a missing browser throws: the browser tests must run there.
 */
export async function browserOrSkip(what: string): Promise<Extract<BrowserChoice, { ok: true }> | undefined> {
  const found = await findChromium();
  if (found.ok) return found;
  const message = `${what}: no Chromium to run it (${found.reason}). Install Debian's chromium or set CHROMIUM_PATH.`;
  if (process.env.CI && process.env.CI !== 'false') throw new Error(`${message} CI=true: the browser tests may not be skipped.`);
  const bar = '!'.repeat(Math.min(100, message.length + 4));
  process.stderr.write(`\n${bar}\n! SKIPPED ${message}\n${bar}\n\n`);
  return undefined;
}
