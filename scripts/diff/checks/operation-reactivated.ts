import { defineCheck, opParams } from '../check.ts';

/** The deprecation mark was taken off an operation. */
export default defineCheck({
  id: 'operation-reactivated',
  level: 'info',
  run: (d) =>
    d.operations.both
      .filter((op) => op.base.deprecated && !op.revision.deprecated)
      .map((op) => ({ operation: op.revision.name, base: op.base.pointer, revision: op.revision.pointer, params: opParams(op) })),
});
