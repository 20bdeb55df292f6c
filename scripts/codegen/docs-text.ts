/**
 * Document text in the docs (reference.md and the Redoc page). OpenAPI descriptions are CommonMark,
 * so they are shown as Markdown, as written, with only what would load, run or navigate away
 * neutralised. micromark (a CommonMark tokenizer with source offsets) finds the constructs; the
 * text between them is left byte for byte:
 *
 * - raw HTML (inline or block) → its `<` written `&lt;`, so it shows as text;
 * - images → their alt text and address as text (`data:` images, which load nothing, stay);
 * - links and autolinks that leave the page → their text and the address as code (same-page
 *   `#…` links stay);
 * - for the Redoc page only, Markdoc tags (`{% … %}`, which Redoc 3 interprets) → `{\%`.
 *
 * Code spans and code blocks are never touched. Every change is reported as a finding so the
 * caller can say what it changed. Plain strings that are not Markdown (summaries, names) go
 * through `plainText`, which escapes only the characters that would otherwise become markup.
 */
import { parse, postprocess, preprocess } from 'micromark';

export interface TextFinding {
  kind: 'html' | 'image' | 'link' | 'markdoc';
  /** What was found (an address or the markup, shortened). */
  detail: string;
}

export interface NeutraliseOptions {
  /** Escape Markdoc tag openers (`{%`), which Redoc 3 renders as components. */
  markdoc?: boolean;
  /**
   * Escape backticks that open no code span (table cells): a cell's code spans are then balanced,
   * so even a renderer that parses a whole table row as one paragraph pairs them as intended.
   */
  loneBackticks?: boolean;
}

interface Range {
  start: number;
  end: number;
  text: string;
}

const CODE = new Set(['codeText', 'codeFenced', 'codeIndented']);
const SHORT = 80;

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > SHORT ? `${one.slice(0, SHORT - 1)}…` : one;
}

/** Inline code span for any text: a backtick run longer than any inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim()) ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** `<` as an entity: shown as `<` by every CommonMark renderer, also by Redoc with sanitising on. */
function escapeHtml(raw: string): string {
  return raw.replace(/</g, '&lt;');
}

/** Same-page references stay links; everything else (http, mailto, relative files …) is shown as text. */
function leavesPage(url: string): boolean {
  return !url.startsWith('#');
}

function events(src: string) {
  return postprocess(parse().document().write(preprocess()(src, undefined, true)));
}

/**
 * The Markdown text with HTML, images and external links neutralised (see the file comment).
 * Total: any string yields a string; nothing is thrown.
 */
export function neutraliseMarkdown(src: string, opts: NeutraliseOptions = {}, findings: TextFinding[] = [], depth = 0): string {
  if (!src) return src;
  const text = src.replace(/\r\n?/g, '\n');
  if (!/[<[!{`~]/.test(text)) return text;
  let evs: ReturnType<typeof events>;
  try {
    evs = events(text);
  } catch {
    // micromark does not throw on any string; should it ever, fall back to escaping every `<`.
    findings.push({ kind: 'html', detail: short(text) });
    return escapeHtml(text);
  }
  const replace: Range[] = [];
  const protect: { start: number; end: number }[] = [];
  const definitions = new Map<string, string>();
  // Definitions first: a reference link's address is in its definition.
  for (let i = 0; i < evs.length; i++) {
    const [kind, tok] = evs[i];
    if (kind !== 'enter' || tok.type !== 'definition') continue;
    let label = '';
    let dest = '';
    for (let j = i + 1; j < evs.length && !(evs[j][0] === 'exit' && evs[j][1] === tok); j++) {
      const t = evs[j][1];
      if (evs[j][0] !== 'enter') continue;
      if (t.type === 'definitionLabelString') label = text.slice(t.start.offset, t.end.offset);
      if (t.type === 'definitionDestinationString') dest = text.slice(t.start.offset, t.end.offset);
    }
    const key = label.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key && !definitions.has(key)) definitions.set(key, dest);
  }
  let skipUntil = -1;
  for (let i = 0; i < evs.length; i++) {
    const [kind, tok] = evs[i];
    if (kind !== 'enter') continue;
    const start = tok.start.offset;
    const end = tok.end.offset;
    if (start < skipUntil) continue;
    if (tok.type === 'characterEscape' || tok.type === 'characterReference') {
      protect.push({ start, end });
      continue;
    }
    if (CODE.has(tok.type)) {
      protect.push({ start, end });
      skipUntil = end;
      continue;
    }
    if (tok.type === 'htmlText' || tok.type === 'htmlFlow') {
      const raw = text.slice(start, end);
      findings.push({ kind: 'html', detail: short(raw) });
      replace.push({ start, end, text: escapeHtml(raw) });
      skipUntil = end;
      continue;
    }
    if (tok.type === 'autolink') {
      const raw = text.slice(start + 1, end - 1);
      findings.push({ kind: 'link', detail: short(raw) });
      replace.push({ start, end, text: codeSpan(raw) });
      skipUntil = end;
      continue;
    }
    if (tok.type === 'image' || tok.type === 'link') {
      // Label text and destination (inline resource, or the definition of a reference).
      let label = '';
      let dest: string | undefined;
      let refLabel: string | undefined;
      for (let j = i + 1; j < evs.length && !(evs[j][0] === 'exit' && evs[j][1] === tok); j++) {
        const t = evs[j][1];
        if (evs[j][0] !== 'enter') continue;
        if (t.type === 'image' || t.type === 'link') {
          // A nested image or link: its address is not this one's (its label text is handled below).
          while (j + 1 < evs.length && !(evs[j][0] === 'exit' && evs[j][1] === t)) j++;
          continue;
        }
        if (t.type === 'labelText' && label === '') label = text.slice(t.start.offset, t.end.offset);
        if (t.type === 'resourceDestinationString' && dest === undefined) dest = text.slice(t.start.offset, t.end.offset);
        if (t.type === 'referenceString' && refLabel === undefined) refLabel = text.slice(t.start.offset, t.end.offset);
      }
      if (dest === undefined) dest = definitions.get((refLabel ?? label).toLowerCase().replace(/\s+/g, ' ').trim()) ?? '';
      const inner = depth < 4 ? neutraliseMarkdown(label, opts, findings, depth + 1) : escapeHtml(label);
      if (tok.type === 'image') {
        if (/^data:/i.test(dest)) {
          skipUntil = end;
          continue;
        }
        findings.push({ kind: 'image', detail: short(dest || label) });
        replace.push({ start, end, text: `${inner ? `${inner} ` : ''}(image${dest ? ` ${codeSpan(dest)}` : ''})` });
      } else if (leavesPage(dest)) {
        findings.push({ kind: 'link', detail: short(dest || label) });
        replace.push({ start, end, text: dest ? `${inner} (${codeSpan(dest)})` : inner });
      } else if (inner !== label) {
        // A same-page link keeps its address; only its label is neutralised.
        const labelStart = text.indexOf(label, start);
        replace.push({ start: labelStart, end: labelStart + label.length, text: inner });
      }
      skipUntil = end;
    }
  }
  // A fenced code block the text opens and never closes would swallow everything after it.
  let closeFence = '';
  for (let i = 0; i < evs.length; i++) {
    const [kind, tok] = evs[i];
    if (kind !== 'enter' || tok.type !== 'codeFenced') continue;
    let fences = 0;
    let seq = '';
    for (let j = i + 1; j < evs.length && !(evs[j][0] === 'exit' && evs[j][1] === tok); j++) {
      if (evs[j][0] === 'enter' && evs[j][1].type === 'codeFencedFence') fences++;
      if (evs[j][0] === 'enter' && evs[j][1].type === 'codeFencedFenceSequence' && !seq) seq = text.slice(evs[j][1].start.offset, evs[j][1].end.offset);
    }
    if (fences === 1 && tok.end.offset >= text.length) closeFence = `\n${seq}`;
  }
  let out = '';
  let at = 0;
  /** Text between the replaced constructs: Markdoc openers and lone backticks, outside code and escapes. */
  const markdoc = (chunk: string, from: number): string => {
    const wanted = (opts.markdoc && chunk.includes('{%')) || (opts.loneBackticks && chunk.includes('`'));
    if (!wanted) return chunk;
    let res = '';
    let last = 0;
    for (const m of chunk.matchAll(/\{%|`/g)) {
      const at = m.index ?? 0;
      const pos = from + at;
      if (protect.some((p) => pos >= p.start && pos < p.end)) continue;
      if (m[0] === '`') {
        if (!opts.loneBackticks) continue;
        res += `${chunk.slice(last, at)}\\\``;
      } else {
        if (!opts.markdoc) continue;
        findings.push({ kind: 'markdoc', detail: short(chunk.slice(at, at + SHORT)) });
        res += `${chunk.slice(last, at)}{\\%`;
      }
      last = at + m[0].length;
    }
    return res + chunk.slice(last);
  };
  for (const r of replace.sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out += markdoc(text.slice(at, r.start), at) + r.text;
    at = r.end;
  }
  return out + markdoc(text.slice(at), at) + closeFence;
}

/**
 * Plain text (a summary, a name) inline in Markdown: shown as written. Only characters that would
 * start markup are escaped: `\` `` ` `` `*` `[` `]` `<` `~`, `_` where it could start or end
 * emphasis (not inside a word), `&` before an entity, and a block marker at the start (`#`, `>`,
 * `-`, `+`, `1.`). Parentheses, `$`, `!`, `{`, `}` and `_` inside names stay as they are.
 */
const ALNUM = /^[\p{L}\p{N}]$/u;

export function plainText(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  let out = flat
    .replace(/[\\`*[\]<~]/g, '\\$&')
    // A run of underscores between two letters/digits never starts or ends emphasis: left as is.
    .replace(/_+/g, (run, at: number, all: string) => (ALNUM.test(all[at - 1] ?? '') && ALNUM.test(all[at + run.length] ?? '') ? run : run.replace(/_/g, '\\_')))
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  out = out.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_, sp: string, mark: string) => `${sp}${mark.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+-])$/, '\\$1')}`);
  return out;
}

/** A `|` not already escaped would end a table cell (also inside code spans, in GFM tables). */
function cellPipes(text: string): string {
  return text.replace(/(\\*)\|/g, (m, slashes: string) => (slashes.length % 2 ? m : `${slashes}\\|`));
}

/** Plain text inside a table cell. */
export function cellPlain(text: string): string {
  return cellPipes(plainText(text));
}

/** A code span inside a table cell. */
export function cellCode(text: string): string {
  return cellPipes(codeSpan(text));
}

/**
 * A Markdown description inside a table cell: neutralised, line breaks as `<br>` (a cell is one
 * line), `|` escaped so it cannot end the cell.
 */
export function cellMarkdown(text: string | undefined, findings?: TextFinding[]): string {
  if (!text) return '';
  return cellPipes(neutraliseMarkdown(text.trim(), { loneBackticks: true }, findings))
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, '<br>');
}
