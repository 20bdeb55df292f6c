import { defineCheck, opParams, requestNodes, nodePath } from '../check.ts';

/** A request body (or JSON parameter) property is gone: typed clients setting it stop compiling. */
export default defineCheck({
  id: 'request-property-removed',
  level: 'breaking',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (node.depth === 0 || !node.base || node.revision) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          params: { ...opParams(op), property: nodePath(node) },
        },
      ];
    }),
});
