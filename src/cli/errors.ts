// Exit codes are a contract (README "Exit codes"): only the CLI chooses them.

/** 0: nothing in `--fail-on` was hit. */
export const EXIT_OK = 0;
/** 1: the policy failed (an outcome in `--fail-on`, an unknown licence text, an expired exception). */
export const EXIT_POLICY = 1;
/** 2: usage or configuration error: bad flags, a bad expression, a bad config file. */
export const EXIT_USAGE = 2;
/** 3: internal error: a bug in copyfair. */
export const EXIT_INTERNAL = 3;

/** An error the user can act on: printed without a stack trace, exits with `exitCode`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
