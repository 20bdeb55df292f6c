/** Shared CLI plumbing: flags, progress on stderr, exit codes. */
export interface GlobalFlags {
  quiet: boolean;
  json: boolean;
}

export class Progress {
  constructor(private readonly flags: GlobalFlags) {}
  stage(api: string, stage: string): void {
    if (!this.flags.quiet) process.stderr.write(`refspec: ${api}: ${stage}\n`);
  }
  info(message: string): void {
    if (!this.flags.quiet) process.stderr.write(`${message}\n`);
  }
}

/** Exit codes: 0 ok, 1 the check/diff/lint found problems, 2 bad input or usage. */
export const EXIT = { ok: 0, problems: 1, input: 2 } as const;

export class UsageError extends Error {}
