/**
 * generated/<api>/docs/reference.html: one self-contained page rendered by Redoc in the browser.
 *
 * The page is assembled in-process from templates/docs/reference.html: Redoc's standalone bundle
 * (shipped inside @redocly/cli, inlined), the document prepared for reading (below) as JSON, and
 * Redoc's own `hydrate()` call, which renders into the empty container. No subprocess, no server
 * rendering, no network: the output depends only on the document and the installed Redoc, byte for
 * byte. A Content-Security-Policy allows inline code and data: images only.
 *
 * The copy of the document Redoc reads:
 * - operations are headed and listed by their name (operationId, or the name the codegen model
 *   gives an operation without one), the summary as the first line of the description;
 * - parameters every operation shares (signing, API version) are removed from the operations and
 *   documented once in a "Security" section of the introduction (docs-document.ts);
 * - tags get ASCII slugs as names (the original name is their `x-displayName`), so every route is
 *   known in advance: `#operation/<name>` deep links are mapped to Redoc's routes by a small inline
 *   script before Redoc starts, and again whenever the address changes;
 * - descriptions keep their Markdown, with raw HTML, images, external links and Markdoc tags
 *   neutralised (docs-text.ts); `info.x-logo` and `externalValue` examples, which Redoc would fetch,
 *   are dropped; bidi controls are spelled out in every string.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { htmlText, spellBidi } from './escape.ts';
import { bannerText } from './banner.ts';
import { prepareDocument } from './load.ts';
import { readApi, type ApiInfo } from './model.ts';
import { fill } from './template.ts';
import { TEMPLATES_DIR } from './runtime.ts';
import { neutraliseMarkdown, plainText, type TextFinding } from './docs-text.ts';
import { commonParameters, DocsDocument, schemaLabel, type CommonParam } from './docs-document.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Keys whose values Redoc prints as code or data: not changed, only bidi controls spelled out. */
const VALUE_KEYS = new Set(['examples', 'example', 'x-refspec-request-examples', 'enum', 'const', 'default', 'x-refspec-error-codes']);

/** Every string (and key) of a value with its bidi controls spelled out, nothing else changed. */
function spellStrings(value: unknown): unknown {
  if (typeof value === 'string') return spellBidi(value);
  if (Array.isArray(value)) return value.map(spellStrings);
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [spellBidi(k), spellStrings(v)]));
  return value;
}

/**
 * Copy of a document part for Redoc: `description` fields neutralised as Markdown (docs-text.ts),
 * `externalValue` examples and non-data `x-logo`s dropped, bidi controls spelled out in every string
 * and key. Property names (`properties` keys) are names, not text, even when one is "description".
 */
export function neutraliseForRedoc(value: unknown, findings: TextFinding[] = [], key = ''): unknown {
  if (typeof value === 'string') return spellBidi(key === 'description' ? neutraliseMarkdown(value, { markdoc: true }, findings) : value);
  if (Array.isArray(value)) return value.map((v) => neutraliseForRedoc(v, findings));
  if (!isObj(value)) return value;
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (VALUE_KEYS.has(k) && k !== 'examples') {
      out.push([spellBidi(k), spellStrings(v)]);
    } else if (k === 'x-logo') {
      const url = isObj(v) && typeof v.url === 'string' ? v.url : '';
      if (/^data:/i.test(url)) out.push([k, spellStrings(v)]);
      else findings.push({ kind: 'image', detail: `x-logo ${url}`.trim() });
    } else if (k === 'externalValue' && typeof v === 'string') {
      findings.push({ kind: 'link', detail: v });
    } else if (k === 'properties' && isObj(v)) {
      out.push([k, Object.fromEntries(Object.entries(v).map(([pk, pv]) => [spellBidi(pk), neutraliseForRedoc(pv, findings)]))]);
    } else if (k === 'examples' && isObj(v)) {
      // Example objects: their value is data; their description is text.
      out.push([
        k,
        Object.fromEntries(
          Object.entries(v).map(([ek, ev]) => [
            spellBidi(ek),
            isObj(ev) ? exampleObject(ev, findings) : spellStrings(ev),
          ]),
        ),
      ]);
    } else {
      out.push([spellBidi(k), neutraliseForRedoc(v, findings, k)]);
    }
  }
  // Object.fromEntries defines own properties: a key spelled "__proto__" stays a key.
  return Object.fromEntries(out);
}

/** An Example Object: its value is data, its texts are text; an external value is named, not loaded. */
function exampleObject(ex: Obj, findings: TextFinding[]): Obj {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(ex)) {
    if (k === 'externalValue') {
      findings.push({ kind: 'link', detail: String(v) });
      const note = `Not included: this example is kept outside the document (\`${String(v).replace(/`/g, '')}\`).`;
      out.push(['description', spellBidi(typeof ex.description === 'string' ? `${neutraliseMarkdown(ex.description, { markdoc: true }, findings)}\n\n${note}` : note)]);
    } else if (k === 'description' && 'externalValue' in ex) {
      continue;
    } else {
      out.push([spellBidi(k), k === 'value' ? spellStrings(v) : neutraliseForRedoc(v, findings, k)]);
    }
  }
  return Object.fromEntries(out);
}

const FINDING_TEXT: Record<TextFinding['kind'], string> = {
  html: 'raw HTML in descriptions shown as text',
  image: 'images (Markdown images, info.x-logo) shown as text or left out: the docs load nothing from the network',
  link: 'links that leave the page (and externalValue examples) shown as text with their address',
  markdoc: 'Markdoc tags ({% … %}) in descriptions shown as text in the HTML reference',
};

/**
 * What the docs steps change in a document's texts, one info diagnostic per kind with a count and
 * the first few items (`line` 0: the document as a whole; OpenAPI input has no manual lines).
 */
export function docsDiagnostics(doc: Obj, specPath: string): Diagnostic[] {
  const findings: TextFinding[] = [];
  neutraliseForRedoc(doc, findings);
  const out: Diagnostic[] = [];
  for (const kind of Object.keys(FINDING_TEXT) as TextFinding['kind'][]) {
    const items = [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.detail))];
    if (!items.length) continue;
    const shown = items.slice(0, 3).map((d) => JSON.stringify(d)).join(', ');
    out.push(diag(`docs-${kind}-neutralised`, 'info', `${FINDING_TEXT[kind]}: ${items.length} (${shown}${items.length > 3 ? ', …' : ''})`, { file: specPath, line: 0 }));
  }
  return out;
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
  return out;
}

/** Redoc's options for the page (Redoc 3 names). */
// No `sanitize`: Redoc would run DOMPurify over the Markdown source and drop text such as
// `List<String>`; raw HTML is already neutralised, exactly, by docs-text.ts.
const REDOC_OPTIONS = { disableTelemetry: true, hideDownloadButtons: true, skipBundle: true };

let bundleText: Promise<{ version: string; code: string }> | undefined;

/** Redoc's standalone browser bundle as shipped inside @redocly/cli (read once per process). */
function redocBundle(): Promise<{ version: string; code: string }> {
  bundleText ??= (async () => {
    const require = createRequire(import.meta.url);
    let pkgPath: string;
    try {
      pkgPath = require.resolve('@redocly/cli/package.json');
    } catch {
      throw new Error('the HTML reference needs @redocly/cli (it ships the Redoc bundle); install the development dependencies or use --no-html');
    }
    const file = join(pkgPath, '..', 'lib', 'chunks', 'redoc.standalone.js');
    let code: string;
    try {
      code = await readFile(file, 'utf8');
    } catch {
      throw new Error(`the installed @redocly/cli has no Redoc bundle at ${file}`);
    }
    const version = /Version:\s*([0-9][^\s*]*)/.exec(code.slice(0, 400))?.[1] ?? 'unknown';
    return { version, code: offline(code).replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--') };
  })();
  return bundleText;
}

/** JSON inside an inline <script>: cannot close the element or start a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A slug Redoc's slugger leaves unchanged (lower-case ASCII letters, digits, `-`, `.`, `_`). */
function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return s || fallback;
}

function unique(base: string, used: Set<string>): string {
  let s = base;
  for (let i = 2; used.has(s); i++) s = `${base}-${i}`;
  used.add(s);
  return s;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface RedocPage {
  /** The document Redoc renders. */
  doc: Obj;
  /** Operation name → Redoc route (`/tag-slug/op-slug`). */
  routes: Record<string, string>;
  findings: TextFinding[];
}

function commonSection(dd: DocsDocument, api: ApiInfo, common: CommonParam[]): string {
  const parts: string[] = [];
  const schemes = dd.node((dd.node(api.doc.components) ?? {}).securitySchemes) ?? {};
  const names = Object.keys(schemes);
  if (names.length) parts.push(`Security schemes: ${names.map(plainText).join(', ')} (each operation lists the ones it accepts).`);
  if (common.length) {
    parts.push(
      'Every operation takes the parameters below. They are documented here once, not on each operation.',
      [
        '| Name | In | Type | Required | Set by | Description |',
        '| --- | --- | --- | --- | --- | --- |',
        ...common.map((c) => {
          const schema = dd.node(c.param.schema);
          const constant = schema?.const !== undefined ? String(schema.const) : undefined;
          const by = c.signing ? 'the client (signing)' : constant !== undefined ? `the builder: \`${constant.replace(/`/g, '')}\`` : 'the caller';
          const desc = typeof c.param.description === 'string' ? c.param.description.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|') : '';
          return `| \`${c.name.replace(/`/g, '')}\` | ${plainText(c.in)} | \`${schemaLabel(dd, c.param.schema).replace(/`/g, '')}\` | ${c.param.required === true ? 'yes' : 'no'} | ${by} | ${desc} |`;
        }),
      ].join('\n'),
    );
  }
  return parts.length ? `## Security and common parameters\n\n${parts.join('\n\n')}` : '';
}

/** The document as Redoc shows it (see the file comment) and the route of every operation. */
export function redocPage(doc: Obj, api: ApiInfo, dd: DocsDocument): RedocPage {
  const findings: TextFinding[] = [];
  const common = commonParameters(dd, api);
  const commonRefs = new Set(common.map((c) => c.ref));
  const commonKeys = new Set(common.map((c) => `${c.in}:${c.name}`));
  const isCommon = (p: unknown): boolean => {
    if (isObj(p) && typeof p.$ref === 'string' && commonRefs.has(p.$ref)) return true;
    const r = dd.node(p);
    return !!r && commonKeys.has(`${String(r.in)}:${String(r.name)}`) && common.some((c) => c.signing && c.name === r.name);
  };

  // Tags: ASCII slugs as names, the original as x-displayName.
  const tagNames = new Map<string, string>();
  const usedTags = new Set<string>(['other']);
  const tagOf = (name: string): string => {
    let s = tagNames.get(name);
    if (!s) {
      s = unique(slug(name, 'tag'), usedTags);
      tagNames.set(name, s);
    }
    return s;
  };
  for (const t of Array.isArray(doc.tags) ? doc.tags : []) if (isObj(t) && typeof t.name === 'string') tagOf(t.name);

  const copy = neutraliseForRedoc(doc, findings) as Obj;
  if (Array.isArray(copy.tags)) {
    copy.tags = copy.tags.map((t) => (isObj(t) && typeof t.name === 'string' ? { ...t, name: tagOf(t.name), 'x-displayName': t['x-displayName'] ?? t.name } : t));
  }
  if (Array.isArray(copy['x-tagGroups'])) {
    copy['x-tagGroups'] = copy['x-tagGroups'].map((g) => (isObj(g) && Array.isArray(g.tags) ? { ...g, tags: g.tags.map((t) => (typeof t === 'string' ? tagOf(t) : t)) } : g));
  }

  const routes: Record<string, string> = {};
  const usedOps = new Set<string>();
  const paths = isObj(copy.paths) ? copy.paths : {};
  for (const op of api.operations) {
    const rawItem = dd.node(((doc.paths ?? {}) as Obj)[op.specPath]);
    let item = paths[op.specPath];
    if (!isObj(item)) continue;
    if (typeof item.$ref === 'string' && rawItem) {
      // A referenced path item: give this path its own (prepared) copy.
      item = neutraliseForRedoc(rawItem, findings) as Obj;
      paths[op.specPath] = item;
    }
    const method = op.method.toLowerCase();
    const target = isObj(item) ? item : undefined;
    if (!target || !METHODS.includes(method)) continue;
    let o = target[method];
    if (isObj(o) && typeof o.$ref === 'string') o = neutraliseForRedoc(dd.node(o) ?? {}, findings);
    if (!isObj(o)) continue;
    const opSlug = unique(slug(op.operationId, 'operation'), usedOps);
    const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [];
    const summary = typeof o.summary === 'string' ? o.summary : '';
    const description = typeof o.description === 'string' ? o.description : '';
    const lead = summary && summary !== op.operationId ? `**${plainText(summary)}**` : '';
    const note = Array.isArray(o.parameters) && o.parameters.some(isCommon) ? 'Also takes the common parameters (see "Security and common parameters").' : '';
    target[method] = {
      ...o,
      operationId: opSlug,
      summary: spellBidi(op.operationId),
      ...(lead || description || note ? { description: [lead, description, note].filter(Boolean).join('\n\n') } : {}),
      ...(Array.isArray(o.parameters) ? { parameters: o.parameters.filter((p) => !isCommon(p)) } : {}),
      ...(tags.length ? { tags: tags.map(tagOf) } : {}),
    };
    routes[op.operationId] = `/${tags.length ? tagOf(tags[0]) : 'other'}/${opSlug}`;
  }
  for (const item of Object.values(paths)) {
    if (isObj(item) && Array.isArray(item.parameters)) item.parameters = item.parameters.filter((p) => !isCommon(p));
  }

  const info = isObj(copy.info) ? copy.info : (copy.info = {});
  const section = commonSection(dd, api, common);
  if (section) info.description = [typeof info.description === 'string' ? info.description : '', section].filter(Boolean).join('\n\n');
  return { doc: copy, routes, findings };
}

/** Maps `#operation/<name>` to Redoc's route before Redoc starts and on every change of address. */
function deepLinkScript(routes: Record<string, string>): string {
  return `(function () {
  var routes = ${scriptJson(routes)};
  function follow() {
    var m = /^#operation\\/(.+)$/.exec(window.location.hash);
    if (!m) return;
    var name = m[1];
    try { name = decodeURIComponent(name); } catch (e) {}
    if (!Object.prototype.hasOwnProperty.call(routes, name)) return;
    window.history.replaceState(window.history.state, '', '#' + routes[name]);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  follow();
  window.addEventListener('hashchange', follow);
})();`;
}

export async function generateHtml(doc: Obj, specPath: string, api?: ApiInfo): Promise<string> {
  const info = api ?? readApi(await prepareDocument(doc, { file: specPath }), specPath);
  const [bundle, template, dd] = await Promise.all([redocBundle(), readFile(join(TEMPLATES_DIR, 'docs', 'reference.html'), 'utf8'), DocsDocument.load(doc)]);
  const page = redocPage(doc, info, dd);
  const title = spellBidi(String(((doc.info ?? {}) as Obj).title ?? 'API reference'));
  const html = fill(
    template,
    {
      banner: htmlText(bannerText(specPath, info.fromManual)).replace(/--/g, '- -'),
      csp: CSP,
      title: htmlText(title),
      redocVersion: htmlText(bundle.version),
      deepLinks: deepLinkScript(page.routes),
      redoc: bundle.code,
      definition: scriptJson(page.doc),
      options: scriptJson(REDOC_OPTIONS),
    },
    'templates/docs/reference.html',
  );
  const external = externalLoads(html);
  if (external.length) throw new Error(`${specPath}: the HTML reference would load ${external[0]}`);
  return html.endsWith('\n') ? html : `${html}\n`;
}
