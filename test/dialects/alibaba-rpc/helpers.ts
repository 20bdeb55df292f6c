/**
 * Fixtures for the Alibaba RPC dialect tests: verbatim excerpts of the manual, each read back with
 * its own line numbers in the manual (so every SourceRef a construct returns can be checked against
 * the manual itself). fixtures.test.ts checks that every excerpt is still byte-identical to the
 * manual at those lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines } from '../../../scripts/extract/text.ts';
import type { SourceDocument } from '../../../scripts/extract/types.ts';
import { classifyLines, type Line } from '../../../scripts/dialects/alibaba-rpc/lines.ts';
import { Vocabulary } from '../../../scripts/dialects/alibaba-rpc/repair.ts';
import { toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { parseTable, type RawRow } from '../../../scripts/dialects/alibaba-rpc/tables.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const DIR = join(ROOT, 'test/fixtures/alibaba-rpc');

/** Fixture name -> the manual line its first line is. */
export const FIXTURES = {
  'legal-disclaimer': 1,
  'operations-list': 131,
  'make-api-requests': 354,
  'access-key-header': 426,
  regions: 493,
  'create-service-mesh-request': 591,
  'create-service-mesh-errors': 1351,
  'delete-service-mesh': 1381,
  'describe-service-meshes-response': 2401,
  'describe-service-mesh-detail-response': 2864,
  'describe-service-mesh-detail-xml': 3875,
  'audit-project-status': 3474,
  'proxy-rows': 3490,
  'failover-map-rows': 3573,
  'additional-status-rows': 4679,
  'ccm-version-rows': 5075,
  'get-ca-cert': 5382,
  permissions: 5437,
  'describe-vswitches-json': 5941,
  'eip-instance-type': 6383,
  'sidecar-config-heading': 6794,
  'clusters-access-log-rows': 7441,
  'explorer-footer': 8009,
  'registered-service-rows': 8096,
  'create-istio-gateway-routes': 8632,
  'secret-create-record': 8751,
  'route-additional-status-action': 9729,
  'service-labels-rows': 9945,
  'route-detail-rows': 10160,
  'header-map-rows': 10396,
  'route-detail-xml': 10464,
  'route-detail-json': 10559,
  'upgrade-status': 11701,
  'add-vm': 11880,
} as const;
export type FixtureName = keyof typeof FIXTURES;

export function fixtureText(name: FixtureName): string {
  return readFileSync(join(DIR, `${name}.txt`), 'utf8');
}

/** The excerpt as the extract stage would give it, numbered as in the manual. */
export function fixtureDoc(name: FixtureName): SourceDocument {
  const text = fixtureText(name);
  return { file: MANUAL, kind: 'txt', lines: splitLines(text, undefined, FIXTURES[name]), bytes: Buffer.byteLength(text) };
}

export function fixtureLines(name: FixtureName): Line[] {
  return classifyLines(fixtureDoc(name));
}

/** The vocabulary parse.ts builds: every content word of the given excerpts, plus identifiers. */
export function vocabOf(names: FixtureName[], identifiers: string[] = []): Vocabulary {
  const v = new Vocabulary();
  for (const n of names) for (const l of fixtureLines(n)) if (!l.furniture) v.addText(l.text);
  for (const id of identifiers) v.addIdentifier(id);
  return v;
}

/** The classified line with manual line number `line`. */
export function lineAt(lines: Line[], line: number): Line {
  const l = lines.find((x) => x.line === line);
  if (!l) throw new Error(`no line ${line} in excerpt`);
  return l;
}

/** Lines of an excerpt between two manual line numbers (inclusive). */
export function slice(lines: Line[], from: number, to: number): Line[] {
  return lines.filter((l) => l.line >= from && l.line <= to);
}

/** All table rows of an excerpt (or a line range of it). */
export function rowsOf(name: FixtureName, range?: [number, number], vocab: Vocabulary = vocabOf([name])): RawRow[] {
  let lines = fixtureLines(name);
  if (range) lines = slice(lines, range[0], range[1]);
  return parseTable(toBlocks(lines), MANUAL, vocab).rows;
}

export function row(rows: RawRow[], name: string): RawRow {
  const r = rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}; rows: ${rows.map((x) => x.name).join(', ')}`);
  return r;
}

let manualVocabulary: Vocabulary | undefined;
/** The vocabulary of the whole manual, built as parse.ts builds it (content words, no identifiers). */
export function manualVocab(): Vocabulary {
  if (!manualVocabulary) {
    const text = readFileSync(join(ROOT, MANUAL), 'utf8');
    const doc: SourceDocument = { file: MANUAL, kind: 'txt', lines: splitLines(text), bytes: text.length };
    manualVocabulary = new Vocabulary();
    for (const l of classifyLines(doc)) if (!l.furniture) manualVocabulary.addText(l.text);
  }
  return manualVocabulary;
}
