/**
 * generated/<api>/docs/reference.html: a self-contained Redoc page (`redocly build-docs
 * --inlineBundle`, telemetry off both for the CLI and in the page). The CLI runs as a subprocess in
 * a private temporary folder (so no project redocly.yaml or network config applies); its output is
 * checked: no external script/style/image, and document-derived HTML is neutralised beforehand.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { htmlText, spellBidi } from './escape.ts';
import { bannerText } from './banner.ts';

const run = promisify(execFile);
type Obj = Record<string, unknown>;

const TEXT_KEYS = new Set(['description', 'summary', 'title']);

/**
 * Copy of the document in which every description / summary / title is HTML-escaped: Redoc
 * renders those as Markdown, and Markdown passes raw HTML through. Escaped, `<script>` shows as
 * text. Example values stay untouched (Redoc prints them as code). Bidi controls are spelled out
 * (`\u202e`) in every string and key, so no text in the page is displayed reordered ("Trojan
 * Source" in documentation).
 */
export function neutraliseHtml(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return spellBidi(TEXT_KEYS.has(key) ? htmlText(value) : value);
  if (Array.isArray(value)) return value.map((v) => neutraliseHtml(v));
  if (value && typeof value === 'object') {
    // Object.fromEntries defines own properties: a key spelled "__proto__" stays a key.
    return Object.fromEntries(
      Object.entries(value as Obj).map(([k, v]) => {
        if (VALUE_KEYS.has(k)) return [spellBidi(k), spellStrings(v)];
        // property names are not text fields even when one is called "description"
        if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
          return [k, Object.fromEntries(Object.entries(v as Obj).map(([pk, pv]) => [spellBidi(pk), neutraliseHtml(pv)]))];
        }
        return [spellBidi(k), neutraliseHtml(v, k)];
      }),
    );
  }
  return value;
}

/** Keys whose values Redoc prints as code: not escaped, only bidi controls spelled out. */
const VALUE_KEYS = new Set(['examples', 'example', 'x-refspec-request-examples', 'enum', 'const', 'default']);

/** Every string (and key) of a value with its bidi controls spelled out, nothing else changed. */
function spellStrings(value: unknown): unknown {
  if (typeof value === 'string') return spellBidi(value);
  if (Array.isArray(value)) return value.map(spellStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Obj).map(([k, v]) => [spellBidi(k), spellStrings(v)]));
  return value;
}

/** Attributes that would make a browser fetch something at load time. */
const EXTERNAL = /<(?:script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\s(?:src|href|data)\s*=\s*["']?(?:https?:)?\/\//i;

export function externalLoads(html: string): string[] {
  const found: string[] = [];
  const re = new RegExp(EXTERNAL.source, 'gi');
  for (const m of html.matchAll(re)) found.push(m[0].slice(0, 120));
  for (const m of html.matchAll(/@import\s+(?:url\()?["']?https?:\/\/[^"')\s]+/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<style[^>]*>[^<]*url\(\s*["']?https?:\/\/[^)]+\)/gi)) found.push(m[0].slice(0, 120));
  return found;
}

/**
 * Content-Security-Policy of the page: inline scripts/styles of the bundle run, images and fonts
 * only from data: URIs, and nothing at all can be fetched from the network (telemetry, CDN logo,
 * icon packs) even if the bundle tries.
 */
export const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'";

/** Redoc's attribution logo is an <img> from a CDN with no option to turn it off: point it at an inline SVG. */
const CDN_LOGOS = [/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg/g, /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg/g];
const INLINE_LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='60' height='16'%3E%3Ctext x='0' y='12' font-size='11' font-family='sans-serif'%3ERedoc%3C/text%3E%3C/svg%3E";

export function offline(html: string): string {
  let out = html;
  for (const re of CDN_LOGOS) out = out.replace(re, INLINE_LOGO);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
  return /<head>/i.test(out) ? out.replace(/<head>/i, `<head>\n  ${meta}`) : `${meta}\n${out}`;
}

function redoclyCli(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@redocly/cli/package.json');
  return join(pkg, '..', 'bin', 'cli.js');
}

export async function generateHtml(doc: Obj, specPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'refspec-docs-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'reference.html');
    await writeFile(input, JSON.stringify(neutraliseHtml(doc)));
    const title = spellBidi(String(((doc.info ?? {}) as Obj).title ?? 'API reference'));
    await run(
      process.execPath,
      [redoclyCli(), 'build-docs', input, '--inlineBundle', '-o', output, '--title', title, '--openapi.disableTelemetry=true', '--openapi.hideDownloadButtons=true'],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', CI: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((err: Error & { stderr?: string }) => {
      throw new Error(`redocly build-docs failed for ${specPath}: ${(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' ')}`);
    });
    let html = offline(await readFile(output, 'utf8'));
    const external = externalLoads(html);
    if (external.length) throw new Error(`${specPath}: the HTML reference would load ${external[0]}`);
    const source = ((doc.info ?? {}) as Obj)['x-refspec-source'] as Obj | undefined;
    const banner = `<!-- ${htmlText(bannerText(specPath, typeof source?.document === 'string')).replace(/--/g, '- -')} -->\n`;
    html = /^<!DOCTYPE html>\n/i.test(html) ? html.replace(/^(<!DOCTYPE html>\n)/i, `$1${banner}`) : `${banner}${html}`;
    return html.endsWith('\n') ? html : `${html}\n`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
