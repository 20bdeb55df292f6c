import { defineCheck, opParams, requestNodes, nodePath } from '../check.ts';

/** A new optional request property. */
export default defineCheck({
  id: 'request-property-added',
  level: 'info',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (node.depth === 0 || node.base || !node.revision || node.requiredRevision) return [];
      return [
        {
          operation: op.revision.name,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: nodePath(node) },
        },
      ];
    }),
});
