import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../../scripts/extract/text.ts';
import type { SourceDocument } from '../../../scripts/extract/types.ts';
import { readLines, type Line } from '../../../scripts/dialects/huawei-rest/lines.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const MANUAL = 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt';

export function fixtureDoc(name: string): SourceDocument {
  const path = join(ROOT, 'test', 'fixtures', 'huawei-rest', name);
  return extractText(`test/fixtures/huawei-rest/${name}`, readFileSync(path));
}

export function fixtureLines(name: string): Line[] {
  return readLines(fixtureDoc(name));
}

export function manualDoc(): SourceDocument {
  return extractText(MANUAL, readFileSync(join(ROOT, MANUAL)));
}
