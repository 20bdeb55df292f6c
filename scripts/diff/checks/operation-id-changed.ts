import { defineCheck, opParams } from '../check.ts';

/** Same method and path, new operationId: generated client methods are named after it. */
export default defineCheck({
  id: 'operation-id-changed',
  level: 'breaking',
  run: (d) =>
    d.operations.both
      .filter((op) => op.base.operationId !== op.revision.operationId)
      .map((op) => ({
        operation: op.revision.name,
        base: op.base.pointer,
        revision: op.revision.pointer,
        params: { ...opParams(op), from: op.base.operationId ?? '(none)', to: op.revision.operationId ?? '(none)' },
      })),
});
