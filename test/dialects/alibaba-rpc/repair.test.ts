/**
 * repair.ts: ligature splits are joined only when the document's own vocabulary attests the joined
 * word (or it is a known identifier); real word pairs stay; wrapped cells and prose lines rejoin.
 * Inputs are lines of the manual (read from the fixtures by their manual line number).
 */
import { describe, expect, it } from 'vitest';
import { Vocabulary, joinProse, joinWrapped, repairLigatures, tidy } from '../../../scripts/dialects/alibaba-rpc/repair.ts';
import { fixtureLines, lineAt, manualVocab, slice, vocabOf, type FixtureName } from './helpers.ts';

const text = (fixture: FixtureName, line: number) => lineAt(fixtureLines(fixture), line).text;

describe('Vocabulary', () => {
  it('counts words case-insensitively, keeps hyphenated words whole, ignores one-letter tokens', () => {
    const v = new Vocabulary();
    // Manual line 5500: "value of ist io-readonly indicates the read-"
    v.addText(text('permissions', 5500));
    v.addText(text('permissions', 5500));
    expect(v.count('io-readonly')).toBe(2);
    expect(v.count('VALUE')).toBe(2);
    expect(v.count('readonly')).toBe(0);
    expect(v.knows('io-readonly')).toBe(true);
    expect(v.knows('ist')).toBe(true);
    const once = new Vocabulary();
    once.addText(text('permissions', 5500));
    expect(once.knows('indicates')).toBe(false); // attested once only
  });

  it('knows identifiers exactly as given', () => {
    const v = new Vocabulary();
    v.addIdentifier('UpdateMeshFeature');
    expect(v.knows('UpdateMeshFeature')).toBe(true);
    expect(v.knows('updatemeshfeature')).toBe(false);
  });
});

describe('repairLigatures with the manual as vocabulary', () => {
  type Case = [fixture: FixtureName, line: number, contains: string[], notContains: string[]];
  const cases: Case[] = [
    // "t he", "t o", "t his", "underst and" -> attested words.
    ['legal-disclaimer', 2, ['reminds you to carefully', 'fully understand the', 'of this legal'], ['t he', 't o ', 't his', 'underst and']],
    // "t ime" inside a description (response table of DescribeServiceMeshDetail).
    ['describe-service-mesh-detail-response', 2961, ['The point in time when the ASM instance was'], ['t ime']],
    // "Saf et y Verif icat ion" is never printed intact: "Safety" and "Verification" are unknown words.
    ['access-key-header', 428, ['In the Saf et y'], ['Safety']],
    // Real word pairs whose join is a word of the manual too ("hostname", "AuditProject", "NotFound").
    ['registered-service-rows', 8102, ['The host name of the registered service.'], ['hostname']],
    ['audit-project-status', 3480, ['Indicates whether an audit project exists in the'], ['auditproject']],
    ['create-service-mesh-errors', 1374, ['404 ERR404 Not found'], ['Notfound']],
    // Pairs that are not splits at all.
    ['operations-list', 222, ['sidecar proxies at the namespace level'], []],
    ['create-service-mesh-request', 636, ['If you do not set this'], ['notset']],
  ];
  it.each(cases)('%s line %i', (fixture, line, contains, notContains) => {
    const out = repairLigatures(text(fixture, line), manualVocab());
    for (const c of contains) expect(out).toContain(c);
    for (const c of notContains) expect(out).not.toContain(c);
  });

  it('joins an operation name split by ligatures when the manual prints it intact ("Creat eGat ewaySecret")', () => {
    // Manual line 8717: "Set the value to Creat eGat ewaySecret   ."
    expect(repairLigatures('Set the value to Creat eGat ewaySecret   .', manualVocab())).toBe('Set the value to CreateGatewaySecret.');
  });

  it('joins a name split into four fragments once it is a known identifier (manual line 10939)', () => {
    // "DescribeIst ioGat ewayRout es    ." (DescribeIstioGatewayRoutes' Action row): four fragments.
    const v = new Vocabulary();
    expect(repairLigatures('DescribeIst ioGat ewayRout es    .', v)).toBe('DescribeIst ioGat ewayRout es.');
    v.addIdentifier('DescribeIstioGatewayRoutes');
    expect(repairLigatures('DescribeIst ioGat ewayRout es    .', v)).toBe('DescribeIstioGatewayRoutes.');
  });

  it('joins "Creat e" (manual line 426)', () => {
    expect(repairLigatures(text('access-key-header', 426), manualVocab())).toBe('b. On the AccessKey Pair page, click Create AccessKey.');
  });

  it('joins "cert if icate" across three fragments (manual line 5360)', () => {
    expect(repairLigatures('Obtains a cert if icate issued by a cert if icate authority (CA).', manualVocab())).toBe(
      'Obtains a certificate issued by a certificate authority (CA).',
    );
  });
});

describe('repairLigatures: attestation is required', () => {
  it('leaves "t ime" alone when the vocabulary (one excerpt) never has "time" intact', () => {
    const local = vocabOf(['describe-service-mesh-detail-response']);
    expect(local.count('time')).toBe(0);
    const line = text('describe-service-mesh-detail-response', 2961);
    expect(repairLigatures(line, local)).toBe('The point in t ime when the ASM instance was');
    expect(repairLigatures(line, manualVocab())).toBe('The point in time when the ASM instance was');
  });

  it('joins "Updat eMeshFeat ure" as an identifier, not as a word', () => {
    // The operation list names UpdateMeshFeature once: not attested as a word by this excerpt.
    const v = vocabOf(['operations-list']);
    expect(v.count('UpdateMeshFeature')).toBe(1);
    const printed = 'Set the value to Updat eMeshFeat ure  .';
    expect(repairLigatures(printed, v)).toBe('Set the value to Updat eMeshFeat ure.');
    v.addIdentifier('UpdateMeshFeature');
    expect(repairLigatures(printed, v)).toBe('Set the value to UpdateMeshFeature.');
  });

  it('normalises spacing around punctuation even with nothing to join', () => {
    // Manual line 679: "Default value:  false ." (no t/f split in it)
    expect(repairLigatures(text('create-service-mesh-request', 679), manualVocab())).toBe('Default value: false.');
  });
});

describe('joinWrapped', () => {
  it.each([
    // Example cells wrapped mid-value in CreateServiceMesh's request table.
    [617, 619, 'vpc-xzelac2tw4ic7wz31****'],
    [659, 661, '["vsw-xzegf5dndkbf4m6eg****"]'],
    [611, 612, 'v1.5.4.1-g5960ec40-aliyun'],
    // A name wrapped in the first column.
    [681, 682, 'LocalityLoadBalancing'],
  ])('lines %i-%i -> %s', (from, to, expected) => {
    const parts = slice(fixtureLines('create-service-mesh-request'), from, to).map((l) => l.text);
    expect(parts.length).toBe(to - from + 1);
    expect(joinWrapped(parts)).toBe(expected);
  });
});

describe('joinProse', () => {
  it('joins lines with a space', () => {
    const lines = slice(fixtureLines('create-service-mesh-request'), 607, 608).map((l) => l.text);
    expect(joinProse(lines, manualVocab())).toBe('The ID of the region in which the ASM instance to be created resides.');
  });

  it('joins a hyphenated word broken after its hyphen when the manual knows it ("plug-" / "in.")', () => {
    const lines = slice(fixtureLines('create-service-mesh-request'), 725, 726).map((l) => l.text);
    expect(lines).toEqual(['false : does not install the OPA plug-', 'in.']);
    expect(joinProse(lines, manualVocab())).toBe('false : does not install the OPA plug-in.');
  });

  it('keeps a space after a hyphen when the joined word is unknown', () => {
    const v = new Vocabulary();
    expect(joinProse(['the OPA plug-', 'in.'], v)).toBe('the OPA plug- in.');
  });
});

describe('tidy', () => {
  it('collapses spaces the extraction left around inline code', () => {
    // Manual lines 5494-5495, joined: "Valid values:  istio-admin" / " ,  istio-ops , and  istio-readonl"
    expect(tidy('Valid values:  istio-admin ,  istio-ops , and  ( x )')).toBe('Valid values: istio-admin, istio-ops, and (x)');
  });
});
