import { canonical } from '../pointer.ts';
import { defineCheck } from '../check.ts';

/** What a client needs to authenticate: type, where the credential goes, signing details. */
const FIELDS = ['type', 'in', 'name', 'scheme', 'bearerFormat', 'flows', 'openIdConnectUrl', 'x-refspec-signing'];

export default defineCheck({
  id: 'security-scheme-changed',
  level: 'breaking',
  run: (d) =>
    d.securitySchemes.both.flatMap(({ base, revision }) => {
      const changed = FIELDS.filter((f) => canonical(base.node[f]) !== canonical(revision.node[f]));
      if (!changed.length) return [];
      return [{ base: base.pointer, revision: revision.pointer, params: { scheme: revision.name, what: changed.join(', ') } }];
    }),
});
