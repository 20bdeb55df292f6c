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

/**
 * Exit codes: 0 ok, 1 findings (lint errors, stale outputs, breaking changes with --fail-on,
 * document warnings with --strict), 2 bad input or usage, 70 internal error (a bug).
 */
export const EXIT = { ok: 0, problems: 1, input: 2, internal: 70 } as const;

/** A mistake on the command line: printed as one line, exit 2. */
export class UsageError extends Error {}
