/**
 * The HTML references in a real browser (Debian chromium through playwright-core), offline: every
 * request that is not file:/data:/blob: is recorded and refused, CSP violations are recorded, and
 * the test asserts that every operation is rendered (a sidebar link per operation, and its page
 * shows its summary when opened). Screenshots go to test/artifacts/ for people to look at.
 * `.ci/run` installs chromium when missing; without it this test fails rather than skips.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, ROOT, apiConfigs, fixtureDoc, generateInto, writeArtifact, type Generated } from './helpers.ts';
import type { ApiInfo } from '../../scripts/codegen/model.ts';
import { loadApi } from '../../scripts/codegen/index.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

let browser: Browser;
beforeAll(async () => {
  // playwright gives the browser a throw-away profile of its own (its --user-data-dir).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
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

async function open(file: string): Promise<Visit> {
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
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return v;
}

function slug(id: string): string {
  return id.toLowerCase();
}

async function renderedOperations(page: Page, api: ApiInfo): Promise<{ linked: string[]; missing: string[] }> {
  await page.waitForSelector('a[href^="#/"]', { timeout: 30_000 });
  // Tag overviews list a few operations and a "Show N more…" button: expand them all.
  // Sections further down render lazily: scroll until the set of links stops growing.
  let before = -1;
  for (let i = 0; i < 40; i++) {
    const count = await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight);
      return new Set([...document.querySelectorAll('a[href^="#/"]')].map((a) => a.getAttribute('href'))).size;
    });
    const clicked = await page.evaluate(() => {
      let n = 0;
      for (const b of document.querySelectorAll('button')) {
        if (/^Show \d+ more/.test((b.textContent ?? '').trim())) {
          b.click();
          n++;
        }
      }
      return n;
    });
    if (!clicked && count === before) break;
    before = count;
    await page.waitForTimeout(250);
  }
  const hrefs = await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  const linked: string[] = [];
  const missing: string[] = [];
  for (const op of api.operations) {
    (hrefs.some((h) => h.endsWith(`/${slug(op.operationId)}`)) ? linked : missing).push(op.operationId);
  }
  return { linked, missing };
}

const apis = await apiConfigs();

describe.each(apis.map((a) => ({ name: a.name, api: a })))('HTML reference of $name in headless Chromium', ({ api }) => {
  it('renders every operation offline, fetching nothing', async () => {
    const file = join(ROOT, 'generated', api.generated, 'docs', 'reference.html');
    const doc = parse(await readFile(join(ROOT, 'spec', `${api.name}.openapi.yaml`), 'utf8')) as Record<string, unknown>;
    const info = await loadApi(doc, { specPath: `spec/${api.name}.openapi.yaml` });
    const v = await open(file);
    const { linked, missing } = await renderedOperations(v.page, info);
    await v.page.screenshot({ path: join(ARTIFACTS, `${api.generated}-overview.png`) });
    // Open each operation and wait for its summary (or id) to be on screen.
    const notShown: string[] = [];
    const hrefs = await v.page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const op of info.operations) {
      const href = hrefs.find((h) => h.endsWith(`/${slug(op.operationId)}`));
      if (!href) continue;
      await v.page.evaluate((h) => {
        window.location.hash = h;
      }, href);
      const want = (op.summary ?? op.operationId).trim().slice(0, 40);
      const ok = await v.page
        .waitForFunction((t) => document.body.innerText.includes(t), want, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!ok) notShown.push(op.operationId);
    }
    const last = info.operations.at(-1);
    if (last) await v.page.screenshot({ path: join(ARTIFACTS, `${api.generated}-operation.png`) });
    await writeArtifact(`browser-${api.generated}.json`, `${JSON.stringify({ operations: info.operations.length, linked: linked.length, missing, notShown, external: v.external, violations: v.violations, errors: v.errors }, null, 2)}\n`);
    console.log(`browser ${api.name}: ${linked.length}/${info.operations.length} operations rendered and linked, ${info.operations.length - notShown.length - missing.length} opened with their summary; ${v.external.length} network requests; screenshots in test/artifacts/`);
    await v.page.close();
    expect(missing).toEqual([]);
    expect(notShown).toEqual([]);
    expect(v.external).toEqual([]);
    expect(v.violations).toEqual([]);
    expect(v.errors).toEqual([]);
  });
});

describe('hostile descriptions in the browser', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateInto(await fixtureDoc('alibaba-mini.openapi.yaml'), 'browser-hostile', { html: true });
  });
  afterAll(async () => g?.cleanup());

  it('shows <script> and onerror HTML as text and runs none of it', async () => {
    const v = await open(join(g.dir, 'docs', 'reference.html'));
    await renderedOperations(v.page, g.api);
    const href = (await v.page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => h.endsWith('/deletething'))!;
    await v.page.evaluate((h) => {
      window.location.hash = h;
    }, href);
    await v.page.waitForFunction(() => document.body.innerText.includes('Tricky text'), undefined, { timeout: 10_000 });
    await v.page.waitForTimeout(300);
    const pwned = await v.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
    const text = await v.page.evaluate(() => document.body.innerText);
    await v.page.screenshot({ path: join(ARTIFACTS, 'hostile-fixture.png') });
    await v.page.close();
    expect(pwned).toBeUndefined();
    expect(text).toContain("<script>window.__pwned = 'script'</script>");
    expect(text).toMatch(/ends a comment \*\/ has a `?backtick`?, a \$\{template\}/);
    expect(v.external).toEqual([]);
  });
});
