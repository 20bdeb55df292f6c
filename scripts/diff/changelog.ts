/**
 * Changelog producer: when a regeneration turns the committed spec into one built from a different
 * manual (different source bytes), prepend an entry to spec/<api>.CHANGELOG.md with the diff
 * between the two, headed by the manual's document version and, when the vendor re-issued the
 * manual under the same version, a short hash of its content (never the clock).
 *
 * Rules that keep `regen` and `check` consistent (both call this with the same disk state):
 * - no spec on disk yet (first build)           -> no changelog output
 * - fresh spec byte-identical to the one on disk -> no changelog output (file untouched, not checked)
 * - same source bytes (info.x-refspec-source.sha256), different spec -> no entry: the toolchain
 *   changed, not the manual (the diff is still handed to the CLI, which prints it)
 * - different source bytes                      -> entry = diff(committed spec, fresh spec); an entry
 *   already there for the same pair is replaced, so re-running (or resuming an interrupted) regen
 *   never stacks duplicates.
 * A committed spec without a hash (built before hashes were kept) is compared by document version.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SourceRef } from '../model/diagnostic.ts';
import { registerProducer, specPath, type OutputProducer } from '../project.ts';
import { diffSpecs } from './engine.ts';
import { formatMarkdown, mdEscape } from './format/markdown.ts';
import { isObject } from './pointer.ts';
import type { DiffResult, Json } from './types.ts';

export function changelogPath(apiName: string): string {
  return join('spec', `${apiName}.CHANGELOG.md`);
}

/** The manual version a spec was built from: document version, else manual file name, else info.version. */
export function manualVersion(spec: Json): string {
  const info = isObject(spec.info) ? spec.info : {};
  const src = isObject(info['x-refspec-source']) ? info['x-refspec-source'] : {};
  if (typeof src.documentVersion === 'string' && src.documentVersion) return src.documentVersion;
  if (typeof src.document === 'string' && src.document) return src.document;
  return typeof info.version === 'string' ? info.version : '(unknown)';
}

/** SHA-256 of the manual's bytes the spec was built from, when the spec records it. */
export function sourceHash(spec: Json): string | undefined {
  const info = isObject(spec.info) ? spec.info : {};
  const src = isObject(info['x-refspec-source']) ? info['x-refspec-source'] : {};
  return typeof src.sha256 === 'string' && src.sha256 ? src.sha256 : undefined;
}

/** Short content hash shown when the document version did not change. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** Did the manual change between these two specs (bytes when both know them, else document version)? */
export function manualChanged(previous: Json, fresh: Json): boolean {
  const a = sourceHash(previous);
  const b = sourceHash(fresh);
  if (a && b) return a !== b;
  return manualVersion(previous) !== manualVersion(fresh);
}

/** Labels of both manuals: the document versions, with a short content hash when they are equal. */
export function manualLabels(previous: Json, fresh: Json): { from: string; to: string } {
  const from = manualVersion(previous);
  const to = manualVersion(fresh);
  if (from !== to) return { from, to };
  const a = sourceHash(previous);
  const b = sourceHash(fresh);
  return { from: a ? `${from} (content ${shortHash(a)})` : from, to: b ? `${to} (content ${shortHash(b)})` : to };
}

function apiVersion(spec: Json): string {
  return isObject(spec.info) && typeof spec.info.version === 'string' ? spec.info.version : '(unknown)';
}

const MARK = /^<!-- refspec-changelog: (.*) -->$/m;

/** Document-derived text inside an HTML comment: no `--`, no `>`, one line. */
function commentSafe(s: string): string {
  return s.replace(/[\r\n<>]+/g, ' ').replace(/-{2,}/g, '-').trim();
}

export function marker(from: string, to: string): string {
  return `<!-- refspec-changelog: ${commentSafe(from)} -> ${commentSafe(to)} -->`;
}

export function changelogHeader(apiName: string): string {
  return (
    `# ${apiName} changelog\n\n` +
    'One entry per change of the manual, newest first, written by `npm run regen` from `refspec diff` between\n' +
    'the previously committed spec and the one built from the new manual; headed by the document version, and\n' +
    'by a short hash of the manual\'s content when the vendor re-issued it under the same version. Edit freely;\n' +
    'entries are never recomputed.\n'
  );
}

/** Insert `entry` (which starts with its marker line) above the first entry, or replace an entry with the same marker. */
export function insertEntry(existing: string, entry: string, mark: string): string {
  const parts = existing.split(/(?=^<!-- refspec-changelog: )/m);
  const header = MARK.test(parts[0]) ? '' : parts.shift()!;
  const entries = parts.filter((p) => !p.startsWith(`${mark}\n`));
  const head = header.endsWith('\n\n') || !header ? header : `${header.replace(/\n*$/, '')}\n\n`;
  return head + [entry, ...entries].map((e) => `${e.replace(/\n*$/, '')}\n`).join('\n');
}

export async function changelogEntry(
  apiName: string,
  previousSpec: Json,
  previousSourceMap: Record<string, SourceRef> | undefined,
  freshSpec: Json,
  freshSourceMap: Record<string, SourceRef> | undefined,
): Promise<{ mark: string; entry: string; from: string; to: string; summary: DiffResult['summary']; result: DiffResult } | undefined> {
  if (!manualChanged(previousSpec, freshSpec)) return undefined;
  const { from, to } = manualLabels(previousSpec, freshSpec);
  const result = diffSpecs({ label: from, spec: previousSpec, sourceMap: previousSourceMap }, { label: to, spec: freshSpec, sourceMap: freshSourceMap });
  const title = isObject(freshSpec.info) && typeof freshSpec.info.title === 'string' ? freshSpec.info.title : apiName;
  const apiChange = apiVersion(previousSpec) === apiVersion(freshSpec) ? `API version ${apiVersion(freshSpec)}` : `API version ${apiVersion(previousSpec)} → ${apiVersion(freshSpec)}`;
  const mark = marker(from, to);
  const md = formatMarkdown(result, { heading: `Manual ${to}`, intro: mdEscape(`${title}: manual ${from} → ${to}, ${apiChange}.`) });
  return { mark, entry: `${mark}\n${md}`, from, to, summary: result.summary, result };
}

export const changelogProducer: OutputProducer = async (out, config) => {
  const rel = specPath(out.api);
  const fresh = out.files.get(rel);
  const onDisk = await readFile(join(config.root, rel), 'utf8').catch(() => undefined);
  if (fresh === undefined || onDisk === undefined || onDisk === fresh) return;
  let previous: unknown;
  try {
    previous = parse(onDisk);
  } catch {
    return; // an unreadable committed spec is replaced; there is nothing to compare with
  }
  if (!isObject(previous)) return;
  const sidecar = await readFile(join(config.root, 'spec', `${out.api.name}.sourcemap.json`), 'utf8')
    .then((t) => JSON.parse(t) as Record<string, SourceRef>)
    .catch(() => undefined);
  const freshSpec = out.build.spec as unknown as Json;
  const made = await changelogEntry(out.api.name, previous, sidecar, freshSpec, out.build.sourceMap);
  if (!made) {
    // A toolchain change: no entry, but the CLI still says what it changes for clients.
    const { from, to } = manualLabels(previous, freshSpec);
    const result = diffSpecs({ label: 'committed spec', spec: previous, sourceMap: sidecar }, { label: 'fresh spec', spec: freshSpec, sourceMap: out.build.sourceMap });
    out.change = { manualChanged: false, from, to, result };
    return;
  }
  const path = changelogPath(out.api.name);
  out.change = { manualChanged: true, from: made.from, to: made.to, result: made.result, changelog: path };
  const existing = (await readFile(join(config.root, path), 'utf8').catch(() => undefined)) ?? changelogHeader(out.api.name);
  out.files.set(path, insertEntry(existing, made.entry, made.mark));
};

registerProducer(changelogProducer);
