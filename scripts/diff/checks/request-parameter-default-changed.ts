import { defineCheck, opParams, paramPairs, show } from '../check.ts';
import { defaultChange } from '../compare.ts';

/** Callers that leave the parameter out now get different behaviour. */
export default defineCheck({
  id: 'request-parameter-default-changed',
  level: 'warning',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const c = defaultChange(b, r);
      if (!c) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, from: show(c.from), to: show(c.to) },
        },
      ];
    }),
});
