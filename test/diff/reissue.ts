/**
 * A re-issued Alibaba manual: the bundled manual with five real changes and its page footers
 * ("Document Version: 20220712") left as they were, as vendors do. Each edit is anchored on text that
 * must occur exactly once, so a change to the bundled manual breaks the helper loudly.
 */

function replaceOnce(text: string, old: string, replacement: string): string {
  const first = text.indexOf(old);
  if (first < 0 || text.indexOf(old, first + 1) >= 0) throw new Error(`edit anchor must occur exactly once: ${JSON.stringify(old.slice(0, 60))}`);
  return text.slice(0, first) + replacement + text.slice(first + old.length);
}

/** Delete from the line starting with `from` up to (not including) the line starting with `to`. */
function deleteBetween(text: string, from: string, to: string): string {
  const a = text.indexOf(`\n${from}`);
  const b = text.indexOf(`\n${to}`, a + 1);
  if (a < 0 || b < 0 || text.indexOf(`\n${from}`, a + 1) >= 0) throw new Error(`anchors not found exactly once: ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, a) + text.slice(b);
}

export const REISSUE_CHANGES = [
  'breaking operation-removed RevokeKubeconfig',
  'breaking request-parameter-became-required DescribeServiceMeshKubeconfig',
  'breaking request-parameter-type-changed DeleteIstioGatewayDomains',
  'breaking response-property-removed DescribeServiceMeshKubeconfig',
  'info request-parameter-added ModifyServiceMeshName',
];

export function reissue(original: string): string {
  let t = original;
  // 1. an operation is removed: its whole section goes
  t = deleteBetween(
    t,
    'Revokes a kubeconfig file of an Alibaba Cloud Service Mesh (ASM) instance and generates a new kubeconfig file.',
    'Queries the check results of an Alibaba Cloud Service Mesh (ASM) instance.',
  );
  // 2. an optional parameter becomes required
  t = replaceOnce(t, 'PrivateIpAddress Boolean No false\nSpecifies whether to query the kubeconfig', 'PrivateIpAddress Boolean Yes false\nSpecifies whether to query the kubeconfig');
  // 3. a type changes from String to Long
  t = replaceOnce(t, 'Limit String No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7. DeleteIstioGatewayDomains', 'Limit Long No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7. DeleteIstioGatewayDomains');
  // 4. a response field is removed: its table row and its place in both samples
  t = deleteBetween(t, 'Kubeconfig String\n\napiVersion: v1 clusters:', 'RequestId String\n31d3a0f0-07ed-4f6e-');
  t = deleteBetween(t, '    <Kubeconfig>apiVersion: v1 clusters:', '</DescribeServiceMeshKubeconfigResponse>');
  t = deleteBetween(t, '  "Kubeconfig" : "apiVersion: v1 clusters:', '}\n\nError codes\nFor a list  of error codes, visit  the API Error Center.\n\nQueries the check results');
  t = replaceOnce(t, '  "RequestId" : "31d3a0f0-07ed-4f6e-9004-1804498c****",\n}', '  "RequestId" : "31d3a0f0-07ed-4f6e-9004-1804498c****"\n}');
  // 5. an optional parameter is added
  t = replaceOnce(
    t,
    'Name String Yes test-mesh The new name of the ASM instance.\n',
    'Name String Yes test-mesh The new name of the ASM instance.\n\nDryRun Boolean No false Specifies whether to only check the request.\n',
  );
  return t;
}
