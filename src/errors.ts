/**
 * Known errors: the CLI prints their message on one line and exits with code 2; anything else is a
 * bug and prints a stack only with --debug. Messages never hold a secret.
 */
export class TokscanError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command-line arguments or environment settings. */
export class UsageError extends TokscanError {}

/** A bad configuration or policy file. */
export class ConfigError extends TokscanError {}
