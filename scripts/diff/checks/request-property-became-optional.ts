import { defineCheck, opParams, requestNodes, nodePath, both } from '../check.ts';

/** Callers may now leave the property out. */
export default defineCheck({
  id: 'request-property-became-optional',
  level: 'info',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (!both(node) || node.depth === 0 || !node.requiredBase || node.requiredRevision) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base.pointer,
          revision: node.revision.pointer,
          params: { ...opParams(op), property: nodePath(node) },
        },
      ];
    }),
});
