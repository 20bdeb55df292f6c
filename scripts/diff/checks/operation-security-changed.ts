import { defineCheck, opParams } from '../check.ts';

/** The credentials an operation accepts changed (its own requirement or the API default). */
export default defineCheck({
  id: 'operation-security-changed',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both
      .filter((op) => op.security.base.join(' | ') !== op.security.revision.join(' | '))
      .map((op) => ({
        operation: op.revision.name,
        base: op.security.basePointer,
        revision: op.security.revisionPointer,
        params: { ...opParams(op), from: op.security.base.join(' | ') || '(none)', to: op.security.revision.join(' | ') || '(none)' },
      })),
});
