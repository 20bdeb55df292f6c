import { defineCheck, opParams } from '../check.ts';

/** Same operationId, new path: requests built from the old spec go to the wrong URL. */
export default defineCheck({
  id: 'operation-path-changed',
  level: 'breaking',
  run: (d) =>
    d.operations.both
      .filter((op) => op.base.operationId === op.revision.operationId && op.base.path !== op.revision.path)
      .map((op) => ({ operation: op.revision.name, base: op.base.pointer, revision: op.revision.pointer, params: { ...opParams(op), from: op.base.path, to: op.revision.path } })),
});
