import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';

/** Code that relied on the field being present may now read undefined. */
export default defineCheck({
  id: 'response-property-became-optional',
  level: 'breaking',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node) || node.depth === 0 || !node.requiredBase || node.requiredRevision) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status },
        },
      ];
    }),
});
