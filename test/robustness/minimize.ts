/**
 * Shrink a crashing manual to the fewest lines that still crash (line-level delta debugging), to
 * record a fuzz crash as a regression test: `npx tsx test/robustness/minimize.ts in.txt out.txt "<message part>"`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractBytes } from '../../scripts/extract/index.ts';
import { buildFromDocument } from '../../scripts/pipeline.ts';
const [input, out, pattern] = process.argv.slice(2);
let lines = readFileSync(input, 'utf8').split('\n');
async function crashes(ls: string[]): Promise<boolean> {
  try { buildFromDocument(await extractBytes('m.txt', Buffer.from(ls.join('\n')))); return false; }
  catch (e) { return (e as Error).message.includes(pattern) && !(e as Error).name.includes('InputError'); }
}
if (!(await crashes(lines))) throw new Error('no crash to start with');
let chunk = Math.floor(lines.length / 2);
while (chunk >= 1) {
  let i = 0; let removed = false;
  while (i < lines.length) {
    const cand = [...lines.slice(0, i), ...lines.slice(i + chunk)];
    if (cand.length && (await crashes(cand))) { lines = cand; removed = true; } else i += chunk;
  }
  if (!removed) chunk = Math.floor(chunk / 2);
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(lines.length, 'lines');
