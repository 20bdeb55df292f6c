/**
 * API-wide facts from the front matter: the request syntax of "Make API requests" (common
 * parameters, API version, signature method), the endpoint and the region table, the document
 * version from the page footers.
 */
import { isSpace } from '../../util/chars.ts';
import type { Line } from './lines.ts';
import type { ParameterModel, SecuritySchemeModel, ServerModel } from '../../model/types.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import { parseSampleRequest } from './samples.ts';
import { isSyntaxIntro } from './landmarks.ts';
import { tidy, repairLigatures, type Vocabulary } from './repair.ts';

export interface FrontMatter {
  apiVersion?: string;
  /** Host of the endpoint "Make API requests" names ("servicemesh.aliyuncs.com"). */
  endpointHost?: string;
  documentVersion?: string;
  description?: string;
  commonParameters: ParameterModel[];
  securitySchemes: SecuritySchemeModel[];
  servers: ServerModel[];
}

const SIGNING_PARAMS = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce'];

/**
 * Common parameters as the RPC signature protocol (and Alibaba Cloud's SDKs) spell them on the
 * wire. A manual that prints one differently ("TimeStamp") gets the protocol's name in the spec,
 * and a report line saying what the manual prints: the spec describes what servers accept.
 */
const PROTOCOL_NAMES = [...SIGNING_PARAMS, 'Format', 'SecurityToken', 'Timestamp', 'Version'];
const protocolName = (printed: string) => PROTOCOL_NAMES.find((n) => n.toLowerCase() === printed.replace(/\s+/g, '').toLowerCase()) ?? printed;

/**
 * @param label what the manual calls the API in prose (its abbreviation, "ASM"), for the server's
 *   description.
 */
export function readFrontMatter(lines: Line[], end: number, file: string, vocab: Vocabulary, diagnostics: Diagnostic[], label = 'API'): FrontMatter {
  const fm: FrontMatter = { commonParameters: [], securitySchemes: [], servers: [] };
  const front = lines.slice(0, end);
  for (const l of lines) {
    const m = /Document\s+Version:\s*(\d{8})/.exec(l.text);
    if (m) {
      fm.documentVersion = m[1];
      break;
    }
  }
  const verLine = front.find((l) => /^Version:/.test(l.text.trim()));
  const ver = verLine && /(\d{4}-\d{2}-\d{2})/.exec(verLine.text);
  if (ver) fm.apiVersion = ver[1];
  const syntaxIdx = front.findIndex((l) => l.text.includes('making') && isSyntaxIntro(l.text));
  if (syntaxIdx >= 0) {
    const para: string[] = [];
    for (let i = syntaxIdx; i < front.length && front[i].text.trim(); i++) para.push(front[i].text.trim());
    fm.description = tidy(repairLigatures(para.join(' '), vocab));
  }
  // The formatted example request ("The following code provides an example…").
  const exIdx = front.findIndex((l) => /^https:\/\/[\w.]+\/\?Action=\w+$/.test(l.text.trim()));
  const sample = exIdx >= 0 ? parseSampleRequest(front.slice(exIdx, exIdx + 40)) : undefined;
  if (!sample) {
    diagnostics.push(diag('request-syntax-missing', 'warning', 'no example request in "Make API requests": common parameters unknown', { file, line: 1 }));
  } else {
    const where = (name: string) => sample.parameters.find((p) => protocolName(p.name) === name);
    for (const p of sample.parameters) {
      const desc = describeCommon(front, p.name);
      const name = protocolName(p.name);
      if (name !== p.name) {
        diagnostics.push(
          diag('common-parameter-spelling', 'info', `the example request prints the common parameter "${p.name}"; the spec names it "${name}", as the RPC signature protocol sends it`, { file, line: p.line }),
        );
      }
      const param: ParameterModel = {
        name,
        in: 'query',
        required: name !== 'Format',
        schema: { type: 'string' },
        source: { file, line: p.line },
      };
      if (desc) param.description = desc;
      if (name === 'Version' && fm.apiVersion) {
        param.schema.const = fm.apiVersion;
        param.example = fm.apiVersion;
      } else if (!/x{3,}/.test(p.value)) {
        param.example = p.value;
      }
      fm.commonParameters.push(param);
    }
    const missing = SIGNING_PARAMS.filter((n) => !where(n));
    if (missing.length) {
      diagnostics.push(diag('signing-parameters-missing', 'warning', `the example request lacks ${missing.join(', ')}`, { file, line: sample.line }));
    }
    const method = where('SignatureMethod')?.value ?? 'HMAC-SHA1';
    fm.securitySchemes.push({
      name: 'AlibabaCloudRpcSignature',
      type: 'apiKey',
      in: 'query',
      parameterName: 'Signature',
      description: tidy(
        `RPC request signature (${method}, SignatureVersion ${where('SignatureVersion')?.value ?? '?'}), computed from the AccessKey pair as described in "Make API requests" and "Create an AccessKey pair": ` +
          'the AccessKey ID (AccessKeyId parameter) identifies the caller; the AccessKey secret signs the request.',
      ),
      signing: {
        style: 'alibaba-rpc',
        algorithm: method,
        version: where('SignatureVersion')?.value ?? '1.0',
        httpMethod: 'GET',
        accessKeyIdParameter: 'AccessKeyId',
        signatureParameter: 'Signature',
        methodParameter: 'SignatureMethod',
        versionParameter: 'SignatureVersion',
        nonceParameter: 'SignatureNonce',
        timestampParameter: 'Timestamp',
      },
      source: { file, line: sample.line, endLine: sample.endLine },
    });
  }
  // Endpoint: "Endpoint: the endpoint of the ASM API, which is servicemesh.aliyuncs.com."
  // (The host may carry a ligature gap: "sf e.aliyuncs.com".)
  const ENDPOINT = /\bwhich is\s+([\w-]+(?: [a-z][\w-]*)?(?:\.[\w-]+)*\.com)\b/;
  // Its own line in a text extraction; in a PDF whose "where:" items were set as one paragraph,
  // a sentence of it.
  const endpointText = (t: string) => {
    const at = /(?:^|[.:]\s)\s*Endpoint:/.exec(t.trim());
    return at ? t.trim().slice(at.index) : undefined;
  };
  const epLine = front.find((l) => ENDPOINT.test(endpointText(l.text) ?? ''));
  const host = epLine ? ENDPOINT.exec(endpointText(epLine.text)!)![1].replace(/([tfTF]) (?=[a-z])/, '$1') : undefined;
  const regions = readRegions(front);
  if (host) {
    fm.endpointHost = host;
    const server: ServerModel = {
      url: `https://${host}`,
      description: regions.length
        ? `${label} endpoint; the region table lists it for ${regions.map((r) => `${r.name} (${r.id})`).join(', ')}`
        : `${label} endpoint`,
      source: { file, line: epLine!.line },
    };
    fm.servers.push(server);
  } else {
    diagnostics.push(diag('endpoint-missing', 'warning', 'no API endpoint found in the front matter', { file, line: 1 }));
  }
  return fm;
}

function describeCommon(front: Line[], name: string): string | undefined {
  // "<Name>: <description>" (one test per line, not a RegExp built per line)
  const l = front.find((x) => {
    const t = x.text.trim();
    return t.startsWith(name) && t.charCodeAt(name.length) === 58 && isSpace(t.charCodeAt(name.length + 1));
  });
  if (!l) return undefined;
  return tidy(l.text.trim().slice(name.length + 1));
}

function readRegions(front: Line[]): { name: string; id: string }[] {
  const start = front.findIndex((l) => /^Region\s+Region ID\s+Endpoint$/.test(l.text.trim()));
  if (start < 0) return [];
  const out: { name: string; id: string }[] = [];
  for (let i = start + 1; i < Math.min(front.length, start + 60); i++) {
    const t = front[i].text.trim();
    const m = /^([A-Z].*?)\s+([a-z]{2,}-[a-z]+(?:-\d+)?)$/.exec(t);
    if (m) out.push({ name: m[1], id: m[2] });
    // The table ends at the next step of the procedure ("iv. Run the following command …").
    else if (out.length && (/^[ivx]+\.\s|^\d+\.\s/.test(t) || front[i].furniture === 'heading')) break;
  }
  return out;
}
