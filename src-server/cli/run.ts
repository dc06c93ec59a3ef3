import { DatabaseTooNewError } from '../db/migrate';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { importCommand, IMPORT_USAGE } from './import-command';
import { serveCommand, SERVE_USAGE } from './serve-command';
import { tokenCommand, TOKEN_USAGE } from './token-command';

const USAGE = `usage:\n  ${SERVE_USAGE}\n  ${IMPORT_USAGE}\n  ${TOKEN_USAGE}\n`;

const COMMANDS: Record<string, (argv: string[], io: ServerCliIo) => Promise<void>> = {
  serve: serveCommand,
  import: importCommand,
  token: tokenCommand,
};

/** Runs one command line; returns the exit code (a running server returns 0 once it is up). */
export async function runServerCli(argv: string[], io: ServerCliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  // No command, or flags first: serve (so `npm run server -- --demo` works).
  const [name, args] = first === undefined || first.startsWith('-') ? ['serve', argv] : [first, rest];
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`creditbar-server: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    await command(args, io);
    return 0;
  } catch (err) {
    if (err instanceof ServerCliError) {
      io.stderr(`creditbar-server: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof DatabaseTooNewError) {
      io.stderr(`creditbar-server: ${err.message}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr(`creditbar-server: cannot listen (${code}): pick another --port, or 0 for any free one\n`);
      return 1;
    }
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.stderr(`creditbar-server: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
