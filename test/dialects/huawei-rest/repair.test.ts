import { describe, expect, it } from 'vitest';
import {
  Vocabulary,
  foldHomoglyphs,
  joinSplitToken,
  joinWrappedTitle,
  readingsOf,
  repairIdentifier,
  restoreLostHyphens,
  stripLatexHeading,
  tidyProse,
} from '../../../scripts/dialects/huawei-rest/repair.ts';

describe('foldHomoglyphs', () => {
  it('reads the Cyrillic "Туре" header as Latin "Type"', () => {
    expect(foldHomoglyphs('Туре')).toEqual({ text: 'Type', changed: true });
  });
  it('leaves Latin text alone', () => {
    expect(foldHomoglyphs('Type')).toEqual({ text: 'Type', changed: false });
  });
});

describe('repairIdentifier', () => {
  const vocab = new Vocabulary();
  vocab.addText('"creationTimestamp": "2025-04-10T07:48:37Z" must match the name field in extensionProviders');
  vocab.add('X-Auth-Token');

  it('joins a name split by a space when the document spells it intact elsewhere', () => {
    expect(repairIdentifier('creationTimes tamp', vocab)).toEqual({ name: 'creationTimestamp', repaired: true, attested: true });
  });
  it('drops the wrap hyphen of "extensionProvid- ers" because the document knows extensionProviders', () => {
    expect(repairIdentifier('extensionProvid- ers', vocab).name).toBe('extensionProviders');
  });
  it('keeps a wrap hyphen that belongs to the name (X-Auth- Token)', () => {
    expect(repairIdentifier('X-Auth- Token', vocab).name).toBe('X-Auth-Token');
  });
  it('corroborates a name split differently in two copies ("excludeOutbo undPorts", "excludeOutbound Ports")', () => {
    const v = new Vocabulary();
    v.addSplit('excludeOutbo undPorts');
    expect(repairIdentifier('excludeOutbound Ports', v).corroborated).toBeUndefined();
    v.addSplit('excludeOutbound Ports');
    expect(repairIdentifier('excludeOutbound Ports', v)).toMatchObject({ name: 'excludeOutboundPorts', corroborated: true });
  });
  it('without any evidence, a camelCase name loses the wrap hyphen and is flagged unattested', () => {
    expect(repairIdentifier('includeOutbound- Ports', new Vocabulary())).toEqual({ name: 'includeOutboundPorts', repaired: true, attested: false });
  });
  it('leaves an intact name unrepaired', () => {
    expect(repairIdentifier('clusterID', vocab)).toMatchObject({ name: 'clusterID', repaired: false });
  });
  it('lists both readings of a hyphen seam', () => {
    expect(readingsOf('includeOutbound- Ports')).toEqual(['includeOutbound-Ports', 'includeOutboundPorts']);
  });
});

describe('split cells', () => {
  it('rejoins an error code split by the extraction', () => {
    expect(joinSplitToken('ASM.01400 001')).toEqual({ text: 'ASM.01400001', changed: true });
  });
  it('rejoins wrapped status titles but not real word pairs', () => {
    expect(joinWrappedTitle('MethodNotAllow ed').text).toBe('MethodNotAllowed');
    expect(joinWrappedTitle('UnprocessableEn- tity').text).toBe('UnprocessableEntity');
    expect(joinWrappedTitle('HTTP Version not supported').changed).toBe(false);
  });
});

describe('prose and headings', () => {
  it('tidies the spacing the extraction leaves before punctuation', () => {
    expect(tidyProse('ASM creates or updates the service mesh by spec .')).toBe('ASM creates or updates the service mesh by spec.');
    expect(tidyProse('InCluster : service mesh')).toBe('InCluster: service mesh');
  });
  it('reads the LaTeX chapter heading', () => {
    expect(stripLatexHeading(' $\\mathbf{4}_{\\mathsf{API}}$')).toBe('4 API');
    expect(stripLatexHeading('4.1 Service Mesh APIs')).toBeUndefined();
  });
});

describe('restoreLostHyphens', () => {
  it('restores "apmotel" as "apm-otel" when the manual prints apm-otel more often (Table 4-19 vs 4-34)', () => {
    const v = new Vocabulary();
    v.addText('use the preset provider apmotel of ASM.\nIf apm-otel is used, ensure that APM 2.0 is supported');
    v.addText('use the preset provider apm-otel of ASM.');
    expect(restoreLostHyphens('use the preset provider apmotel of ASM.', v)).toEqual({ text: 'use the preset provider apm-otel of ASM.', restored: ['apmotel -> apm-otel'] });
  });
  it('leaves a hyphen-less word the manual uses repeatedly ("tokenbased" printed 4 times)', () => {
    const v = new Vocabulary();
    for (let i = 0; i < 4; i++) v.addText('If tokenbased authentication is used');
    v.addText('token-based token-based');
    expect(restoreLostHyphens('If tokenbased authentication', v).restored).toEqual([]);
  });
});
