import { describe, expect, it } from 'vitest';
import { operationIdFromTitle, plural } from '../../../scripts/dialects/huawei-rest/operation-id.ts';

describe('operationIdFromTitle', () => {
  it.each([
    ['Creating a Service Mesh', 'CreateServiceMesh'],
    ['Deleting a Service Mesh', 'DeleteServiceMesh'],
    ['Querying a Service Mesh', 'GetServiceMesh'],
    ['Querying the Service Mesh List', 'ListServiceMeshes'],
    ['Updating a Service Mesh', 'UpdateServiceMesh'],
    ['Batch Deleting Service Meshes', 'BatchDeletingServiceMeshes'],
  ])('%s -> %s', (title, id) => {
    expect(operationIdFromTitle(title)).toBe(id);
  });
  it('pluralises regular nouns', () => {
    expect(['Mesh', 'Policy', 'Cluster'].map(plural)).toEqual(['Meshes', 'Policies', 'Clusters']);
  });
});
