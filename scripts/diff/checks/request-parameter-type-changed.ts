import { defineCheck, opParams, paramPairs } from '../check.ts';
import { typeChange } from '../compare.ts';

/** String -> Long and the like: values the client sends no longer validate, client types change. */
export default defineCheck({
  id: 'request-parameter-type-changed',
  level: 'breaking',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const c = typeChange(b, r);
      if (!c) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, from: c.from, to: c.to },
        },
      ];
    }),
});
