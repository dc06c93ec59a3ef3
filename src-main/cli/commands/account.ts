import { CliError, EXIT_USAGE } from '../cli-error';
import { dataFlag, withDataFolder } from '../data-folder';
import { parseFlags, subcommand, type CliIo } from '../io';

const USAGE = 'creditbar account add --data DIR --server URL --token-env NAME [--label TEXT]';

const usage = (why: string) => new CliError(`account: ${why}\nusage: ${USAGE}`, EXIT_USAGE);

/**
 * `creditbar account add`: adds an account to a data folder exactly as Settings does (the
 * connection tested first, the token into the encrypted secret store, the demo and its cached data
 * dropped), so `creditbar watch --data DIR` syncs it. The token comes from an environment variable.
 */
export async function accountCommand(argv: string[], io: CliIo): Promise<void> {
  const [, rest] = subcommand('account', argv, ['add'], USAGE);
  const { values, positionals } = parseFlags(
    'account add',
    rest,
    {
      data: { type: 'string' },
      server: { type: 'string' },
      'token-env': { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`);
  const dir = dataFlag('account add', values.data, USAGE);
  if (!values.server) throw usage('missing --server URL (the account API)');
  let server: URL;
  try {
    server = new URL(values.server);
  } catch {
    throw usage(`--server "${values.server}" is not a URL: use e.g. https://credits.example.com`);
  }
  if (server.protocol !== 'http:' && server.protocol !== 'https:')
    throw usage(`--server "${values.server}" must be an http:// or https:// URL`);
  const tokenEnv = values['token-env'];
  if (!tokenEnv) throw usage('missing --token-env NAME (the environment variable holding the account token)');
  const token = process.env[tokenEnv];
  if (!token)
    throw new CliError(
      `the environment variable ${tokenEnv} is empty or not set: put the account's token in it`,
      EXIT_USAGE,
    );
  const label = values.label ?? server.host;
  const account = await withDataFolder(dir, io, async (f) => {
    try {
      return await f.runtime.handlers.addAccount({
        label,
        serverUrl: server.href.replace(/\/+$/, ''),
        token,
      });
    } catch (err) {
      // The connection test's sentence (refused token, unreachable server ...) is the whole story.
      throw new CliError(`account add: ${(err as Error).message}`);
    }
  });
  io.stdout(
    values.json
      ? `${JSON.stringify(account, null, 2)}\n`
      : `added account ${account.id} ("${account.label}", ${account.serverUrl}); its token is stored encrypted in ${dir}. Run: creditbar watch --data ${dir}\n`,
  );
}
