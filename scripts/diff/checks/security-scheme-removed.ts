import { defineCheck } from '../check.ts';

export default defineCheck({
  id: 'security-scheme-removed',
  level: 'breaking',
  run: (d) => d.securitySchemes.removed.map((s) => ({ base: s.pointer, params: { scheme: s.name } })),
});
