/**
 * What the manual says the API is: the product's name and abbreviation, and the service code.
 * Nothing here names a product; every candidate is read from the document:
 *
 * - the title page (the line above "API Reference": "Alibaba Cloud" / "Service Mesh" / "API
 *   Reference" / "Document Version: 20220712"), when the extraction kept it;
 * - the running headers ("Alibaba Cloud Service Mesh API Reference·ASM inst ance" on even pages,
 *   "API Reference·Clust er Alibaba Cloud Service Mesh" on odd ones);
 * - the prose of the operation list and of "Make API requests" ("… available for use in Alibaba
 *   Cloud Service Mesh (ASM).", "… the syntax of making Alibaba Cloud Service Mesh (ASM) API
 *   requests …"), which also gives the abbreviation;
 * - the service code: the endpoint's first label ("servicemesh.aliyuncs.com"), else the
 *   "product=" of OpenAPI Explorer links, else the error center / help-page links.
 */
import type { Line } from './lines.ts';
import { repairLigatures, tidy, type Vocabulary } from './repair.ts';
import { toBlocks } from './blocks.ts';
import { squash } from './landmarks.ts';

export interface Identity {
  product?: string;
  abbreviation?: string;
  /** Where the product name came from (for the report). */
  productFrom?: 'title page' | 'running header' | 'prose';
}

const PROSE = [
  /available for use in (.{3,120}?) \(([A-Z][A-Za-z0-9&-]{1,15})\)/,
  /syntax of making (.{3,120}?) \(([A-Z][A-Za-z0-9&-]{1,15})\) API\b/,
  /When you call t ?he (.{3,120}?) \(([A-Z][A-Za-z0-9&-]{1,15})\) API\b/,
];
const EXPLORER_PRODUCT = /^https:\/\/api\.aliyun\.com\/#product=([\w-]+)&/;
const ERROR_CENTER_PRODUCT = /^https:\/\/error-center\.alibabacloud\.com\/status\/product\/([\w-]+)/;
const DOC_LINK_PRODUCT = /#doc-api-([\w-]+)-[A-Z]\w*$/;

export function readIdentity(lines: Line[], frontEnd: number, vocab: Vocabulary): Identity {
  const id: Identity = {};
  // Prose: paragraphs of the front matter (joined, ligatures repaired).
  const votes = new Map<string, number>();
  const abbreviations = new Map<string, Map<string, number>>();
  for (const block of toBlocks(lines.slice(0, frontEnd))) {
    if (!block.some((l) => /available|making|When you call/.test(squash(l.text)))) continue;
    const text = tidy(repairLigatures(block.map((l) => l.text.trim()).join(' '), vocab));
    for (const re of PROSE) {
      const m = re.exec(text);
      if (!m) continue;
      const product = m[1].trim();
      votes.set(product, (votes.get(product) ?? 0) + 1);
      const a = abbreviations.get(product) ?? new Map<string, number>();
      a.set(m[2], (a.get(m[2]) ?? 0) + 1);
      abbreviations.set(product, a);
    }
  }
  // The title page: the line right above "API Reference" before the first page of content.
  let titlePage: string | undefined;
  for (let i = 1; i < Math.min(lines.length, 12); i++) {
    if (lines[i].text.trim() === 'API Reference' && !lines[i - 1].furniture) {
      const t = lines[i - 1].text.trim();
      if (/^[A-Z]/.test(t) && t.length < 100) titlePage = tidy(repairLigatures(t, vocab));
      break;
    }
  }
  // Running headers: "<Product> API Reference·…" (even pages) and "API Reference·… <Product>" (odd).
  const headers = new Map<string, number>();
  for (const l of lines) {
    if (l.furniture !== 'running-header') continue;
    const t = l.text.trim();
    const at = t.indexOf('API Reference·');
    if (at > 0) {
      const p = tidy(t.slice(0, at));
      headers.set(p, (headers.get(p) ?? 0) + 1);
    }
  }
  const headerProduct = [...headers.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const proseProduct = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (titlePage) {
    id.product = titlePage;
    id.productFrom = 'title page';
  } else if (headerProduct) {
    id.product = headerProduct;
    id.productFrom = 'running header';
  } else if (proseProduct) {
    id.product = proseProduct;
    id.productFrom = 'prose';
  }
  // The abbreviation the prose gives the product (the same name, or the prose's own name for it).
  const abbrOf = (p: string | undefined) => {
    const m = p ? abbreviations.get(p) : undefined;
    return m ? [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] : undefined;
  };
  id.abbreviation = abbrOf(id.product) ?? abbrOf(proseProduct);
  // A title page / header name that the prose spells with a ligature gap the repair missed is still
  // the same product: prefer the prose's spelling when both agree without spaces.
  if (id.product && proseProduct && id.product !== proseProduct && id.product.replace(/\s+/g, '') === proseProduct.replace(/\s+/g, '')) {
    id.product = [id.product, proseProduct].sort((a, b) => a.split(' ').length - b.split(' ').length)[0];
  }

  return id;
}

/** The service code: the endpoint's first label, else the product named by the manual's links. */
export function readServiceCode(lines: Line[], endpointHost: string | undefined): string | undefined {
  if (endpointHost) return endpointHost.split('.')[0].toLowerCase();
  const codes = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t.charCodeAt(0) !== 104) continue;
    const m = EXPLORER_PRODUCT.exec(t) ?? ERROR_CENTER_PRODUCT.exec(t) ?? DOC_LINK_PRODUCT.exec(t);
    if (m) codes.set(m[1].toLowerCase(), (codes.get(m[1].toLowerCase()) ?? 0) + 1);
  }
  return [...codes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
