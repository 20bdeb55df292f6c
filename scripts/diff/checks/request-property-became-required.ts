import { defineCheck, opParams, requestNodes, nodePath, both } from '../check.ts';

/** Callers that leave the property out are now rejected. */
export default defineCheck({
  id: 'request-property-became-required',
  level: 'breaking',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (!both(node) || node.depth === 0 || node.requiredBase || !node.requiredRevision) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: nodePath(node) },
        },
      ];
    }),
});
