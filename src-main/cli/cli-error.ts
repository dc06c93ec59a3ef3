/** Exit codes: 1 bad input (a ledger, a cache, a server answer), 2 a wrong command line. */
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** A failure the user can fix, printed as one line on stderr with no stack trace. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = EXIT_BAD_INPUT) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** `--help` (or `-h`) on a command: its usage goes to stdout and the command exits 0. */
export class CliHelp extends Error {
  constructor(readonly usage: string) {
    super('help');
    this.name = 'CliHelp';
  }
}
