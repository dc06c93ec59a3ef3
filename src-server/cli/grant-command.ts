import { formatCredits, formatSignedCredits } from '../../src-shared/display/credits';
import { builtinCatalog } from '../../src-shared/catalog/catalog';
import { type Grant } from '../../src-shared/types/ledger';
import { grantKindSchema, poolKindSchema } from '../../src-shared/types/ledger-schema';
import { addGrant, listGrants, removeGrant } from '../grant-admin';
import { withAdmin } from './admin-context';
import { expiresFlag, instantFlag } from './admin-flags';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { parseSubcommand } from './subcommand';

export const GRANT_USAGE = `creditbar-server grant add --workspace ID --kind bonus|top-up|adjustment --credits N [--pool integration|message]
                        [--at ISO] [--expires ISO|30d|1y|never] [--id ID] [--account NAME] [--db PATH]
                        record credits the platform added (or, for an adjustment, took: negative N)
                        where no API reports them; default now, never expiring, the integration pool
  creditbar-server grant list --workspace ID [--json] [--account NAME] [--db PATH]
  creditbar-server grant remove --workspace ID --id ID [--account NAME] [--db PATH]`;

function grantLine(g: Grant): string {
  return `${g.id}  ${g.kind} ${g.kind === 'adjustment' ? formatSignedCredits(g.credits) : formatCredits(g.credits)} ${g.pool} credits from ${g.grantedAt.slice(0, 16).replace('T', ' ')} UTC, ${g.expiresAt ? `expires ${g.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : 'never expires'}`;
}

/** `creditbar-server grant`: records, lists and removes bonuses, top-ups and adjustments. */
export async function grantCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { sub, values } = parseSubcommand(
    'grant',
    argv,
    {
      workspace: { type: 'string' },
      kind: { type: 'string' },
      credits: { type: 'string' },
      pool: { type: 'string' },
      at: { type: 'string' },
      expires: { type: 'string' },
      id: { type: 'string' },
      json: { type: 'boolean' },
    },
    {
      add: {
        flags: ['workspace', 'kind', 'credits', 'pool', 'at', 'expires', 'id'],
        required: ['workspace', 'kind', 'credits'],
      },
      list: { flags: ['workspace', 'json'], required: ['workspace'] },
      remove: { flags: ['workspace', 'id'], required: ['workspace', 'id'] },
    },
  );
  const workspaceId = values.workspace!;

  if (sub === 'list') {
    withAdmin(values, io, {}, ({ store, accountId }) => {
      const grants = listGrants(store, accountId, workspaceId);
      if (values.json) io.stdout(`${JSON.stringify({ workspaceId, grants }, null, 2)}\n`);
      else if (grants.length === 0) io.stdout(`Workspace "${workspaceId}" has no grants.\n`);
      else io.stdout(`${grants.map(grantLine).join('\n')}\n`);
    });
    return;
  }
  if (sub === 'remove') {
    withAdmin(values, io, {}, ({ store, accountId }) => {
      const g = removeGrant(store, accountId, workspaceId, values.id!);
      io.stdout(`Removed grant ${grantLine(g)} from workspace "${workspaceId}".\n`);
    });
    return;
  }

  const kind = grantKindSchema.safeParse(values.kind);
  if (!kind.success)
    throw new ServerCliError(`--kind must be bonus, top-up or adjustment (got "${values.kind}")`);
  const pool = poolKindSchema.safeParse(values.pool ?? 'integration');
  if (!pool.success) throw new ServerCliError(`--pool must be integration or message (got "${values.pool}")`);
  const credits = Number(values.credits);
  if (values.credits!.trim() === '' || !Number.isFinite(credits))
    throw new ServerCliError(`--credits must be a number of credits (got "${values.credits}")`);
  const at = instantFlag('at', values.at) ?? Date.now();
  const expires = expiresFlag(values.expires, at) ?? null;
  withAdmin(values, io, {}, ({ store, accountId }) => {
    const g = addGrant(
      store,
      accountId,
      workspaceId,
      {
        kind: kind.data,
        pool: pool.data,
        credits,
        grantedAt: at,
        expiresAt: expires,
        ...(values.id !== undefined ? { id: values.id } : {}),
      },
      builtinCatalog,
    );
    io.stdout(`Recorded grant ${grantLine(g)} on workspace "${workspaceId}".\n`);
  });
}
