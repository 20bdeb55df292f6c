import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';

/** The field is now always present. */
export default defineCheck({
  id: 'response-property-became-required',
  level: 'info',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node) || node.depth === 0 || node.requiredBase || !node.requiredRevision) return [];
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
