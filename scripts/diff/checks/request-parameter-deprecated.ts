import { defineCheck, opParams, paramPairs } from '../check.ts';

export default defineCheck({
  id: 'request-parameter-deprecated',
  level: 'warning',
  run: (d) =>
    [...paramPairs(d)]
      .filter(({ pair }) => !pair.base.deprecated && pair.revision.deprecated)
      .map(({ op, pair }) => ({
        operation: op.revision.name,
        base: pair.base.pointer,
        revision: pair.revision.pointer,
        params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in },
      })),
});
