/**
 * The HTML references in a real browser (Debian chromium through playwright-core), offline: every
 * request that is not file:/data:/blob: is recorded and refused, CSP violations are recorded, and
 * the test asserts that every operation is reachable by its stable deep link `#operation/<id>`
 * (its heading is on screen afterwards), that the sidebar lists it by name, and that nothing is
 * fetched. Screenshots (the sidebar, the last operation) go to test/artifacts/ for people to look at.
 * The browser comes from test/support/browser.ts (CHROMIUM_PATH, the system's chromium, or the one
 * shipped in the @sparticuz/chromium package); with none it skips loudly, except under CI=true.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, ROOT, apiConfigs, fixtureDoc, generateInto, writeArtifact, type Generated } from './helpers.ts';
import { loadApi } from '../../scripts/codegen/index.ts';
import { browserOrSkip } from '../support/browser.ts';

const found = await browserOrSkip('test/codegen/browser.test.ts');
const noBrowser = found === undefined;

let browser: Browser;
beforeAll(async () => {
  if (!found) return;
  // playwright gives the browser a throw-away profile of its own (its --user-data-dir).
  browser = await chromium.launch({
    executablePath: found.executablePath,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Visit {
  page: Page;
  external: string[];
  violations: string[];
  errors: string[];
}

async function open(file: string, hash = ''): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const v: Visit = { page, external: [], violations: [], errors: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    v.external.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => v.errors.push(e.message));
  page.on('console', (m) => {
    if (m.text().startsWith('CSP-VIOLATION ')) v.violations.push(m.text().slice(14));
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.log(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(file).href + hash, { waitUntil: 'load' });
  return v;
}

function deepLink(name: string): string {
  return `#operation/${encodeURIComponent(name)}`;
}

interface Reach {
  /** The page shows the operation's heading after following its #operation/<id> link. */
  reached: boolean;
  /** Redoc's route the link led to. */
  route: string;
  /** Text of the sidebar entry of that route (label + method badge). */
  sidebar: string;
}

/** Follow `#operation/<name>` (already in the address, or set now) and wait for the operation's heading. */
async function follow(page: Page, name: string, navigate: boolean): Promise<Reach> {
  if (navigate) {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, deepLink(name));
  }
  // Redoc gives the section of an operation the id of its route (`#/tag/op` → id `tag/op`).
  const reached = await page
    .waitForFunction(
      (want) => {
        const hash = window.location.hash;
        if (!hash.startsWith('#/')) return false;
        const section = document.getElementById(decodeURIComponent(hash.slice(2)));
        const heading = section?.querySelector('h1, h2');
        return !!heading && (heading.textContent ?? '').trim() === want && (heading as HTMLElement).offsetParent !== null;
      },
      name,
      { timeout: 20_000, polling: 100 },
    )
    .then(() => true)
    .catch(() => false);
  // The sidebar entry, not a heading's deep-link icon (same href, no text); the menu may render it
  // a moment after the heading.
  await page
    .waitForFunction(() => [...document.querySelectorAll('a')].some((a) => a.getAttribute('href') === window.location.hash && !a.closest('[data-deep-link-anchor]')), undefined, { timeout: 5_000, polling: 100 })
    .catch(() => undefined);
  return page.evaluate(
    (ok) => {
      const route = window.location.hash;
      const link = [...document.querySelectorAll('a')].find((a) => a.getAttribute('href') === route && !a.closest('[data-deep-link-anchor]'));
      return { reached: ok, route, sidebar: (link?.textContent ?? '').trim() };
    },
    reached,
  );
}

/** Screenshot of the sidebar only (the column that holds the sidebar links). */
async function sidebarShot(page: Page, path: string): Promise<void> {
  const box = await page.evaluate(() => {
    const link = [...document.querySelectorAll('a')].find((a) => (a.getAttribute('href') ?? '').startsWith('#/') && a.getBoundingClientRect().left < 300);
    let el: HTMLElement | null = link ?? null;
    while (el && el.parentElement && el.getBoundingClientRect().height < window.innerHeight * 0.9) el = el.parentElement;
    const r = (el ?? document.body).getBoundingClientRect();
    return { x: Math.max(0, r.left), y: 0, width: Math.min(r.width, 420), height: window.innerHeight };
  });
  await page.screenshot({ path, clip: box });
}

const apis = await apiConfigs();

describe.skipIf(noBrowser).each(apis.map((a) => ({ name: a.name, api: a })))('HTML reference of $name in headless Chromium', ({ api }) => {
  it('reaches every operation by its #operation/<id> link, lists it by name in the sidebar, fetches nothing', async () => {
    const file = join(ROOT, 'generated', api.generated, 'docs', 'reference.html');
    const doc = parse(await readFile(join(ROOT, 'spec', `${api.name}.openapi.yaml`), 'utf8')) as Record<string, unknown>;
    const info = await loadApi(doc, { specPath: `spec/${api.name}.openapi.yaml` });
    const first = info.operations[0];
    // The first link is opened as the page's address (Redoc starts there), the others by changing the hash.
    const v = await open(file, deepLink(first.operationId));
    const unreachable: string[] = [];
    const notNamed: { operation: string; sidebar: string }[] = [];
    const routes: Record<string, string> = {};
    for (const [i, op] of info.operations.entries()) {
      const r = await follow(v.page, op.operationId, i > 0);
      routes[op.operationId] = r.route;
      if (!r.reached) unreachable.push(op.operationId);
      // The sidebar entry is the operation's name (followed by its method badge), not its summary.
      if (!r.sidebar.startsWith(op.operationId)) notNamed.push({ operation: op.operationId, sidebar: r.sidebar });
      if (i === 0) await sidebarShot(v.page, join(ARTIFACTS, `${api.generated}-sidebar.png`));
    }
    await v.page.screenshot({ path: join(ARTIFACTS, `${api.generated}-operation.png`) });
    const distinct = new Set(Object.values(routes)).size;
    await writeArtifact(
      `browser-${api.generated}.json`,
      `${JSON.stringify({ operations: info.operations.length, reached: info.operations.length - unreachable.length, unreachable, notNamed, distinctRoutes: distinct, routes, external: v.external, violations: v.violations, errors: v.errors }, null, 2)}\n`,
    );
    console.log(`browser ${api.name}: ${info.operations.length - unreachable.length}/${info.operations.length} operations reached by #operation/<id>, ${info.operations.length - notNamed.length} listed by name in the sidebar; ${v.external.length} network requests; screenshots in test/artifacts/`);
    await v.page.close();
    expect(unreachable).toEqual([]);
    expect(notNamed).toEqual([]);
    expect(distinct).toBe(info.operations.length);
    expect(v.external).toEqual([]);
    expect(v.violations).toEqual([]);
    expect(v.errors).toEqual([]);
  }, 300_000);
});

describe.skipIf(noBrowser)('hostile descriptions in the browser', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateInto(await fixtureDoc('alibaba-mini.openapi.yaml'), 'browser-hostile', { html: true });
  });
  afterAll(async () => g?.cleanup());

  it('shows <script> and onerror HTML as text and runs none of it', async () => {
    const v = await open(join(g.dir, 'docs', 'reference.html'), deepLink('DeleteThing'));
    const r = await follow(v.page, 'DeleteThing', false);
    await v.page.waitForFunction(() => document.body.innerText.includes('Tricky text'), undefined, { timeout: 10_000 });
    await v.page.waitForTimeout(300);
    const pwned = await v.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
    const text = await v.page.evaluate(() => document.body.innerText);
    await v.page.screenshot({ path: join(ARTIFACTS, 'hostile-fixture.png') });
    await v.page.close();
    expect(r.reached).toBe(true);
    expect(pwned).toBeUndefined();
    expect(text).toContain("<script>window.__pwned = 'script'</script>");
    expect(text).toMatch(/ends a comment \*\/ has a `?backtick`?, a \$\{template\}/);
    expect(v.external).toEqual([]);
    expect(v.violations).toEqual([]);
  });
});
