import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'response-header-removed',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.both.flatMap((r) =>
        r.headersRemoved.map((key) => {
          const h = r.base.headers.get(key)!;
          return { operation: op.revision.name, base: h.pointer, revision: r.revision.pointer, params: { ...opParams(op), status: r.status, name: h.name } };
        }),
      ),
    ),
});
