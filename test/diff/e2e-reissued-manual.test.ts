/**
 * The doc-update workflow end to end, through the real CLI, for a vendor that re-issues its manual
 * without bumping the "Document Version" footers: five real changes (an operation removed, a
 * parameter became required, a type changed, a response field removed, an optional parameter
 * added). `check` must fail naming the manual change, `regen` must write a changelog entry listing
 * every change (breaking first, headed by the version and a short content hash) and say so on
 * stderr, `--fail-on breaking` must exit 1 after writing, and a second regen and check are clean.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT, type CliRun } from '../robustness/cli.ts';
import { reissue, REISSUE_CHANGES } from './reissue.ts';

const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const NAME = 'alibaba-servicemesh-2020-01-11';
const GENERATED = 'alibaba-servicemesh';
const SPEC = `spec/${NAME}.openapi.yaml`;
const CHANGELOG = `spec/${NAME}.CHANGELOG.md`;

let root: string;
const original = readFileSync(join(ROOT, MANUAL));
const edited = reissue(original.toString('utf8'));
const short = (b: Buffer | string) => createHash('sha256').update(b).digest('hex').slice(0, 12);
const FROM = `20220712 (content ${short(original)})`;
const TO = `20220712 (content ${short(edited)})`;
const cli = (args: string[]) => runCli(args, { cwd: root });
const read = (p: string) => readFileSync(join(root, p), 'utf8');

const BREAKING_LINES = [
  '  BREAKING DeleteIstioGatewayDomains: type of query parameter Limit changed from string to integer [request-parameter-type-changed]',
  '  BREAKING DescribeServiceMeshKubeconfig: query parameter PrivateIpAddress became required [request-parameter-became-required]',
  '  BREAKING DescribeServiceMeshKubeconfig: response 200 property Kubeconfig was removed [response-property-removed]',
  '  BREAKING RevokeKubeconfig: operation RevokeKubeconfig (GET /#Action=RevokeKubeconfig) was removed [operation-removed]',
];

beforeAll(() => {
  // A project with the bundled Alibaba manual and its committed outputs, as a user's checkout is.
  root = mkdtempSync(join(tmpdir(), 'refspec-reissue-'));
  mkdirSync(join(root, 'sources'));
  mkdirSync(join(root, 'spec'));
  writeFileSync(join(root, MANUAL), original);
  writeFileSync(
    join(root, 'sources/refspec.config.json'),
    JSON.stringify({ apis: [{ name: NAME, source: MANUAL, dialect: 'alibaba-rpc', generated: GENERATED }] }, null, 2),
  );
  for (const ext of ['openapi.yaml', 'report.md', 'sourcemap.json']) cpSync(join(ROOT, 'spec', `${NAME}.${ext}`), join(root, 'spec', `${NAME}.${ext}`));
  cpSync(join(ROOT, 'generated', GENERATED), join(root, 'generated', GENERATED), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each step is a whole regen or check of the Alibaba manual in a child process (10-20 s idle, much
// more on a loaded machine).
describe('a re-issued manual with unchanged footers', { timeout: 240_000 }, () => {
  let check: CliRun;
  let regen: CliRun;

  it('check fails, lists the stale files and names the manual change with its breaking changes', async () => {
    writeFileSync(join(root, MANUAL), edited); // overwritten in place, as README step 1 allows
    check = await cli(['check', '--quiet']);
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n')).toEqual(expect.arrayContaining([`differs: ${SPEC}`, `missing: ${CHANGELOG}`]));
    expect(check.errLines[0]).toBe(
      `refspec: ${NAME}: manual changed (${FROM} -> ${TO}): 4 breaking changes, 0 warnings, 1 other change; run \`npm run regen\``,
    );
    expect(check.errLines.slice(1, 5)).toEqual(BREAKING_LINES);
    expect(existsSync(join(root, CHANGELOG))).toBe(false); // check writes nothing
  });

  it('regen --fail-on breaking writes everything, says what changed on stderr, and exits 1', async () => {
    regen = await cli(['regen', '--fail-on', 'breaking']);
    expect(regen.code).toBe(1);
    const i = regen.errLines.indexOf(
      `refspec: ${NAME}: manual changed (${FROM} -> ${TO}): 4 breaking changes, 0 warnings, 1 other change; entry added to ${CHANGELOG}`,
    );
    expect(i).toBeGreaterThan(-1);
    expect(regen.errLines.slice(i + 1, i + 5)).toEqual(BREAKING_LINES);
    expect(regen.errLines.at(-1)).toBe('refspec regen: 4 change(s) at or above "breaking" (--fail-on breaking); outputs written, exit 1');
    expect(read(SPEC)).not.toContain('RevokeKubeconfig');
  });

  it('the changelog entry is headed by the version and content hash and lists all five changes, breaking first', () => {
    const text = read(CHANGELOG);
    expect(text).toMatch(new RegExp(`^# ${NAME} changelog\\n`));
    const entry = text.slice(text.indexOf('<!-- refspec-changelog:'));
    expect(entry.split('\n').slice(0, 2)).toEqual([`<!-- refspec-changelog: ${FROM} -> ${TO} -->`, `## Manual ${TO}`]);
    expect(entry).toContain('4 breaking changes, 0 warnings, 1 other change.');
    const breaking = entry.indexOf('### Breaking changes');
    const other = entry.indexOf('### Other changes');
    expect(breaking).toBeGreaterThan(-1);
    expect(other).toBeGreaterThan(breaking);
    for (const c of REISSUE_CHANGES) {
      const [level, id, op] = c.split(' ');
      const at = entry.indexOf(`(\`${id}\`;`);
      expect(at, c).toBeGreaterThan(-1);
      expect(entry.lastIndexOf(`\`${op}\``, at), c).toBeGreaterThan(-1);
      if (level === 'breaking') expect(at).toBeLessThan(other);
      else expect(at).toBeGreaterThan(other);
    }
    // every change points at the lines of the manual that says so
    expect(entry).toMatch(/`request-parameter-added`; now sources\/alibaba-cloud-service-mesh-api-reference-20220712\.txt:\d+/);
    expect(entry).not.toMatch(/\d\d:\d\d:\d\d/); // no clock
  });

  it('a second regen changes nothing', async () => {
    const before = read(CHANGELOG);
    const again = await cli(['regen', '--fail-on', 'breaking']);
    expect(again.code).toBe(0);
    expect(again.errLines.find((l) => l.startsWith(`refspec: ${NAME}: 69 operations`) || l.startsWith(`refspec: ${NAME}: 68 operations`))).toMatch(/; 0 of \d+ files changed$/);
    expect(again.stderr).not.toContain('manual changed');
    expect(read(CHANGELOG)).toBe(before);
  });

  it('and check is clean', async () => {
    const ok = await cli(['check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.errLines.at(-1)).toMatch(/^refspec check: \d+ files up to date$/);
  });
});
