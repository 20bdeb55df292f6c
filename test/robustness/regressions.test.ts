/**
 * Crashes the fuzzer found (test/robustness/fuzz.test.ts), each minimised (line-level delta
 * debugging) to the smallest input that still crashed, kept as a regression test: the pipeline must
 * return a spec (with diagnostics) or raise an InputError.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes, InputError } from '../../scripts/extract/index.ts';
import { buildFromDocument } from '../../scripts/pipeline.ts';

async function build(lines: string[]) {
  const doc = await extractBytes('regression.txt', Buffer.from(`${lines.join('\n')}\n`));
  try {
    return buildFromDocument(doc);
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

describe('fuzz regressions', () => {
  // Seed 20260524, run 26: two 30-line blocks of the Alibaba manual swapped (lines 9378-9407 <->
  // 6752-6781). A request table whose only row (Namespace) also occurs inside a JSON-valued sample
  // parameter (GatewayRoute={...,"Namespace":"default"}): nesting from the sample made GatewayRoute a
  // top-level node without a table row, and toParameter read node.row!.required
  // (TypeError in scripts/dialects/alibaba-rpc/section.ts toParameter).
  it('alibaba: top-level parameter known only from the sample request (no table row)', async () => {
    const r = await build([
  "Debugging",
  "Request parameters",
  "Parameter Type Required Example Description",
  "Namespace String No default",
  "http(s)://[Endpoint]/?Action=UpdateIstioGatewayRoutes",
  "&GatewayRoute={\"RouteName\":\"reviews-v2-routes\",\"RouteType\":\"HTTP\",\"MatchRequest\":{\"URI\":{\"MatchingMode",
  "\":\"prefix\",\"MatchingContent\":\"/ratings/v2/\"},\"Headers\":[{\"Name\":\"x-request-id\",\"MatchingMode\":\"exact\",",
  "\"MatchingContent\":\"v1\"}],\"TLSMatchAttributes\":[{\"TLSPort\":443,\"SNIHosts\":[\"*.com\"]}],\"Ports\":[443]},\"R",
  "outeDestinations\":[{\"Destination\":{\"Host\":\"reviews\",\"Subset\":\"v1\"},\"Weight\":80}],\"HTTPAdvancedOptions\"",
  ":{\"HTTPRedirect\":{\"Uri\":\"/v1/getProductRatings\",\"Authority\":\"newratings.default.svc.cluster.local\",\"Re",
  "directCode\":301},\"Delegate\":{\"Name\":\"reviews\",\"Namespace\":\"default\"},\"Rewrite\":{\"Uri\":\"/v1/getProductR",
  "atings\",\"Authority\":\"newratings.default.svc.cluster.local\"},\"Timeout\":\"5s\",\"Retries\":{\"Attempts\":3,\"Re",
  "tryOn\":\"connect-failure,refused-stream,503\",\"RetryRemoteLocalities\":{\"Value\":false},\"PerTryTimeout\":\"2",
  "s\"},\"Fault\":{\"Delay\":{\"FixedDelay\":\"5s\",\"Percentage\":{\"Value\":0.1}},\"Abort\":{\"HttpStatus\":400,\"Percent",
  "age\":{\"Value\":0.1}}},\"Mirror\":{\"Host\":\"reviews.default.svc.cluster.local\",\"Subset\":\"v1\"},\"MirrorPercen",
  "tage\":{\"Value\":0.2}},\"Namespace\":\"default\"}",
    ]);
    expect(r).toBeDefined();
    expect(r!.model.operations.map((o) => o.operationId)).toEqual(['UpdateIstioGatewayRoutes']);
    expect(r!.diagnostics.some((d) => d.id === 'parameter-row-missing')).toBe(true);
  });

  // Seed 11, run 203: a very long line ("*/ ${} <script>" x 25085) inside an XML sample response.
  // Each unclosed <script> opened one more element: toValue in
  // scripts/dialects/alibaba-rpc/samples.ts recursed 25,085 levels deep (RangeError: Maximum call
  // stack size exceeded). Minimised to five lines.
  it('alibaba: XML sample with thousands of unclosed tags', async () => {
    const r = await build([
      'Debugging',
      'Parameter Type Required Example Description',
      'http(s)://[Endpoint]/? Action=DescribeGuestClusterAccessLogDashboards',
      '<Dashboards>',
      '*/ ${} <script>'.repeat(25085),
    ]);
    expect(r).toBeDefined();
    expect(r!.model.operations.map((o) => o.operationId)).toEqual(['DescribeGuestClusterAccessLogDashboards']);
  });

  // Seed 11, run 517: a 38,747-character line of "a" before a request-table row. The dialect read it
  // as a parameter name and built new RegExp(`^${name}\\.\\d+`) from it in toParameter
  // (scripts/dialects/alibaba-rpc/section.ts): SyntaxError "Regular expression too large".
  // Minimised to seven lines.
  it('alibaba: a parameter name tens of thousands of characters long', async () => {
    const r = await build([
      'Debugging',
      'Request parameters',
      'Parameter Type Required Example Description',
      'a'.repeat(38747),
      'String No',
      'http(s)://[Endpoint]/? Action=DeleteServiceMesh',
      '&ServiceMeshId=c08ba3fd1e6484b0f8cc1ad8fe10d****',
    ]);
    expect(r).toBeDefined();
    expect(r!.model.operations.map((o) => o.operationId)).toEqual(['DeleteServiceMesh']);
  });
});
