import { defineCheck } from '../check.ts';

/** An operation of the base is gone and was not deprecated first: calls to it fail. */
export default defineCheck({
  id: 'operation-removed',
  level: 'breaking',
  run: (d) =>
    d.operations.removed
      .filter((op) => !op.deprecated)
      .map((op) => ({ operation: op.name, base: op.pointer, params: { operation: op.name, method: op.method.toUpperCase(), path: op.path } })),
});
