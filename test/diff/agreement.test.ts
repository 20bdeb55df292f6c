/**
 * Agreement with an independent tool (api-smart-diff) on the breaking / non-breaking verdict of
 * every fixture pair. Every disagreement must be one of the explained ones below (the same list,
 * with longer reasons, is in BENCHMARKS.md "## Diff agreement"); a new disagreement, or an
 * explained one that went away, fails the test so the explanation gets revisited.
 */
import { describe, expect, it } from 'vitest';
import { fixturePairs, verdict } from '../../scripts/bench/diff-agreement.ts';

/** pair -> [our verdict, why we differ] */
const EXPLAINED: Record<string, [ours: 'breaking' | 'not breaking', why: string]> = {
  'api-version-changed': ['not breaking', 'the Version constant is filled in by generated clients; old clients keep calling the old version'],
  'deprecated-operation-removed': ['not breaking', 'announced removal (deprecated first): warning'],
  'operation-id-changed': ['breaking', 'generated client method names come from operationId; api-smart-diff calls it an annotation'],
  'request-body-added-required': ['breaking', 'api-smart-diff ignores requestBody.required when a body is added'],
  'request-parameter-default-changed': ['not breaking', 'requests stay valid; only callers that omit the parameter see new behaviour (warning)'],
  'request-parameter-enum-added': ['breaking', 'the parameter now takes only the listed values; api-smart-diff calls adding an enum non-breaking'],
  'request-parameter-enum-removed': ['not breaking', 'every value accepted before still is; api-smart-diff reports each dropped enum item as a replaced value'],
  'request-parameter-format-changed': ['not breaking', 'manual format changes are Integer->Long style widenings; same TS type (warning)'],
  'request-parameter-serialization-changed': ['breaking', 'x-refspec-serialization changes the wire format; api-smart-diff leaves x- fields unclassified'],
  'request-property-enum-added': ['breaking', 'the property now takes only the listed values; api-smart-diff calls adding an enum non-breaking'],
  'request-property-enum-removed': ['not breaking', 'every value accepted before still is; api-smart-diff reports each dropped enum item as a replaced value'],
  'request-property-removed': ['breaking', 'typed clients stop compiling where they set it; api-smart-diff assumes servers ignore extra fields'],
  'request-property-type-changed': ['breaking', 'the property is inside contentSchema (JSON-string parameter), which api-smart-diff does not classify'],
  'response-error-status-removed': ['not breaking', 'error handling for it becomes dead code, nothing fails (warning)'],
  'response-property-became-required': ['not breaking', 'api-smart-diff diffs components/schemas as if request schemas; the schema is only used in a response'],
  'response-property-enum-added': ['not breaking', 'a response limited to listed values breaks nobody; api-smart-diff reports the new enum items as replaced values'],
  'response-property-enum-value-added': ['not breaking', 'warning: only exhaustive switches meet a new value'],
  'response-property-enum-value-removed': ['not breaking', 'a response returning fewer values breaks nobody; api-smart-diff flags the components/schemas copy'],
  'response-property-format-changed': ['not breaking', 'warning; api-smart-diff flags the components/schemas copy as a request change'],
  'response-property-removed': ['breaking', 'generated TS types lose the field, so code reading it stops compiling; api-smart-diff: optional field, non-breaking'],
  'schema-component-renamed': ['not breaking', 'wire format unchanged (warning for the generated type name); api-smart-diff sees a removed component'],
  'security-scheme-added': ['not breaking', 'no operation requires the new scheme; api-smart-diff flags any components change'],
  'security-scheme-changed': ['breaking', 'x-refspec-signing (the signing algorithm) changed; api-smart-diff leaves x- fields unclassified'],
  'security-scheme-removed': ['breaking', 'generated clients expose one credential option per scheme; api-smart-diff: non-breaking'],
  'server-removed': ['breaking', 'clients configured with that base URL stop working; api-smart-diff calls servers annotations'],
};

describe('agreement with api-smart-diff on the fixture pairs', () => {
  const verdicts = fixturePairs().map((p) => verdict(p.name, p.base, p.revision));

  it('disagrees exactly on the explained pairs, in the explained direction', () => {
    const disagreements = Object.fromEntries(verdicts.filter((v) => v.ours !== v.theirs).map((v) => [v.pair, v.ours ? 'breaking' : 'not breaking']));
    expect(disagreements).toEqual(Object.fromEntries(Object.entries(EXPLAINED).map(([k, [ours]]) => [k, ours])));
  });

  it('agrees on most pairs', () => {
    const agree = verdicts.filter((v) => v.ours === v.theirs).length;
    expect(agree).toBe(verdicts.length - Object.keys(EXPLAINED).length);
    expect(agree / verdicts.length).toBeGreaterThan(0.6);
  });
});
