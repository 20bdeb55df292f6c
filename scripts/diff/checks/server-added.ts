import { defineCheck } from '../check.ts';

export default defineCheck({
  id: 'server-added',
  level: 'info',
  run: (d) => d.servers.added.map((s) => ({ revision: s.pointer, params: { url: s.name } })),
});
