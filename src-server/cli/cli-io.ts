/** The process around a CLI command: output streams, environment, and how it is told to stop. */
export interface ServerCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Registers what to run on Ctrl-C / SIGTERM. */
  onStop: (stop: () => Promise<void>) => void;
}

/** A mistake on the command line or in the input: one line on stderr and this exit code. */
export class ServerCliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'ServerCliError';
  }
}

/** A wrong command line: one sentence and where to read the usage, exit 2. */
export function usageError(message: string, command?: string): ServerCliError {
  return new ServerCliError(`${message} (see creditbar-server ${command ? `${command} ` : ''}--help)`);
}
