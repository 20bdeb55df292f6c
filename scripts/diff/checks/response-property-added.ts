import { defineCheck, opParams, responseNodes, responseLabel } from '../check.ts';

/** A new field in the response: harmless for clients. */
export default defineCheck({
  id: 'response-property-added',
  level: 'info',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (node.depth === 0 || node.base || !node.revision) return [];
      return [
        {
          operation: op.revision.name,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status },
        },
      ];
    }),
});
