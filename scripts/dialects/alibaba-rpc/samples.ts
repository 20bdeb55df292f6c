/**
 * Samples printed in a section: the sample request (an URL whose parameters are on "&Name=value"
 * lines, values wrapped mid-token over several lines), and XML / JSON sample responses (sometimes
 * with an "HTTP/1.1 200 OK" preamble, sometimes garbled).
 */
import type { Line } from './lines.ts';
import type { JsonValue } from '../../model/types.ts';

export interface SampleRequest {
  action?: string;
  parameters: { name: string; value: string; line: number }[];
  raw: string;
  line: number;
  endLine: number;
  /** "&<Common request parameters>" was printed. */
  common: boolean;
}

const REQUEST_START = /^http\(s\):\/\/\[Endpoint\]\/\?\s?(.*)$|^https?:\/\/[\w.[\]]+\/\?\s?(.*)$/;

/** Parse the sample request that starts at lines[0]. */
export function parseSampleRequest(lines: Line[]): SampleRequest | undefined {
  const all = lines.filter((l) => !l.furniture);
  const first = all.findIndex((l) => l.text.trim() !== '');
  if (first < 0) return undefined;
  // The request ends at a blank line, unless the next printed line carries on with "&…" (a page
  // break inside the request).
  // So does a JSON value cut by a page break ("&Status={"Phase":"pending","PolicyAlias" / … /
  // "":"demo"}"): the request goes on while a value it has started is still open.
  const content: Line[] = [all[first]];
  let piece = all[first].text.trim();
  let open = jsonDepth(piece);
  for (let i = first + 1; i < all.length; i++) {
    const t = all[i].text.trim();
    if (t !== '') {
      content.push(all[i]);
      // The parameter's text so far (a wrapped value continues mid-token).
      piece = t.startsWith('&') ? t : piece.length < 20000 ? piece + t : piece;
      open = jsonDepth(piece);
      continue;
    }
    let k = i + 1;
    while (k < all.length && all[k].text.trim() === '' && k - i < 8) k++;
    const next = all[k];
    if (!next || !(next.text.trim().startsWith('&') || (open > 0 && !/^(Sample|Examples?|Error codes|HTTP\/1\.1|<)/.test(next.text.trim())))) break;
  }
  const m = REQUEST_START.exec(content[0].text.trim());
  if (!m) return undefined;
  const pieces: { text: string; line: number }[] = [{ text: (m[1] ?? m[2] ?? '').trim(), line: content[0].line }];
  let endLine = content[0].line;
  for (const l of content.slice(1)) {
    const t = l.text.trim();
    if (t === '…' || t === '...') break;
    if (t.startsWith('&')) pieces.push({ text: t.slice(1), line: l.line });
    // A wrapped value goes on (even with "{": the rest of an open JSON value).
    else if (pieces.length && (!/^(Sample|Examples?|Error codes|HTTP\/1\.1|<|\{)/.test(t) || (t.startsWith('{') && jsonDepth(pieces[pieces.length - 1].text) > 0))) pieces[pieces.length - 1].text += t;
    else break;
    endLine = l.line;
  }
  const parameters: SampleRequest['parameters'] = [];
  let common = false;
  let action: string | undefined;
  for (const p of pieces) {
    if (!p.text) continue;
    for (const part of splitAmp(p.text)) {
      if (/^<?Common request parameters>?$/i.test(part.trim())) {
        common = true;
        continue;
      }
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const name = part.slice(0, eq).trim();
      const value = part.slice(eq + 1);
      if (name === 'Action') action = value.trim();
      else parameters.push({ name, value, line: p.line });
    }
  }
  const raw = content
    .filter((l) => l.line <= endLine)
    .map((l) => l.text.trim())
    .join('\n');
  const out: SampleRequest = { parameters, raw, line: content[0].line, endLine, common };
  if (action) out.action = action;
  return out;
}

/** "a=1&b=2" on one line (only split on & outside JSON values). */
function splitAmp(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (const ch of text) {
    if (ch === '"') inStr = !inStr;
    if (!inStr && (ch === '{' || ch === '[')) depth++;
    if (!inStr && (ch === '}' || ch === ']')) depth--;
    if (ch === '&' && depth <= 0 && !inStr) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface SampleBody {
  format: 'json' | 'xml';
  text: string;
  value?: JsonValue;
  line: number;
  endLine: number;
  /** Why the JSON could not be read, when it could not. */
  error?: string;
  /** Repairs applied to read it. */
  repairs: string[];
}

/**
 * Bodies already read, by the index of their first line: the document-wide sample index and each
 * section read the same bodies, and parsing them twice was a tenth of the parse time of a large
 * manual. A hit needs the same text and end line; callers get their own copy of the record (the
 * parsed value itself is shared and must not be mutated).
 */
export type SampleCache = Map<number, SampleBody>;

function cached(cache: SampleCache | undefined, index: number, text: string, endLine: number, read: () => SampleBody): SampleBody {
  const hit = cache?.get(index);
  if (hit && hit.text === text && hit.endLine === endLine) return { ...hit, repairs: hit.repairs.slice() };
  const body = read();
  if (cache) cache.set(index, { ...body, repairs: body.repairs.slice() });
  return body;
}

/** Collect the JSON and XML bodies in a run of lines (the "Sample … responses" part). */
export function findSampleBodies(lines: Line[], cache?: SampleCache): SampleBody[] {
  const content = lines.filter((l) => !l.furniture);
  const out: SampleBody[] = [];
  for (let i = 0; i < content.length; i++) {
    const t = content[i].text.trim();
    if (t === '{' || (t.startsWith('{') && !t.startsWith('{{'))) {
      const { end, text } = collectBalanced(content, i);
      const line = content[i].line;
      const endLine = content[end].line;
      out.push(cached(cache, content[i].index, text, endLine, () => readJson(text, line, endLine)));
      i = end;
    } else if (/^<[A-Za-z]/.test(t)) {
      const end = collectXml(content, i);
      const text = content.slice(i, end + 1).map((l) => l.text).join('\n');
      const line = content[i].line;
      const endLine = content[end].line;
      out.push(
        cached(cache, content[i].index, text, endLine, () => {
          const repairs: string[] = [];
          return { format: 'xml', text, value: readXml(text, repairs), line, endLine, repairs };
        }),
      );
      i = end;
    }
  }
  return out;
}

/**
 * XML runs until its elements are all closed and the next line is not another element; text that
 * the extraction wrapped onto lines of its own ("efault2",…) stays inside.
 */
function collectXml(content: Line[], start: number): number {
  let depth = 0;
  let end = start;
  for (let i = start; i < content.length && i - start < 5000; i++) {
    const t = content[i].text.trim();
    if (i > start && (/^(JSON|XML)\s+format$/.test(t) || /^[{[]/.test(t) || /^(Error codes|HTTP\/1\.1)/.test(t))) break;
    if (!t) {
      const next = content.slice(i + 1).find((l) => l.text.trim());
      if (depth <= 0 && !(next && /^</.test(next.text.trim()))) break;
      continue;
    }
    for (const m of t.matchAll(/<(\/?)[A-Za-z_][\w.-]*[^>]*?(\/?)>/g)) {
      if (m[1]) depth--;
      else if (!m[2]) depth++;
    }
    end = i;
    const next = content[i + 1]?.text.trim() ?? '';
    if (depth <= 0 && !/^</.test(next)) break;
  }
  return end;
}

function collectBalanced(content: Line[], start: number): { end: number; text: string } {
  let depth = 0;
  let inStr = false;
  const parts: string[] = [];
  for (let i = start; i < content.length; i++) {
    const t = content[i].text;
    parts.push(t);
    for (let k = 0; k < t.length; k++) {
      const ch = t[k];
      if (ch === '\\') {
        k++;
        continue;
      }
      if (ch === '"') inStr = !inStr;
      else if (!inStr && (ch === '{' || ch === '[')) depth++;
      else if (!inStr && (ch === '}' || ch === ']')) depth--;
    }
    // A string cannot span lines in these samples: a dangling quote is a wrap, keep going.
    if (depth <= 0 && !inStr) return { end: i, text: parts.join('\n') };
    if (parts.length > 5000) break;
  }
  return { end: Math.min(content.length - 1, start + parts.length - 1), text: parts.join('\n') };
}

/** Lenient JSON: the sample as printed, then with the damage the extraction typically does undone. */
export function readJson(text: string, line: number, endLine: number): SampleBody {
  const body: SampleBody = { format: 'json', text, line, endLine, repairs: [] };
  try {
    body.value = JSON.parse(text) as JsonValue;
    return body;
  } catch (err) {
    body.error = (err as Error).message;
  }
  const attempts: [string, (s: string) => string][] = [
    ['line break inside a string removed', rejoinStrings],
    ['doubled empty string read as ""', (s) => s.replace(/:(\s*)""""/g, ':$1""')],
    ['line-wrapped token rejoined', (s) => s.replace(/([^\s,{[:])\n(?=[^\s"}\]])/g, '$1')],
    ['trailing comma removed', (s) => s.replace(/,(\s*[}\]])/g, '$1')],
    ['missing comma inserted', (s) => s.replace(/(["\d}\]el])(\s*\n\s*")/g, '$1,$2')],
  ];
  let s = text;
  for (const [name, fix] of attempts) {
    const next = fix(s);
    if (next === s) continue;
    s = next;
    body.repairs.push(name);
    try {
      body.value = JSON.parse(s) as JsonValue;
      delete body.error;
      return body;
    } catch (err) {
      body.error = (err as Error).message;
    }
  }
  return body;
}

/** A string the extraction wrapped onto the next line: drop the line break inside the literal. */
function rejoinStrings(text: string): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inStr && ch === '\\') {
      out += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inStr = !inStr;
    if (inStr && ch === '\n') continue;
    out += ch;
  }
  return out;
}

/**
 * XML sample -> JSON-like tree (element with children -> object, repeated element -> array,
 * text -> string). Enough to read the structure; values stay strings.
 */
export function readXml(text: string, repairs: string[] = []): JsonValue | undefined {
  const root: { name: string; children: { name: string; node: unknown }[]; text: string } = { name: '#root', children: [], text: '' };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let steps = 0;
  while ((m = re.exec(text)) && steps++ < 200000) {
    if (m[4] !== undefined) {
      stack[stack.length - 1].text += m[4].trim();
      continue;
    }
    const [, close, name, selfClose] = m;
    if (close) {
      // Tolerate a missing close tag by unwinding to the matching open element.
      const idx = stack.map((n) => n.name).lastIndexOf(name);
      if (idx > 0) stack.length = idx;
      continue;
    }
    // The extraction sometimes prints an opening tag twice ("<Percentage>" / "<Percentage>").
    const top = stack[stack.length - 1];
    if (top.name === name && !top.children.length && !top.text) {
      repairs.push(`duplicated <${name}> ignored`);
      continue;
    }
    const node = { name, children: [], text: '' };
    stack[stack.length - 1].children.push({ name, node });
    // Guard (fuzz regression, test/robustness/regressions.test.ts): a sample nested deeper than any
    // real response is damage; deeper elements stay leaves so toValue's recursion stays bounded.
    if (!selfClose && stack.length < 64) stack.push(node);
    else if (!selfClose && !repairs.includes('XML nested deeper than 64 levels: deeper elements flattened')) {
      repairs.push('XML nested deeper than 64 levels: deeper elements flattened');
    }
  }
  const toValue = (n: typeof root): JsonValue => {
    if (!n.children.length) return n.text;
    const obj: Record<string, JsonValue> = {};
    const repeated = new Set<string>();
    for (const c of n.children) {
      const v = toValue(c.node as typeof root);
      if (repeated.has(c.name)) (obj[c.name] as JsonValue[]).push(v);
      else if (c.name in obj) {
        obj[c.name] = [obj[c.name], v];
        repeated.add(c.name);
      } else obj[c.name] = v;
    }
    return obj;
  };
  const v = toValue(root);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    // Unwrap the <ActionResponse> root element.
    if (keys.length === 1 && /Response$/.test(keys[0]) && typeof v[keys[0]] === 'object') return v[keys[0]];
  }
  return v;
}

/**
 * Brackets a line of a sample request leaves open: + for each "{" / "[" outside strings, − for each
 * "}" / "]"; an unclosed string counts as one open level (the line was cut inside it).
 */
function jsonDepth(text: string): number {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92 && inStr) i++;
    else if (ch === 34) inStr = !inStr;
    else if (!inStr && (ch === 123 || ch === 91)) depth++;
    else if (!inStr && (ch === 125 || ch === 93)) depth--;
  }
  return depth + (inStr ? 1 : 0);
}
