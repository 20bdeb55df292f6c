import { defineCheck, opParams } from '../check.ts';

/** Same operationId, new HTTP method. */
export default defineCheck({
  id: 'operation-method-changed',
  level: 'breaking',
  run: (d) =>
    d.operations.both
      .filter((op) => op.base.operationId === op.revision.operationId && op.base.method !== op.revision.method)
      .map((op) => ({
        operation: op.revision.name,
        base: op.base.pointer,
        revision: op.revision.pointer,
        params: { ...opParams(op), from: op.base.method.toUpperCase(), to: op.revision.method.toUpperCase() },
      })),
});
