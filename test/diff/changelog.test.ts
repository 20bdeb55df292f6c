/**
 * The manual-update workflow: replacing a manual (new bytes) and regenerating prepends a changelog
 * entry headed by the manual's document version (plus a content hash when the version did not
 * change); a toolchain change (same bytes) leaves the changelog alone, and the outputs `check`
 * computes equal what `regen` writes.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRefspecConfig } from '../../scripts/config.ts';
import { computeApiOutputs, type ApiOutputs } from '../../scripts/project.ts';
import { changelogPath, insertEntry, manualChanged, manualLabels, marker } from '../../scripts/diff/changelog.ts';
import { writeIfChanged } from '../../scripts/util/fs.ts';

const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const NAME = 'alibaba-servicemesh-2020-01-11';
const CHANGELOG = changelogPath(NAME);

let root: string;
const original = readFileSync(join(process.cwd(), MANUAL), 'utf8');

/** The 2022-10-18 "vendor update": new footer version, one operation gone, one field added. */
function vendorUpdate(text: string): string {
  let t = text.replaceAll('Document  Version: 20220712', 'Document  Version: 20221018');
  const a = t.indexOf('\nRevokes a kubeconfig file of an Alibaba Cloud Service Mesh (ASM) instance and generates a new kubeconfig file.');
  const b = t.indexOf('\nQueries the check results of an Alibaba Cloud Service Mesh (ASM) instance.');
  t = t.slice(0, a) + t.slice(b);
  return t.replace(
    'The content of the kubeconfig file of the cluster.\n',
    'The content of the kubeconfig file of the cluster.\n\nExpireTime String 2022-07-12T10:00:00Z The time when the kubeconfig file expires.\n',
  );
}

async function compute(): Promise<ApiOutputs> {
  const config = await loadRefspecConfig(root);
  return computeApiOutputs(config, config.apis[0]);
}

/** What `regen` does with the computed outputs. */
async function write(out: ApiOutputs): Promise<string[]> {
  const changed: string[] = [];
  for (const [p, c] of [...out.files.entries()].sort(([x], [y]) => x.localeCompare(y))) if (await writeIfChanged(join(root, p), c)) changed.push(p);
  return changed;
}

const read = (p: string) => readFileSync(join(root, p), 'utf8');

beforeAll(() => {
  // Importing the producer registers it with project.ts (as scripts/producers.ts does for regen).
  root = mkdtempSync(join(tmpdir(), 'refspec-changelog-'));
  mkdirSync(join(root, 'sources'));
  writeFileSync(join(root, 'sources/manual.txt'), original);
  writeFileSync(
    join(root, 'sources/refspec.config.json'),
    JSON.stringify({ apis: [{ name: NAME, source: 'sources/manual.txt', dialect: 'alibaba-rpc', generated: 'alibaba-servicemesh' }] }),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('changelog workflow', () => {
  it('registers the producer', async () => {
    await import('../../scripts/diff/changelog.ts');
  });

  it('first build: no changelog', async () => {
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    await write(out);
    expect(existsSync(join(root, CHANGELOG))).toBe(false);
  });

  it('regen without a new manual leaves the changelog alone', async () => {
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    expect(await write(out)).toEqual([]);
  });

  it('a toolchain change (same manual bytes, different spec) adds no entry, but the change is reported', async () => {
    const spec = read(`spec/${NAME}.openapi.yaml`);
    expect(spec).toMatch(/\n {4}sha256: [0-9a-f]{64}\n/);
    writeFileSync(join(root, `spec/${NAME}.openapi.yaml`), spec.replace('summary:', 'summary: (older emitter)'));
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    expect(out.change?.manualChanged).toBe(false);
    await write(out); // restores the spec
  });

  it('a spec committed before hashes were kept, same document version: no entry', async () => {
    const spec = read(`spec/${NAME}.openapi.yaml`);
    writeFileSync(join(root, `spec/${NAME}.openapi.yaml`), spec.replace(/\n {4}sha256: [0-9a-f]{64}\n/, '\n'));
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    expect(out.change?.manualChanged).toBe(false);
    await write(out);
  });

  it('the same manual bytes under another file name: no entry', async () => {
    const config = JSON.parse(read('sources/refspec.config.json'));
    writeFileSync(join(root, 'sources/renamed.txt'), original);
    config.apis[0].source = 'sources/renamed.txt';
    writeFileSync(join(root, 'sources/refspec.config.json'), JSON.stringify(config));
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    expect(out.change?.manualChanged).toBe(false);
    config.apis[0].source = 'sources/manual.txt';
    writeFileSync(join(root, 'sources/refspec.config.json'), JSON.stringify(config));
  });

  it('a new manual version prepends one entry, dated by the document version', async () => {
    writeFileSync(join(root, 'sources/manual.txt'), vendorUpdate(original));
    const checkView = await compute(); // what `check` would compute before regen: the same content
    const out = await compute();
    expect(out.files.get(CHANGELOG)).toBe(checkView.files.get(CHANGELOG));
    const text = out.files.get(CHANGELOG)!;
    expect(text).toMatch(/^# alibaba-servicemesh-2020-01-11 changelog\n/);
    expect(text).toContain(`${marker('20220712', '20221018')}\n## Manual 20221018\n`);
    expect(text).toContain('manual 20220712 → 20221018, API version 2020-01-11.');
    expect(text).toContain('1 breaking change, 0 warnings, 1 other change.');
    expect(text).toMatch(/### Breaking changes\n\n- `RevokeKubeconfig`: operation RevokeKubeconfig \(GET \/#Action=RevokeKubeconfig\) was removed \(`operation-removed`; was sources\/manual.txt:\d+-\d+\)\n/);
    expect(text).toMatch(/### Other changes\n\n- `DescribeServiceMeshKubeconfig`: response 200 has a new property ExpireTime \(`response-property-added`; now sources\/manual.txt:\d+\)\n/);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT|\d\d:\d\d:\d\d/); // no clock
    expect(out.change).toMatchObject({ manualChanged: true, from: '20220712', to: '20221018', changelog: CHANGELOG });
    const changed = await write(out);
    expect(changed).toContain(CHANGELOG);
    expect(changed).toContain(`spec/${NAME}.openapi.yaml`);
  });

  it('after regen: a second regen and check see nothing to do', async () => {
    const before = read(CHANGELOG);
    const out = await compute();
    expect(out.files.has(CHANGELOG)).toBe(false);
    expect(await write(out)).toEqual([]);
    expect(read(CHANGELOG)).toBe(before);
  });

  it('an interrupted regen (changelog written, spec not) does not stack a duplicate entry', async () => {
    const entryCount = (s: string) => s.split('<!-- refspec-changelog:').length - 1;
    const after = read(CHANGELOG);
    // put the old spec back, as if regen died between writing the changelog and the spec
    writeFileSync(join(root, 'sources/manual.txt'), original);
    const old = await compute();
    writeFileSync(join(root, `spec/${NAME}.openapi.yaml`), old.files.get(`spec/${NAME}.openapi.yaml`)!);
    writeFileSync(join(root, `spec/${NAME}.sourcemap.json`), old.files.get(`spec/${NAME}.sourcemap.json`)!);
    writeFileSync(join(root, 'sources/manual.txt'), vendorUpdate(original));
    const again = await compute();
    expect(entryCount(again.files.get(CHANGELOG)!)).toBe(1);
    expect(again.files.get(CHANGELOG)).toBe(after);
  });
});

describe('manual identity', () => {
  const spec = (documentVersion: string, sha256?: string) => ({ info: { version: '1', 'x-refspec-source': { documentVersion, ...(sha256 ? { sha256 } : {}) } } });
  it.each([
    ['same bytes, same version', spec('20220712', 'a'.repeat(64)), spec('20220712', 'a'.repeat(64)), false, '20220712 (content aaaaaaaaaaaa)', '20220712 (content aaaaaaaaaaaa)'],
    ['new bytes, same version (re-issued)', spec('20220712', 'a'.repeat(64)), spec('20220712', 'b'.repeat(64)), true, '20220712 (content aaaaaaaaaaaa)', '20220712 (content bbbbbbbbbbbb)'],
    ['new bytes, new version', spec('20220712', 'a'.repeat(64)), spec('20221018', 'b'.repeat(64)), true, '20220712', '20221018'],
    ['no hash committed, same version', spec('20220712'), spec('20220712', 'b'.repeat(64)), false, '20220712', '20220712 (content bbbbbbbbbbbb)'],
    ['no hash committed, new version', spec('20220712'), spec('20221018', 'b'.repeat(64)), true, '20220712', '20221018'],
  ])('%s', (_name, previous, fresh, changed, from, to) => {
    expect(manualChanged(previous, fresh)).toBe(changed);
    expect(manualLabels(previous, fresh)).toEqual({ from, to });
  });
});

describe('insertEntry', () => {
  const header = '# api changelog\n\nIntro.\n';
  it('puts the newest entry first, below the header', () => {
    const one = insertEntry(header, `${marker('1', '2')}\n## Manual 2\n\nA.\n`, marker('1', '2'));
    const two = insertEntry(one, `${marker('2', '3')}\n## Manual 3\n\nB.\n`, marker('2', '3'));
    expect(two).toBe(`# api changelog\n\nIntro.\n\n${marker('2', '3')}\n## Manual 3\n\nB.\n\n${marker('1', '2')}\n## Manual 2\n\nA.\n`);
  });
  it('replaces an entry for the same pair of versions', () => {
    const one = insertEntry(header, `${marker('1', '2')}\n## Manual 2\n\nA.\n`, marker('1', '2'));
    expect(insertEntry(one, `${marker('1', '2')}\n## Manual 2\n\nA2.\n`, marker('1', '2'))).toBe(`# api changelog\n\nIntro.\n\n${marker('1', '2')}\n## Manual 2\n\nA2.\n`);
  });
  it('keeps document-derived versions from closing the marker comment', () => {
    expect(marker('a-->b', 'c\n<d>')).toBe('<!-- refspec-changelog: a- b -> c d -->');
  });
  it('keeps hand edits to older entries', () => {
    const one = insertEntry(header, `${marker('1', '2')}\n## Manual 2\n\nA. (edited by hand)\n`, marker('1', '2'));
    expect(insertEntry(one, `${marker('2', '3')}\n## Manual 3\n`, marker('2', '3'))).toContain('A. (edited by hand)');
  });
});
