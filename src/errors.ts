/** Exit codes shared by every command (see README, "Exit codes"). */
export const ExitCode = {
  Ok: 0,
  /** Validation errors or blocking findings. */
  Findings: 1,
  /** Bad usage, bad configuration or an operational failure. */
  Usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the user: a sentence, what to do, and the exit code it ends with. */
export class DcrError extends Error {
  readonly exitCode: ExitCode;
  readonly hint?: string;

  constructor(message: string, options: { hint?: string; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DcrError';
    this.exitCode = options.exitCode ?? ExitCode.Usage;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

/** Wrong flags or arguments. */
export class UsageError extends DcrError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.Usage, ...(hint === undefined ? {} : { hint }) });
    this.name = 'UsageError';
  }
}
