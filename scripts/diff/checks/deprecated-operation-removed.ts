import { defineCheck } from '../check.ts';

/** A deprecated operation is gone: announced, but callers that ignored the warning now fail. */
export default defineCheck({
  id: 'deprecated-operation-removed',
  level: 'warning',
  run: (d) =>
    d.operations.removed
      .filter((op) => op.deprecated)
      .map((op) => ({ operation: op.name, base: op.pointer, params: { operation: op.name, method: op.method.toUpperCase(), path: op.path } })),
});
