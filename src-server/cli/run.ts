import { AdminError } from '../admin';
import { DatabaseTooNewError, NotAServerDatabaseError } from '../db/migrate';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { importCommand, IMPORT_USAGE } from './import-command';
import { serveCommand, SERVE_USAGE } from './serve-command';
import { tokenCommand, TOKEN_USAGE } from './token-command';
import { workspaceCommand, WORKSPACE_USAGE } from './workspace-command';
import { memberCommand, MEMBER_USAGE } from './member-command';
import { grantCommand, GRANT_USAGE } from './grant-command';

interface Command {
  run: (argv: string[], io: ServerCliIo) => Promise<void>;
  usage: string;
}

const COMMANDS: Record<string, Command> = {
  serve: { run: serveCommand, usage: SERVE_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  workspace: { run: workspaceCommand, usage: WORKSPACE_USAGE },
  member: { run: memberCommand, usage: MEMBER_USAGE },
  grant: { run: grantCommand, usage: GRANT_USAGE },
  token: { run: tokenCommand, usage: TOKEN_USAGE },
};

const USAGE = `usage:\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}\n`;

/**
 * `--credits -150` as `--credits=-150`: node's parseArgs takes a value that starts with a dash for
 * a flag, and a negative adjustment is a number a lead types.
 */
function joinNegativeNumbers(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (/^--[a-z-]+$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Runs one command line; returns the exit code (a running server returns 0 once it is up). */
export async function runServerCli(argv: string[], io: ServerCliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    const about = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    io.stdout(about ? `usage:\n  ${about.usage}\n` : USAGE);
    return 0;
  }
  // No command, or flags first: serve (so `npm run server -- --demo` works).
  const [name, args] = first === undefined || first.startsWith('-') ? ['serve', argv] : [first, rest];
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `creditbar-server: unknown command "${name}": the commands are ${Object.keys(COMMANDS).join(', ')} (see creditbar-server --help)\n`,
    );
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`usage:\n  ${command.usage}\n`);
    return 0;
  }
  try {
    await command.run(joinNegativeNumbers(args), io);
    return 0;
  } catch (err) {
    if (err instanceof ServerCliError) {
      io.stderr(`creditbar-server: ${err.message}\n`);
      return err.exitCode;
    }
    if (
      err instanceof DatabaseTooNewError ||
      err instanceof NotAServerDatabaseError ||
      err instanceof AdminError
    ) {
      io.stderr(`creditbar-server: ${err.message}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr(`creditbar-server: cannot listen (${code}): pick another --port, or 0 for any free one\n`);
      return 1;
    }
    if (
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
      code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    ) {
      // Node's own sentence, minus its advice about "--" (which no command here needs).
      const message = (err as Error).message.split('\n')[0]!.split('. To specify')[0]!.replace(/\.$/, '');
      io.stderr(`creditbar-server ${name}: ${message} (see creditbar-server ${name} --help)\n`);
      return 2;
    }
    throw err;
  }
}
