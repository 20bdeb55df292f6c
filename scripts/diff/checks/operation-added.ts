import { defineCheck } from '../check.ts';

export default defineCheck({
  id: 'operation-added',
  level: 'info',
  run: (d) =>
    d.operations.added.map((op) => ({ operation: op.name, revision: op.pointer, params: { operation: op.name, method: op.method.toUpperCase(), path: op.path } })),
});
