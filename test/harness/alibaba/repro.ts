/**
 * Reproduce one harness manual: `npx tsx test/harness/alibaba/repro.ts <seed> ["<config>"] [out.txt]`
 * writes the damaged text (default /tmp/alibaba-harness-<seed>.txt) and prints every miss. The
 * config is a row name of the harness table ("all together", "ligatures", …; default all together).
 */
import { writeFileSync } from 'node:fs';
import { damageConfigs, runManual, separateConfigs } from './run.ts';
import { summarise } from '../score.ts';

const [seedArg, name = 'all together', out] = process.argv.slice(2);
const seed = Number(seedArg);
const cfg = [...damageConfigs(), ...separateConfigs()].find((c) => c.name === name || c.name.startsWith(`${name} (`));
if (!Number.isInteger(seed) || !cfg) {
  console.error(`usage: repro.ts <seed> [config]; configs: ${[...damageConfigs(), ...separateConfigs()].map((c) => `"${c.name}"`).join(', ')}`);
  process.exit(2);
}
const r = runManual(seed, cfg);
const file = out ?? `/tmp/alibaba-harness-${seed}.txt`;
writeFileSync(file, r.text);
console.log(`${file}: ${r.api.operations.length} operations (${cfg.name})`);
console.log(summarise(r.score));
for (const p of r.score.problems) console.log(p);
