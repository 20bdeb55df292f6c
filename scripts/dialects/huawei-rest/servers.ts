/**
 * The server URL. The manual gives it only indirectly: requests go to
 * "{URI-scheme} :// {Endpoint} / {resource-path}", the scheme is HTTPS, "endpoints vary depending on
 * services and regions", and its one worked example is IAM's endpoint "iam.cn-north-1.myhuaweicloud.com".
 * We take the example's form <service>.<region>.<domain>, put the service's abbreviation from the
 * overview ("Application Service Mesh (ASM)") in the service label and make the region a variable
 * whose default is the example's region.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ServerModel } from '../../model/types.ts';
import { type Line, refOf } from './lines.ts';

export function parseServers(lines: Line[], file: string, diags: Diagnostic[]): ServerModel[] {
  const https = lines.find((l) => /URI-scheme.*\bHTTPS\b/i.test(l.text) || /All APIs use HTTPS/i.test(l.text));
  const ex = lines.find((l) => /endpoint of \w+ \(\*{0,2}([a-z0-9-]+)\.([a-z]{2}-[a-z]+-\d+)\.([a-z0-9.-]+\.com)\*{0,2}\)/i.test(l.text));
  const abbrev = lines.map((l) => /^\s*Welcome to use [A-Z][A-Za-z ]+ \(([A-Z]{2,10})\)/.exec(l.text)).find(Boolean)?.[1];
  if (!ex || !abbrev) {
    diags.push(diag('server-unknown', 'warning', 'the manual gives no endpoint example to derive the server URL from; the spec has no server', { file, line: 1 }));
    return [];
  }
  const m = /endpoint of (\w+) \(\*{0,2}([a-z0-9-]+)\.([a-z]{2}-[a-z]+-\d+)\.([a-z0-9.-]+\.com)\*{0,2}\)/i.exec(ex.text)!;
  if (!https) diags.push(diag('server-scheme-assumed', 'warning', 'the manual does not say which URI scheme the APIs use; https assumed', refOf(file, ex)));
  const url = `https://${abbrev.toLowerCase()}.{region}.${m[4]}`;
  diags.push(
    diag(
      'server-inferred',
      'info',
      `server URL ${url} inferred from the ${m[1]} endpoint example "${m[2]}.${m[3]}.${m[4]}" and the service abbreviation ${abbrev}; the manual gives ${abbrev}'s endpoint only indirectly`,
      refOf(file, ex),
    ),
  );
  return [
    {
      url,
      description: `${abbrev} endpoint in a region. The manual gives the endpoint form only indirectly (by the ${m[1]} example ${m[2]}.${m[3]}.${m[4]}); all APIs use HTTPS and the endpoints of all APIs in the same region are identical.`,
      variables: {
        region: { default: m[3], description: `Region ID, e.g. ${m[3]} (the manual's example region).` },
      },
      source: refOf(file, ex),
    },
  ];
}
