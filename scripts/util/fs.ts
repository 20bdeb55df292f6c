import { access, constants, lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../extract/types.ts';

/** An output that cannot be written (a folder where a file is meant, no permission, no space…): exit 2. */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'OutputError';
  }
}

function errnoProblem(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot write it (permission denied)';
    case 'EROFS':
      return 'cannot write it (read-only file system)';
    case 'ENOSPC':
      return 'cannot write it (no space left on the device)';
    case 'EDQUOT':
      return 'cannot write it (disk quota exceeded)';
    case 'EISDIR':
      return 'is a folder, expected a file name';
    case 'ENOTDIR':
      return 'cannot write it (a parent in the path is a file, not a folder)';
    case 'ENOENT':
      return 'cannot write it (files cannot be created in that folder)';
    case 'ENAMETOOLONG':
      return 'cannot write it (name too long)';
    default:
      return `cannot write it (${e?.code ?? e?.message ?? String(err)})`;
  }
}

function tmpName(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Atomic write: the content goes to a temporary file beside the target, which is then renamed over
 * it. A reader (or a crash) never sees a half-written file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpName(path);
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

/**
 * Refuse a destination that cannot be written, before anything is written: a folder (or device)
 * where a file is meant, a parent path that runs through a file, a folder without write permission.
 * Missing folders are fine (they are created).
 */
export async function checkDestination(path: string, label = path): Promise<void> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    if (err.code === 'ENOTDIR') throw new OutputError(label, 'cannot write it (a parent in the path is a file, not a folder)');
    throw new OutputError(label, errnoProblem(err));
  });
  if (st?.isDirectory()) throw new OutputError(label, 'is a folder, expected a file name');
  if (st && !st.isFile()) throw new OutputError(label, 'exists and is not a regular file');
  let dir = dirname(resolve(path));
  for (;;) {
    const d = await stat(dir).catch(() => undefined);
    if (d) {
      if (!d.isDirectory()) throw new OutputError(label, `cannot write it (${dir} is a file, not a folder)`);
      try {
        await access(dir, constants.W_OK | constants.X_OK);
      } catch {
        throw new OutputError(label, `cannot write it (folder ${dir} is not writable)`);
      }
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  /** Name shown in messages (default: path). */
  label?: string;
}

function same(old: Buffer | undefined, content: string | Uint8Array): boolean {
  if (old === undefined) return false;
  return typeof content === 'string' ? old.length === Buffer.byteLength(content) && old.toString('utf8') === content : old.equals(content);
}

/**
 * Write several outputs all-or-nothing: every destination is checked first, then each changed file
 * is written to a temporary file beside it, then all are renamed into place. A failure while
 * writing the temporary files leaves every target untouched; a failure while renaming puts back the
 * files already renamed. Returns the paths that changed (unchanged files are not rewritten when
 * `onlyChanged`). Throws OutputError naming the file and the problem.
 */
export async function writeOutputs(files: OutputFile[], opts: { onlyChanged?: boolean } = {}): Promise<string[]> {
  for (const f of files) await checkDestination(f.path, f.label);
  const olds = await Promise.all(files.map((f) => readFile(f.path).catch(() => undefined)));
  const todo = files.map((f, i) => ({ ...f, old: olds[i] })).filter((f) => !(opts.onlyChanged && same(f.old, f.content)));
  const created: string[] = [];
  const staged: { file: (typeof todo)[number]; tmp: string }[] = [];
  const cleanUp = async () => {
    for (const s of staged) await rm(s.tmp, { force: true });
    for (const d of created.reverse()) await rm(d, { recursive: true, force: true });
  };
  for (const f of todo) {
    try {
      const made = await mkdir(dirname(f.path), { recursive: true });
      if (made) created.push(made);
      const tmp = tmpName(f.path);
      staged.push({ file: f, tmp });
      await writeFile(tmp, f.content);
    } catch (err) {
      await cleanUp();
      throw new OutputError(f.label ?? f.path, errnoProblem(err));
    }
  }
  const done: (typeof staged)[number][] = [];
  for (const s of staged) {
    try {
      await rename(s.tmp, s.file.path);
      done.push(s);
    } catch (err) {
      // Put back what was already replaced, newest first; drop the rest.
      for (const d of done.reverse()) {
        if (d.file.old === undefined) await rm(d.file.path, { force: true });
        else await writeFileAtomic(d.file.path, d.file.old).catch(() => undefined);
      }
      await cleanUp();
      throw new OutputError(s.file.label ?? s.file.path, errnoProblem(err));
    }
  }
  return todo.map((f) => f.path);
}

/** True when `path` names an existing folder, or ends with a path separator (a folder to create). */
export async function isFolderPath(path: string): Promise<boolean> {
  if (/[\\/]$/.test(path)) return true;
  const st = await lstat(path).catch(() => undefined);
  if (st?.isSymbolicLink()) return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
  return st?.isDirectory() ?? false;
}

/**
 * Read a text input (a spec, a config): refuses a missing file, a folder, an empty file and binary
 * data with an InputError naming the file; decodes UTF-8 (BOM dropped) and UTF-16 with a BOM.
 */
export async function readTextInput(path: string, label = path): Promise<string> {
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new InputError(label, 'cannot read file (does it exist?)');
  if (!st.isFile()) throw new InputError(label, st.isDirectory() ? 'is a folder, expected a file' : 'not a regular file');
  const bytes = await readFile(path).catch(() => {
    throw new InputError(label, 'cannot read file (permission denied?)');
  });
  return decodeText(bytes, label);
}

export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new InputError(label, 'file is empty');
  const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(label, enc === 'utf-8' ? 'not UTF-8 text (binary data?)' : `${enc.toUpperCase()} text with invalid sequences`);
  }
  if (text.includes('\u0000')) throw new InputError(label, 'binary data (NUL bytes), expected text');
  if (!text.trim()) throw new InputError(label, 'file has no text (only white space)');
  return text;
}
