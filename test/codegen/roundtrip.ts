/**
 * Round-trip of the manuals' sample requests through the generated builders (shared by the
 * round-trip test and the end-to-end test).
 */
import type { ApiInfo, OperationInfo, RequestSample } from '../../scripts/codegen/model.ts';
import { compareRpc, decodeRpcSample, type ParamComparison } from '../../scripts/codegen/samples.ts';
import { decodeQuery } from '../../templates/runtime/encode.ts';
import type { BuildOptions, BuiltRequest } from '../../templates/runtime/types.ts';

export type Builder = (input: Record<string, unknown>, options?: BuildOptions) => BuiltRequest;

export interface SampleOutcome {
  operationId: string;
  sample: string;
  line?: number;
  ok: boolean;
  /** Parameters (or `method`, `path`, `body`) that differ, with both sides. */
  problems: { key: string; detail: string }[];
  comparisons: ParamComparison[];
  input?: Record<string, unknown>;
}

export function roundTripRpc(api: ApiInfo, op: OperationInfo, sample: RequestSample, build: Builder): SampleOutcome {
  const decoded = decodeRpcSample(op, sample, api.signingParams);
  const problems: SampleOutcome['problems'] = [];
  for (const u of decoded.unknown) problems.push({ key: u, detail: 'the sample sets a parameter the operation does not document' });
  let built: BuiltRequest | undefined;
  try {
    built = build(decoded.input, { endpoint: 'https://endpoint.invalid' });
  } catch (err) {
    problems.push({ key: 'build', detail: (err as Error).message });
  }
  let comparisons: ParamComparison[] = [];
  if (built) {
    const pairs = decodeQuery(new URL(built.url).search);
    const unknown = new Set(decoded.unknown);
    comparisons = compareRpc(
      (sample.parameters ?? []).filter((p) => !unknown.has(p.name)),
      pairs,
      api.signingParams,
    );
    for (const c of comparisons) {
      if (c.verdict !== 'different') continue;
      if (c.sample === undefined) {
        // A constant the builder always sends (Version) that the sample leaves to "common parameters".
        const p = op.params.find((x) => x.name === c.name);
        if (p?.const !== undefined) continue;
      }
      problems.push({ key: c.name, detail: `sample ${JSON.stringify(c.sample)} vs built ${JSON.stringify(c.built)}` });
    }
  }
  return { operationId: op.operationId, sample: sample.name, ...(sample.line ? { line: sample.line } : {}), ok: problems.length === 0, problems, comparisons, input: decoded.input };
}

function tryJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** REST: method, path template (path parameters set to their own placeholders) and JSON body. */
export function roundTripRest(op: OperationInfo, sample: RequestSample, build: Builder): SampleOutcome {
  const problems: SampleOutcome['problems'] = [];
  const input: Record<string, unknown> = {};
  for (const p of op.params) if (p.in === 'path') input[p.name] = `{${p.name}}`;
  const rawBody = sample.raw?.trim();
  const hasBody = !!rawBody && /^[[{]/.test(rawBody);
  if (op.body) {
    const parsed = tryJson(rawBody);
    if (parsed.ok) input.body = parsed.value;
    else if (hasBody) problems.push({ key: 'body', detail: 'the printed request body is not valid JSON' });
    else if (op.body.required) problems.push({ key: 'body', detail: 'the sample prints no request body for an operation that requires one' });
  }
  for (const p of op.params) if (p.required && p.in !== 'path' && input[p.name] === undefined) input[p.name] = p.example ?? 'x';
  let built: BuiltRequest | undefined;
  if (!problems.length) {
    try {
      built = build(input, { endpoint: 'https://endpoint.invalid' });
    } catch (err) {
      problems.push({ key: 'build', detail: (err as Error).message });
    }
  }
  if (built) {
    if (sample.method && sample.method.toUpperCase() !== built.method) problems.push({ key: 'method', detail: `sample ${sample.method} vs built ${built.method}` });
    const path = decodeURIComponent(new URL(built.url).pathname);
    const samplePath = sample.path?.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    if (samplePath && samplePath !== path) problems.push({ key: 'path', detail: `sample ${samplePath} vs built ${path}` });
    if (input.body !== undefined && JSON.stringify(JSON.parse(typeof built.body === 'string' ? built.body : 'null')) !== JSON.stringify(input.body)) {
      problems.push({ key: 'body', detail: 'built body differs from the sample body' });
    }
  }
  return { operationId: op.operationId, sample: sample.name, ...(sample.line ? { line: sample.line } : {}), ok: problems.length === 0, problems, comparisons: [], input };
}

export function roundTripAll(api: ApiInfo, builders: Record<string, Builder>): SampleOutcome[] {
  const out: SampleOutcome[] = [];
  for (const op of api.operations) {
    const build = builders[op.operationId];
    for (const s of op.requestSamples) {
      out.push(api.kind === 'alibaba-rpc' ? roundTripRpc(api, op, s, build) : roundTripRest(op, s, build));
    }
  }
  return out;
}
