/**
 * Title, abbreviation and description of the API, from the manual's own words:
 *
 * - the product name from the title page (its first line), else from the overview sentence;
 * - the abbreviation from the overview sentence, however it is worded: "Welcome to use
 *   Application Service Mesh (ASM).", "Welcome to Xyz Service (XYZ).", "Welcome to Huawei Cloud Xyz
 *   Service (XYZ).", "Xyz Service (XYZ) is …" — a name followed by its abbreviation in parentheses;
 * - the title "Huawei Cloud <product> API", without doubling the vendor's words ("Cloud Container
 *   Engine" -> "Huawei Cloud Container Engine API", never "Huawei Cloud Cloud …").
 *
 * The service id is the abbreviation unless the service's own endpoint says otherwise (servers.ts).
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { Line } from './lines.ts';
import { tidyProse } from './repair.ts';

export interface Identity {
  title: string;
  /** "ASM" */
  abbreviation?: string;
  product?: string;
  description?: string;
}

const VENDOR = 'Huawei Cloud';
/** A name in title case followed by its abbreviation: "Application Service Mesh (ASM)". */
const NAMED = /((?:[A-Z][A-Za-z0-9&-]*\s+){0,7}[A-Z][A-Za-z0-9&-]*)\s*\(([A-Z][A-Z0-9-]{1,11})\)/;
const WELCOME = /^\s*(?:Welcome to (?:use )?|Thank you for (?:using|choosing) )/i;

/** "Huawei Cloud " + product + " API", with the vendor's words not repeated. */
export function apiTitle(product: string): string {
  let p = product.trim().replace(/\s+/g, ' ');
  if (/^Huawei Cloud\b/i.test(p)) p = p.replace(/^Huawei Cloud\s*/i, '');
  else if (/^HUAWEI CLOUD\b/.test(p)) p = p.replace(/^HUAWEI CLOUD\s*/, '');
  const base = /^Cloud\b/i.test(p) ? `Huawei ${p}` : `${VENDOR} ${p}`;
  return /\bAPI$/i.test(base) ? base : `${base} API`;
}

/**
 * The product name on the title page: its first line, or, when a long name wraps there, the lines
 * before the "API Reference" line (at most three; "Serverless Registry Gateway" / "Database").
 */
function titleLines(lines: Line[]): string | undefined {
  const first = lines.slice(0, 12).map((l) => l.text.trim()).filter(Boolean);
  const at = first.findIndex((t) => /^API Reference$/i.test(t));
  if (at >= 2 && at <= 3 && first.slice(0, at).every((t) => !/[.:;]$/.test(t) && !/^(?:Issue|Date)\b/i.test(t) && t.length <= 60)) return first.slice(0, at).join(' ');
  return first[0];
}

export function readIdentity(lines: Line[], file: string, diags: Diagnostic[]): Identity {
  const titlePage = titleLines(lines);
  // The overview sentence: a "Welcome to …" line, else the first prose line naming "X (ABBR)".
  const limit = Math.min(lines.length, 400);
  let overview: Line | undefined;
  for (let i = 0; i < limit && !overview; i++) if (WELCOME.test(lines[i].text) && NAMED.test(lines[i].text)) overview = lines[i];
  for (let i = 0; i < limit && !overview; i++) {
    const t = lines[i].text;
    if (t.includes('\t') || t.length < 20) continue;
    const m = NAMED.exec(t);
    if (m && titlePage && m[1].toLowerCase().endsWith(titlePage.toLowerCase().split(/\s+/).slice(-1)[0])) overview = lines[i];
  }
  const m = overview ? NAMED.exec(overview.text.replace(WELCOME, '')) : undefined;
  const named = m?.[1].replace(/^(?:use|the)\s+/i, '').replace(/^Huawei Cloud\s+/i, '');
  const abbreviation = m?.[2];
  const product = titlePage && !/^\d/.test(titlePage) ? titlePage : named;
  if (!product) diags.push(diag('title-unknown', 'warning', 'the manual has no title page or overview naming the product; title "Huawei Cloud API"', { file, line: 1 }));
  if (!abbreviation) diags.push(diag('abbreviation-unknown', 'warning', 'no overview sentence names the product with its abbreviation ("Welcome to … (XYZ)")', { file, line: 1 }));
  const out: Identity = { title: product ? apiTitle(product) : `${VENDOR} API` };
  if (abbreviation) out.abbreviation = abbreviation;
  if (product) out.product = product;
  if (overview) out.description = tidyProse(overview.text.replace(WELCOME, '').replace(/^Huawei Cloud\s+/i, ''));
  return out;
}
