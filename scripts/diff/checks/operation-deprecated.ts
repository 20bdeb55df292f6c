import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'operation-deprecated',
  level: 'warning',
  run: (d) =>
    d.operations.both
      .filter((op) => !op.base.deprecated && op.revision.deprecated)
      .map((op) => ({ operation: op.revision.name, base: op.base.pointer, revision: op.revision.pointer, params: opParams(op) })),
});
