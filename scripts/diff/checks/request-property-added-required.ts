import { defineCheck, opParams, requestNodes, nodePath } from '../check.ts';

/** Existing callers do not send the new property. */
export default defineCheck({
  id: 'request-property-added-required',
  level: 'breaking',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (node.depth === 0 || node.base || !node.revision || !node.requiredRevision) return [];
      return [
        {
          operation: op.revision.name,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: nodePath(node) },
        },
      ];
    }),
});
