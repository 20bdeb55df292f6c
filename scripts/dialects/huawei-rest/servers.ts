/**
 * The server URL, from any endpoint statement in the manual:
 *
 * 1. the service's own endpoints: a Regions and Endpoints table ("CN North-Beijing4 | cn-north-4 |
 *    xyz.cn-north-4.myhuaweicloud.com"), or a sentence ("the XYZ endpoint in the AP-Singapore region
 *    is xyz.ap-southeast-3.myhuaweicloud.com"). Their host gives the service label (which is the
 *    service id), the region and the domain: `https://xyz.{region}.myhuaweicloud.com`;
 * 2. else a worked example for another service (the IAM token example: "use the endpoint of IAM
 *    (iam.cn-north-1.myhuaweicloud.com)", "the IAM endpoint in the AP-Singapore region is …"): its
 *    form <service>.<region>.<domain> with the service's abbreviation as the label;
 * 3. else a placeholder in the vendor's endpoint form with the abbreviation, and a warning: the
 *    manual states no endpoint at all (never an empty server list).
 *
 * The region is a server variable; its default is the region the manual's statement names.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ServerModel } from '../../model/types.ts';
import { captionRole } from './captions.ts';
import { type Line, refOf } from './lines.ts';
import { cell, type Table } from './tables.ts';

const REGION = '[a-z]{2,3}-[a-z]+-\\d{1,2}';
const HOST = new RegExp(`\\b([a-z][a-z0-9-]{0,30})\\.(${REGION})\\.((?:[a-z0-9-]+\\.)*[a-z0-9-]+\\.[a-z]{2,})\\b`, 'g');
const FORM = /\b([a-z][a-z0-9-]{0,30})\.\{region\}\.((?:[a-z0-9-]+\.)*[a-z0-9-]+\.[a-z]{2,})\b/;
/** The vendor's endpoint form, when a manual states no endpoint at all. */
const DEFAULT_DOMAIN = 'myhuaweicloud.com';

interface HostMention {
  label: string;
  region: string;
  domain: string;
  line: Line;
  /** From an endpoints table (or a row of one). */
  table: boolean;
}

export interface ServerResult {
  servers: ServerModel[];
  /** The service id the service's own endpoint gives ("xyz" from xyz.cn-north-4.…). */
  serviceCode?: string;
}

function mentions(lines: Line[], tables: Table[]): HostMention[] {
  const out: HostMention[] = [];
  const tableLines = new Map<number, boolean>();
  for (const t of tables) {
    const endpoints = captionRole(t.caption) === 'endpoints' || t.columns.includes('Endpoint');
    if (!endpoints) continue;
    for (const r of t.rows) {
      const host = cell(t, r, 'Endpoint') || r.cells.map((c) => c.join(' ')).join(' ');
      tableLines.set(r.line, true);
      for (const m of host.matchAll(HOST)) out.push({ label: m[1], region: m[2], domain: m[3], line: { line: r.line, text: host }, table: true });
    }
  }
  for (const l of lines) {
    if (tableLines.has(l.line) || !l.text.includes('.')) continue;
    for (const m of l.text.matchAll(HOST)) out.push({ label: m[1], region: m[2], domain: m[3], line: l, table: false });
  }
  return out;
}

export function parseServers(lines: Line[], tables: Table[], abbreviation: string | undefined, file: string, diags: Diagnostic[]): ServerResult {
  const https = lines.find((l) => /URI-scheme.*\bHTTPS\b/i.test(l.text) || /All APIs use HTTPS/i.test(l.text));
  const abbr = abbreviation?.toLowerCase();
  const all = mentions(lines, tables);
  const isIam = (m: HostMention) => m.label === 'iam';
  // The service's own endpoints: its label is the abbreviation (or starts with it), or the statement
  // names the service, or it is a row of an endpoints table.
  const names = (m: HostMention) => !!abbreviation && new RegExp(`\\b${abbreviation.replace(/[^A-Za-z0-9]/g, '')}\\b`).test(m.line.text);
  const own = all.filter((m) => !isIam(m) && ((abbr && m.label.startsWith(abbr.replace(/[^a-z0-9]/g, ''))) || m.table || (names(m) && !/\bIAM\b/.test(m.line.text))));
  // The manuals' URI scheme is HTTPS; when they do not say so, it is assumed (and reported).
  const scheme = 'https';
  if (own.length) {
    const counts = new Map<string, number>();
    for (const m of own) counts.set(`${m.label} ${m.domain}`, (counts.get(`${m.label} ${m.domain}`) ?? 0) + 1);
    const [label, domain] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(' ');
    const regions = [...new Set(own.filter((m) => m.label === label && m.domain === domain).map((m) => m.region))];
    const first = own.find((m) => m.label === label)!;
    const url = `${scheme}://${label}.{region}.${domain}`;
    if (!https) diags.push(diag('server-scheme-assumed', 'warning', 'the manual does not say which URI scheme the APIs use; https assumed', refOf(file, first.line)));
    diags.push(diag('server-from-endpoint', 'info', `server URL ${url} from the service's endpoint${regions.length > 1 ? 's' : ''} ${regions.map((r) => `${label}.${r}.${domain}`).join(', ')}${first.table ? ' (endpoints table)' : ''}`, refOf(file, first.line)));
    return {
      serviceCode: label,
      servers: [
        {
          url,
          description: `${abbreviation ?? label.toUpperCase()} endpoint in a region, as the manual lists it${regions.length > 1 ? ` (regions: ${regions.join(', ')})` : ''}.`,
          variables: { region: { default: regions[0], description: `Region ID, e.g. ${regions[0]} (${regions.length > 1 ? 'the first region the manual lists' : "the manual's example region"}).` } },
          source: refOf(file, first.line),
        },
      ],
    };
  }
  const form = lines.map((l) => ({ l, m: FORM.exec(l.text) })).find((x) => x.m && x.m[1] !== 'iam');
  const example = all.find(isIam) ?? all[0];
  const code = abbr?.replace(/[^a-z0-9-]/g, '');
  if (example && code) {
    const url = `${scheme}://${code}.{region}.${example.domain}`;
    if (!https) diags.push(diag('server-scheme-assumed', 'warning', 'the manual does not say which URI scheme the APIs use; https assumed', refOf(file, example.line)));
    const who = example.label.toUpperCase();
    diags.push(
      diag(
        'server-inferred',
        'info',
        `server URL ${url} inferred from the ${who} endpoint example "${example.label}.${example.region}.${example.domain}" and the service abbreviation ${abbreviation}; the manual gives ${abbreviation}'s endpoint only indirectly`,
        refOf(file, example.line),
      ),
    );
    return {
      servers: [
        {
          url,
          description: `${abbreviation} endpoint in a region. The manual gives the endpoint form only indirectly (by the ${who} example ${example.label}.${example.region}.${example.domain}); all APIs use HTTPS and the endpoints of all APIs in the same region are identical.`,
          variables: { region: { default: example.region, description: `Region ID, e.g. ${example.region} (the manual's example region).` } },
          source: refOf(file, example.line),
        },
      ],
    };
  }
  if (form?.m) {
    const url = `${scheme}://${form.m[1]}.{region}.${form.m[2]}`;
    diags.push(diag('server-form', 'warning', `server URL ${url} from the endpoint form the manual prints; it names no region, so the region variable's default is only a placeholder`, refOf(file, form.l)));
  }
  // Nothing to go on: the vendor's endpoint form with the abbreviation, said so in the report.
  const label = code ?? 'api';
  const region = lines.map((l) => new RegExp(`\\b(${REGION})\\b`).exec(l.text)?.[1]).find(Boolean) ?? 'cn-north-4';
  const url = form?.m ? `${scheme}://${form.m[1]}.{region}.${form.m[2]}` : `${scheme}://${label}.{region}.${DEFAULT_DOMAIN}`;
  if (!form?.m) diags.push(diag('server-assumed', 'warning', `the manual states no endpoint (no endpoints table, endpoint sentence or worked example); placeholder server ${url} in the vendor's usual form, region ${region} — check it`, { file, line: 1 }));
  return {
    servers: [
      {
        url,
        description: `Placeholder: the manual states no endpoint. ${form?.m ? 'The form is the one the manual prints' : `This is Huawei Cloud's usual endpoint form with the service abbreviation`}; check the service's Regions and Endpoints page.`,
        variables: { region: { default: region, description: `Region ID (placeholder default ${region}).` } },
      },
    ],
  };
}
