import { describe, expect, it } from 'vitest';
import { operationIdFor, plural, singular } from '../../../scripts/dialects/huawei-rest/operation-id.ts';

// operationIds like SDK methods: the verb from the method and the URI's shape, the noun from the
// resource segment, refined by the words the section title puts before it.
describe('operationIdFor', () => {
  it.each([
    ['POST', '/v1/{project_id}/meshes', 'Creating a Service Mesh', 'CreateServiceMesh'],
    ['GET', '/v1/{project_id}/meshes', 'Querying the Service Mesh List', 'ListServiceMeshes'],
    ['GET', '/v1/{project_id}/meshes/{mesh_id}', 'Querying a Service Mesh', 'ShowServiceMesh'],
    ['DELETE', '/v1/{project_id}/meshes/{mesh_id}', 'Deleting a Service Mesh', 'DeleteServiceMesh'],
    ['PUT', '/v2/{project_id}/clusters/{cluster_id}', 'Updating a Cluster', 'UpdateCluster'],
    ['PATCH', '/v2/{project_id}/clusters/{cluster_id}', 'Modifying a Cluster', 'UpdateCluster'],
    ['POST', '/v2/{project_id}/clusters/{cluster_id}/restart', 'Restarting a Cluster', 'RestartCluster'],
    ['POST', '/v2/{project_id}/clusters/batch-create', 'Creating Clusters in Batches', 'BatchCreateClusters'],
    ['POST', '/v3/{project_id}/instances/{instance_id}/tags/batch-delete', 'Deleting Tags in Batches', 'BatchDeleteInstanceTags'],
    ['POST', '/v2.0/{project_id}/servers/{server_id}/tags/action', 'Adding Tags in Batches', 'BatchCreateServerTags'],
    ['DELETE', '/v3/{project_id}/instances', 'Deleting Instances in Batches', 'BatchDeleteInstances'],
    ['GET', '/v2/{project_id}/clusters/{cluster_id}/subnets', 'Querying Subnets of a Cluster', 'ListClusterSubnets'],
    ['GET', '/v3/{domain_id}/buckets/status', 'Checking the Status of Buckets', 'ShowBucketStatus'],
    ['GET', '/v1/{project_id}/meshes/{mesh_id}/config', 'Querying Mesh Configuration', 'ShowMeshConfig'],
    ['GET', '/v2/policies/{policy_id}', '查询策略详情', 'ShowPolicy'],
  ])('%s %s "%s" -> %s', (method, path, title, id) => {
    expect(operationIdFor(method, path, title).id).toBe(id);
  });

  it('says when the title does not name the resource (the id comes from the URI alone)', () => {
    expect(operationIdFor('GET', '/v2/policies/{policy_id}', '查询策略详情').fromUriOnly).toBe(true);
    expect(operationIdFor('GET', '/v2/policies/{policy_id}', 'Querying a Policy').fromUriOnly).toBe(false);
  });

  it('is stable: the same method, path and title give the same id', () => {
    expect(operationIdFor('GET', '/v1/{project_id}/meshes', 'Querying the Service Mesh List')).toEqual(operationIdFor('GET', '/v1/{project_id}/meshes', 'Querying the Service Mesh List'));
  });

  it('pluralises and singularises regular nouns', () => {
    expect(['Mesh', 'Policy', 'Cluster'].map(plural)).toEqual(['Meshes', 'Policies', 'Clusters']);
    expect(['Meshes', 'Policies', 'Clusters', 'Status', 'Address'].map(singular)).toEqual(['Mesh', 'Policy', 'Cluster', 'Status', 'Address']);
  });
});
