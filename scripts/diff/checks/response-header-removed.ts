import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'response-header-removed',
  level: 'breaking',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.both.flatMap((r) =>
        r.headersRemoved.map((h) => ({
          operation: op.revision.name,
          base: r.base.headers.get(h)!.pointer,
          revision: r.revision.pointer,
          params: { ...opParams(op), status: r.status, name: h },
        })),
      ),
    ),
});
