import { defineCheck } from '../check.ts';

/** Clients configured with this base URL stop working. */
export default defineCheck({
  id: 'server-removed',
  level: 'breaking',
  run: (d) => d.servers.removed.map((s) => ({ base: s.pointer, params: { url: s.name } })),
});
