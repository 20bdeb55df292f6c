/**
 * Atomicity: a process killed (SIGKILL) in the middle of writing an output leaves the committed
 * file either with its old content or absent — never half-written. The control case (a plain
 * writeFile killed the same way) shows the kill really lands mid-write.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp as mkdtempRaw, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.ts';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CHILD = join(ROOT, 'test', 'robustness', 'atomic-child.ts');
const MB = 192;
const OLD = 'old content, committed by an earlier run\n';

/** Start the child writer and SIGKILL it as soon as `partial()` reports bytes on disk. */
async function killMidWrite(mode: 'atomic' | 'plain', target: string, partial: () => Promise<boolean>): Promise<string> {
  const child = spawn(process.execPath, [TSX, CHILD, mode, target, String(MB)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    if (await partial()) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await exited;
  return out;
}

const fullSize = MB * 1024 * 1024;

// Each case leaves up to MB megabytes behind (the killed writer's file): remove them afterwards.
const dirs: string[] = [];
async function mkdtemp(prefix: string): Promise<string> {
  const d = await mkdtempRaw(prefix);
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeFileAtomic under SIGKILL', () => {
  it('control: a plain write killed mid-way leaves a half-written file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refspec-atomic-'));
    const target = join(dir, 'api.openapi.yaml');
    await writeFile(target, OLD);
    const out = await killMidWrite('plain', target, async () => {
      const s = await stat(target).catch(() => undefined);
      return s !== undefined && s.size > OLD.length && s.size < fullSize;
    });
    expect(out).not.toContain('done');
    const size = (await stat(target)).size;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(fullSize);
  });

  it('atomic write killed mid-way leaves the old content, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refspec-atomic-'));
    const target = join(dir, 'api.openapi.yaml');
    await writeFile(target, OLD);
    let sawTemp = false;
    const out = await killMidWrite('atomic', target, async () => {
      for (const f of await readdir(dir)) {
        if (f.startsWith('.api.openapi.yaml.tmp-')) {
          const s = await stat(join(dir, f)).catch(() => undefined);
          if (s && s.size > 0 && s.size < fullSize) return (sawTemp = true);
        }
      }
      return false;
    });
    expect(out).not.toContain('done');
    expect(sawTemp).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(OLD);
  });

  it('atomic write of a new file killed mid-way leaves no file at all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refspec-atomic-'));
    const target = join(dir, 'new.openapi.yaml');
    let sawTemp = false;
    await killMidWrite('atomic', target, async () => {
      for (const f of await readdir(dir)) {
        if (f.startsWith('.new.openapi.yaml.tmp-')) {
          const s = await stat(join(dir, f)).catch(() => undefined);
          if (s && s.size > 0 && s.size < fullSize) return (sawTemp = true);
        }
      }
      return false;
    });
    expect(sawTemp).toBe(true);
    expect(await readdir(dir)).not.toContain('new.openapi.yaml');
  });
});
