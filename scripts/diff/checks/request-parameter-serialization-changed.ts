import { defineCheck, opParams, paramPairs } from '../check.ts';

/** JSON string vs Name.1/Name.2 lists vs flat keys: the same value goes on the wire differently. */
export default defineCheck({
  id: 'request-parameter-serialization-changed',
  level: 'breaking',
  run: (d) =>
    [...paramPairs(d)]
      .filter(({ pair }) => pair.base.serialization !== pair.revision.serialization)
      .map(({ op, pair }) => ({
        operation: op.revision.name,
        base: pair.base.pointer,
        revision: pair.revision.pointer,
        params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, from: pair.base.serialization || '(default)', to: pair.revision.serialization || '(default)' },
      })),
});
