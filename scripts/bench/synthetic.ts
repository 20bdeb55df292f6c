/**
 * Synthetic manuals for the scaling benchmark: the Alibaba manual with its operation chapters
 * repeated `factor` times, every operation name in copy k renamed `<Name>V<k>` so the copies are
 * new operations rather than duplicates. Built from the manual itself, in memory.
 */
import { buildFromDocument } from '../pipeline.ts';
import { extractBytes } from '../extract/index.ts';

export async function syntheticAlibaba(manual: Buffer, factor: number): Promise<{ bytes: Buffer; baseOperations: number }> {
  const doc = await extractBytes('alibaba.txt', manual);
  const base = buildFromDocument(doc);
  const ops = base.model.operations;
  const first = Math.min(...ops.map((o) => o.source.line));
  const lines = manual.toString('utf8').split('\n');
  // The operation chapters start at the first operation's first line; the front matter stays single.
  const front = lines.slice(0, first - 1).join('\n');
  const body = lines.slice(first - 1).join('\n');
  const names = ops.map((o) => o.operationId).sort((a, b) => b.length - a.length);
  // Names also occur wrapped or split by the extraction ("ModifyServiceMeshN" / "ame",
  // "Modif yServiceMeshName"): match those spellings too, so each copy is renamed throughout.
  const spelled = names.map((n) => [...n].join('[ \\n]?'));
  const re = new RegExp(`\\b(?:${spelled.join('|')})\\b`, 'g');
  const canonical = (m: string) => m.replace(/[ \n]/g, '');
  const parts = [front, body];
  for (let k = 2; k <= factor; k++) parts.push(body.replace(re, (m) => `${canonical(m)}V${k}`));
  return { bytes: Buffer.from(parts.join('\n'), 'utf8'), baseOperations: ops.length };
}
