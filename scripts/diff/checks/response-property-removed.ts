import { defineCheck, opParams, responseNodes, responseLabel } from '../check.ts';

/** Code reading the field gets undefined; typed clients stop compiling. */
export default defineCheck({
  id: 'response-property-removed',
  level: 'breaking',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (node.depth === 0 || !node.base || node.revision) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status },
        },
      ];
    }),
});
