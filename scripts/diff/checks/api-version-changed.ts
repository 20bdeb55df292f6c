import { isObject } from '../pointer.ts';
import { defineCheck } from '../check.ts';

/** info.version: the API version clients put in requests (Alibaba `Version=2020-01-11`). */
export default defineCheck({
  id: 'api-version-changed',
  level: 'info',
  run: (d) => {
    const v = (doc: Record<string, unknown>) => (isObject(doc.info) && typeof doc.info.version === 'string' ? doc.info.version : undefined);
    const from = v(d.base.spec);
    const to = v(d.revision.spec);
    return from !== to ? [{ base: '#/info/version', revision: '#/info/version', params: { from: from ?? '(none)', to: to ?? '(none)' } }] : [];
  },
});
