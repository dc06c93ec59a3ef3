import { TOKEN_SCOPES, tokenPrefix, type TokenInfo, type TokenScope } from '../db/accounts-repository';
import { withAdmin } from './admin-context';
import { ServerCliError, usageError, type ServerCliIo } from './cli-io';
import { parseSubcommand } from './subcommand';

export const TOKEN_USAGE = `creditbar-server token [add] [--account NAME] [--scope read|ingest] [--workspace ID] [--label TEXT] [--create] [--db PATH]
                        print a new token, shown once: read (default; what Creditbar syncs with) or
                        ingest (what an app reports usage with: it may only POST events to --workspace);
                        --create makes the account if needed
  creditbar-server token list [--account NAME] [--json] [--db PATH]
                        the account's tokens: prefix, scope, workspace, created, last used, label (never the token)
  creditbar-server token revoke (PREFIX | TOKEN | --all) [--account NAME] [--db PATH]
                        revoke at once: the next request with it gets 401`;

function scopeOf(text: string | undefined): TokenScope {
  if (text === undefined) return 'read';
  if ((TOKEN_SCOPES as readonly string[]).includes(text)) return text as TokenScope;
  throw new ServerCliError(`--scope must be read or ingest (got "${text}")`);
}

function tokenTable(tokens: TokenInfo[]): string {
  const rows = tokens.map((t) => [
    t.prefix === null ? '(issued before prefixes)' : `${t.prefix}…`,
    t.scope,
    t.workspaceId ?? (t.scope === 'read' ? 'all' : '-'),
    t.createdAt.slice(0, 16).replace('T', ' '),
    t.lastUsedAt === null ? 'never' : t.lastUsedAt.slice(0, 16).replace('T', ' '),
    t.label,
  ]);
  const head = ['prefix', 'scope', 'workspace', 'created (UTC)', 'last used (UTC)', 'label'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `creditbar-server token`: issues, lists and revokes an account's bearer tokens. */
export async function tokenCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { sub, args, values } = parseSubcommand(
    'token',
    argv,
    {
      create: { type: 'boolean' },
      scope: { type: 'string' },
      workspace: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
    },
    {
      add: { flags: ['create', 'scope', 'workspace', 'label'] },
      list: { flags: ['json'] },
      revoke: { flags: ['all'], args: 1 },
    },
    'add',
  );

  if (sub === 'list') {
    withAdmin(values, io, {}, ({ admin, accountId, accountName }) => {
      const tokens = admin.listTokens(accountId);
      if (values.json) io.stdout(`${JSON.stringify({ account: accountName, tokens }, null, 2)}\n`);
      else if (tokens.length === 0) io.stdout(`Account "${accountName}" has no tokens.\n`);
      else io.stdout(`${tokenTable(tokens)}\n`);
    });
    return;
  }

  if (sub === 'revoke') {
    if (values.all ? args.length !== 0 : args.length !== 1)
      throw usageError('token revoke takes one token prefix, or --all', 'token');
    withAdmin(values, io, {}, ({ admin, accountId, accountName }) => {
      const revoked = admin.revokeTokens(accountId, values.all ? null : args[0]!);
      io.stdout(
        `Revoked ${revoked} token${revoked === 1 ? '' : 's'} of account "${accountName}": ${revoked === 1 ? 'it is' : 'they are'} refused (401) from the next request on.\n`,
      );
    });
    return;
  }

  const scope = scopeOf(values.scope);
  if (values.label !== undefined && values.label.trim() === '')
    throw new ServerCliError('--label needs a text');
  withAdmin(
    values,
    io,
    { createAccount: values.create === true, createDb: values.create === true },
    (ctx) => {
      const token = ctx.admin.createToken(ctx.accountId, {
        scope,
        ...(values.workspace !== undefined ? { workspaceId: values.workspace } : {}),
        ...(values.label !== undefined ? { label: values.label } : {}),
      });
      io.stdout(`${token}\n`);
      const what =
        scope === 'ingest'
          ? `an ingest token: it may only POST usage events to workspace "${values.workspace}"`
          : 'a read token: what Creditbar syncs with';
      io.stderr(
        `${ctx.createdAccount ? `Created account "${ctx.accountName}". ` : ''}This is ${what} (account "${ctx.accountName}"). It is shown once and stored only hashed; revoke it with "creditbar-server token revoke ${tokenPrefix(token)}".\n`,
      );
    },
  );
}
