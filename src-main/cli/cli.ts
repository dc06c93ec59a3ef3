import { EngineInputError } from '../../src-shared/engine/errors';
import { CliError, EXIT_USAGE } from './cli-error';
import { evaluateCommand } from './commands/evaluate';
import { reportCommand } from './commands/report';
import type { CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<void>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  evaluate: { run: evaluateCommand, summary: 'evaluate LEDGER.json [--as-of ISO] [--json]   status of every workspace and pool' },
  report: { run: reportCommand, summary: 'report LEDGER.json --period YYYY-MM [--json]   review of a past month' },
};

function help(): string {
  return ['usage: creditbar <command> [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`), ''].join('\n');
}

/** Runs one command line and returns the exit code; user errors become one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`creditbar: unknown command "${name}"\n${help()}`);
    return EXIT_USAGE;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`creditbar: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof EngineInputError) {
      io.stderr(`creditbar: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
