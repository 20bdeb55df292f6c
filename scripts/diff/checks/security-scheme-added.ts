import { defineCheck } from '../check.ts';

export default defineCheck({
  id: 'security-scheme-added',
  level: 'info',
  run: (d) => d.securitySchemes.added.map((s) => ({ revision: s.pointer, params: { scheme: s.name } })),
});
