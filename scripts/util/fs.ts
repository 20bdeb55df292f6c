import { mkdir, rename, writeFile, rm, readFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Atomic write: the content goes to a temporary file beside the target, which is then renamed over
 * it. A reader (or a crash) never sees a half-written file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Write only when the content differs; returns whether the file changed. */
export async function writeIfChanged(path: string, content: string): Promise<boolean> {
  const old = await readFile(path, 'utf8').catch(() => undefined);
  if (old === content) return false;
  await writeFileAtomic(path, content);
  return true;
}
