import { EngineInputError } from '../../src-shared/engine/errors';
import { CacheFailure } from '../db/cache-failure';
import { CliError, CliHelp, EXIT_USAGE } from './cli-error';
import { catalogCommand } from './commands/catalog';
import { accountCommand } from './commands/account';
import { channelCommand } from './commands/channel';
import { evaluateCommand } from './commands/evaluate';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { readingCommand } from './commands/reading';
import { reportCommand } from './commands/report';
import { statusCommand } from './commands/status';
import { syncCommand } from './commands/sync';
import { watchCommand } from './commands/watch';
import { webCommand } from './commands/web';
import { workspaceCommand } from './commands/workspace';
import type { CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<void>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  evaluate: {
    run: evaluateCommand,
    summary: 'evaluate LEDGER.json [--as-of ISO] [--json]   status of every workspace and pool',
  },
  report: {
    run: reportCommand,
    summary: 'report (LEDGER.json | --db FILE) --period YYYY-MM [--json]   review of a past month',
  },
  sync: {
    run: syncCommand,
    summary: 'sync --server URL --token-env NAME --db FILE   pull an account into a cache file',
  },
  status: {
    run: statusCommand,
    summary:
      'status (--data DIR | --db FILE) [--as-of ISO] [--json]   status as the card shows it (--data: with Settings)',
  },
  import: {
    run: importCommand,
    summary:
      'import (LEDGER.json | USAGE.csv --workspace ID) --db FILE   load a ledger or a usage CSV into the cache',
  },
  export: {
    run: exportCommand,
    summary: 'export --db FILE > ledger.json   write the cache as a ledger file',
  },
  workspace: {
    run: workspaceCommand,
    summary: 'workspace add|list|remove --db FILE ...   workspaces kept by hand (balance readings, CSV)',
  },
  reading: {
    run: readingCommand,
    summary: "reading add|list|resolve --db FILE ...   balance readings from a platform's usage page",
  },
  catalog: {
    run: catalogCommand,
    summary:
      "catalog [--provider P] [--version ID] [--json]   the platforms' plans, rates and rules, dated and sourced",
  },
  web: {
    run: webCommand,
    summary: 'web [--demo] [--data DIR] [--port N]   the app in a browser on 127.0.0.1 (npm run web)',
  },
  watch: {
    run: watchCommand,
    summary:
      'watch --data DIR [--demo] [--json] [--once]   sync, alert and deliver to channels with no window',
  },
  channel: {
    run: channelCommand,
    summary:
      'channel add|list|test|remove --data DIR ...   alert channels (webhook, Slack, Teams, shell hook)',
  },
  account: {
    run: accountCommand,
    summary: 'account add --data DIR --server URL --token-env NAME   an account, as Settings adds it',
  },
};

function help(): string {
  return [
    'usage: creditbar <command> [options]',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
  ].join('\n');
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
    if (err instanceof CliHelp) {
      io.stdout(`usage: ${err.usage}\n`);
      return 0;
    }
    if (err instanceof CliError) {
      io.stderr(`creditbar: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof EngineInputError || err instanceof CacheFailure) {
      io.stderr(`creditbar: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
