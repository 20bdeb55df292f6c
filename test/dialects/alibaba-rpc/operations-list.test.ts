/**
 * operations-list.ts on the manual's real "List of operations by function" (manual lines 131-356):
 * groups, names (wrapped ones rejoined), descriptions, and where the list ends.
 */
import { describe, expect, it } from 'vitest';
import { parseOperationList } from '../../../scripts/dialects/alibaba-rpc/operations-list.ts';
import { MANUAL, fixtureLines, slice } from './helpers.ts';

const list = () => {
  const l = parseOperationList(fixtureLines('operations-list'), MANUAL);
  if (!l) throw new Error('no list');
  return l;
};

// Read off the manual's list pages, in order.
const GROUPS: [group: string, line: number, operations: string[]][] = [
  ['ASM instances', 133, ['CreateServiceMesh', 'DeleteServiceMesh', 'ModifyServiceMeshName', 'UpdateMeshFeature', 'DescribeServiceMeshes', 'DescribeServiceMeshDetail', 'DescribeServiceMeshKubeconfig', 'RevokeKubeconfig', 'DescribeServiceMeshAdditionalStatus', 'DescribeVersions']],
  ['Mesh management', 159, ['DescribeNodesInstanceType', 'DescribeCCMVersion', 'ReActivateAudit', 'RunDiagnosis', 'GetCaCert']],
  ['Permission management', 175, ['GrantUserPermissions', 'DescribeUserPermissions', 'DescribeUsersWithPermissions']],
  ['Mesh resources', 190, ['DescribeVSwitches', 'DescribeVpcs', 'DescribeCens', 'DescribeCrTemplates', 'DescribeEipResources', 'ModifyApiServerEipResource']],
  ['Sidecar proxy management', 213, ['DescribeServiceMeshProxyStatus', 'DescribeNamespaceScopeSidecarConfig', 'UpdateNamespaceScopeSidecarConfig']],
  ['Clusters', 229, ['AddClusterIntoServiceMesh', 'RemoveClusterFromServiceMesh', 'DescribeClustersInServiceMesh', 'DescribeServiceMeshClusters', 'DescribeGuestClusterPods', 'DescribeGuestClusterNamespaces', 'DescribeReusableSlb', 'GetRegisteredServiceEndpoints', 'GetRegisteredServiceNamespaces']],
  ['ASM gateways', 255, ['CreateASMGateway', 'CreateIstioGatewayRoutes', 'CreateGatewaySecret', 'CreateIstioGatewayDomains', 'DeleteGatewayRoute', 'DeleteGatewaySecret', 'DeleteIstioGatewayDomains', 'UpdateASMGateway', 'UpdateASMGatewayImportedServices', 'UpdateIstioGatewayRoutes', 'UpdateIstioRouteAdditionalStatus', 'DescribeIngressGateways', 'DescribeImportedServicesDetail', 'DescribeASMGatewayImportedServices', 'DescribeIstioGatewayRouteDetail', 'DescribeGatewaySecretDetails', 'DescribeIstioGatewayDomains', 'DescribeIstioGatewayRoutes']],
  ['Observability', 301, ['DescribeClusterGrafana', 'DescribeClusterPrometheus', 'DescribeServiceMeshLogs', 'DescribeGuestClusterAccessLogDashboards']],
  ['Upgrades', 320, ['UpgradeMeshVersion', 'UpgradeMeshEditionPartially', 'DescribeUpgradeVersion', 'DescribeServiceMeshUpgradeStatus']],
  ['VMs', 333, ['AddVMIntoServiceMesh', 'RemoveVMFromServiceMesh', 'GetVmMeta', 'GetVmAppMeshInfo', 'DescribeServiceMeshVMs', 'DescribeVMsInServiceMesh']],
];

describe('parseOperationList', () => {
  it('lists 68 operations in 10 groups', () => {
    const l = list();
    expect(l.operations).toHaveLength(68);
    expect(new Set(l.operations.map((o) => o.name)).size).toBe(68);
    expect(l.groups.map((g) => g.name)).toEqual(GROUPS.map(([g]) => g));
  });

  it.each(GROUPS)('group "%s" (manual line %i) holds exactly its operations, in order', (group, line, ops) => {
    const l = list();
    expect(l.groups.find((g) => g.name === group)?.source.line).toBe(line);
    expect(l.operations.filter((o) => o.group === group).map((o) => o.name)).toEqual(ops);
  });

  it.each([
    // Names wrapped in the narrow first column, the rest of the name on the next line.
    ['DescribeNamespaceScopeSidecarConfig', 219, 222, 'Queries the configurations of sidecar proxies at the namespace level.'],
    ['UpdateNamespaceScopeSidecarConfig', 224, 227, 'Updates the configurations of sidecar proxies at the namespace level.'],
    ['DescribeASMGatewayImportedServices', 288, 291, 'Queries imported services on an ASM gateway.'],
    ['DescribeGuestClusterAccessLogDashboards', 315, 318, 'Queries the access log reports of a cluster on the data plane.'],
    // Name alone on its line, description wrapped below it.
    ['RevokeKubeconfig', 151, 153, 'Revokes the kubeconfig file of an ASM instance and generates a new kubeconfig file.'],
    ['DescribeVSwitches', 194, 196, 'Queries the vSwitches that are deployed in a specified virtual private cloud (VPC) in a region.'],
    // Name and description on one line.
    ['CreateServiceMesh', 137, 137, 'Creates an ASM instance.'],
    ['DescribeUsersWithPermissions', 183, 183, 'Queries the IDs of all RAM users or RAM roles to which an RBAC role is assigned.'],
  ])('%s: lines %i-%i, "%s"', (name, line, endLine, description) => {
    const o = list().operations.find((x) => x.name === name);
    expect(o).toBeDefined();
    expect(o!.source).toEqual({ file: MANUAL, line, endLine });
    expect(o!.description).toBe(description);
  });

  it('does not take the wrapped fragment ("ig", "s", "oards") as an operation or a group', () => {
    const names = list().operations.map((o) => o.name);
    for (const n of names) expect(n).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(list().groups.map((g) => g.name)).not.toContain('ig');
  });

  it('ends where "Make API requests" begins (manual line 354), across a page break with doc links', () => {
    const lines = fixtureLines('operations-list');
    const l = list();
    expect(lines[l.start].line).toBe(131);
    expect(lines[l.end].line).toBe(354);
    // The page break inside the list (chapter breadcrumb + doc links at lines 185-187) does not end a group.
    expect(l.operations.find((o) => o.name === 'DescribeUsersWithPermissions')?.group).toBe('Permission management');
  });

  it('returns undefined without the list', () => {
    expect(parseOperationList(slice(fixtureLines('operations-list'), 133, 160), MANUAL)).toBeUndefined();
  });
});
