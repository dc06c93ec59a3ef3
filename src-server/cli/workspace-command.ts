import { builtinCatalog } from '../../src-shared/catalog/catalog';
import {
  addWorkspace,
  describeWorkspaces,
  removeWorkspace,
  updateWorkspace,
  type WorkspaceChanges,
  type WorkspaceSummary,
} from '../workspace-admin';
import { withAdmin } from './admin-context';
import {
  billingDayFlag,
  counted,
  creditsFlag,
  describePool,
  memberFlags,
  providerFlag,
  thresholdsFlag,
} from './admin-flags';
import { ServerCliError, usageError, type ServerCliIo } from './cli-io';
import { parseSubcommand } from './subcommand';

export const WORKSPACE_USAGE = `creditbar-server workspace add --id ID --name TEXT --provider zite|base44|custom --plan PLAN
                        [--billing-day N] [--allowance N] [--message-allowance N] [--existing-customer]
                        [--thresholds 50,90,100] [--member id:Name ...] [--account NAME] [--db PATH]
                        add a workspace (the account is created if needed); --allowance where the
                        catalog does not know the plan (a custom provider, Elite's higher levels),
                        --message-allowance adds the message pool
  creditbar-server workspace list [--json] [--account NAME] [--db PATH]
                        workspaces with pools, members (unnamed ones too), events, grants, ingest tokens
  creditbar-server workspace update --id ID [--name TEXT] [--provider P] [--plan PLAN] [--billing-day N]
                        [--allowance N] [--message-allowance N] [--existing-customer | --not-existing-customer]
                        [--thresholds 50,90,100|default] [--account NAME] [--db PATH]
  creditbar-server workspace remove --id ID [--with-events] [--account NAME] [--db PATH]
                        refused while it holds events, unless --with-events (its ingest tokens go too)`;

const OPTIONS = {
  id: { type: 'string' },
  name: { type: 'string' },
  provider: { type: 'string' },
  plan: { type: 'string' },
  'billing-day': { type: 'string' },
  allowance: { type: 'string' },
  'message-allowance': { type: 'string' },
  'existing-customer': { type: 'boolean' },
  'not-existing-customer': { type: 'boolean' },
  thresholds: { type: 'string' },
  member: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  'with-events': { type: 'boolean' },
} as const;

const PLAN_FLAGS = ['name', 'provider', 'plan', 'billing-day', 'allowance', 'message-allowance'] as const;

const SUBCOMMANDS = {
  add: {
    flags: ['id', ...PLAN_FLAGS, 'existing-customer', 'thresholds', 'member'],
    required: ['id', 'name', 'provider', 'plan'],
  },
  list: { flags: ['json'] },
  update: {
    flags: ['id', ...PLAN_FLAGS, 'existing-customer', 'not-existing-customer', 'thresholds'],
    required: ['id'],
  },
  remove: { flags: ['id', 'with-events'], required: ['id'] },
} as const;

function summaryText(ws: WorkspaceSummary): string {
  const lines = [
    `${ws.id}  ${ws.name} (${ws.provider} ${ws.plan}${ws.existingCustomer ? ', existing customer' : ''})`,
    ...ws.pools.map((p) => `  ${describePool(p)}`),
  ];
  const named = ws.members.filter((m) => !ws.unnamedMembers.some((u) => u.id === m.id));
  lines.push(
    `  members: ${named.length > 0 ? named.map((m) => `${m.id} (${m.name}${m.budget !== undefined ? `, budget ${m.budget}` : ''})`).join(', ') : 'none named'}`,
  );
  if (ws.unnamedMembers.length > 0) {
    lines.push(
      `  unnamed (seen in reported usage): ${ws.unnamedMembers.map((u) => `${u.id} (since ${u.firstSeenAt.slice(0, 16).replace('T', ' ')})`).join(', ')}`,
      `    name one with: creditbar-server member add --workspace ${ws.id} --id ID --name "Name"`,
    );
  }
  lines.push(
    `  events: ${ws.events.toLocaleString('en-US')}${ws.lastEventAt ? ` (newest stored happened ${ws.lastEventAt.slice(0, 16).replace('T', ' ')} UTC)` : ''} · grants: ${ws.grants} · ingest tokens: ${ws.ingestTokens}${ws.thresholds ? ` · thresholds ${ws.thresholds.join(', ')} %` : ''}`,
  );
  return lines.join('\n');
}

/** `creditbar-server workspace`: add, list, update and remove an account's workspaces. */
export async function workspaceCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { sub, values } = parseSubcommand('workspace', argv, OPTIONS, SUBCOMMANDS);

  if (sub === 'list') {
    withAdmin(values, io, {}, ({ store, accountId, accountName }) => {
      const workspaces = describeWorkspaces(store, accountId);
      if (values.json) io.stdout(`${JSON.stringify({ account: accountName, workspaces }, null, 2)}\n`);
      else if (workspaces.length === 0)
        io.stdout(
          `Account "${accountName}" has no workspaces: add one with "creditbar-server workspace add".\n`,
        );
      else io.stdout(`${workspaces.map(summaryText).join('\n\n')}\n`);
    });
    return;
  }

  if (sub === 'remove') {
    withAdmin(values, io, {}, ({ store, accountId, accountName }) => {
      const gone = removeWorkspace(store, accountId, values.id!, values['with-events'] === true);
      io.stdout(
        `Removed workspace "${values.id}" from account "${accountName}" with ${counted(gone.events, 'event')}, ${counted(gone.grants, 'grant')} and ${counted(gone.ingestTokens, 'ingest token')} (revoked).\n`,
      );
    });
    return;
  }

  const flags = {
    provider: providerFlag(values.provider),
    billingDay: billingDayFlag(values['billing-day']),
    allowance: creditsFlag('allowance', values.allowance),
    messageAllowance: creditsFlag('message-allowance', values['message-allowance']),
    thresholds: thresholdsFlag(values.thresholds, sub === 'update'),
  };
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
      [K in keyof T]: Exclude<T[K], undefined>;
    };

  if (sub === 'add') {
    const members = memberFlags(values.member);
    withAdmin(values, io, { createDb: true, createAccount: true }, (ctx) => {
      const added = addWorkspace(
        ctx.store,
        ctx.accountId,
        {
          ...defined({ ...flags, thresholds: flags.thresholds ?? undefined }),
          id: values.id!,
          name: values.name!,
          provider: flags.provider!,
          plan: values.plan!,
          ...(values['existing-customer'] ? { existingCustomer: true } : {}),
          members,
        },
        builtinCatalog,
      );
      io.stdout(
        `${ctx.createdAccount ? `Created account "${ctx.accountName}" in ${ctx.dbPath}.\n` : ''}Added workspace "${added.workspace.id}" (${added.workspace.name}, ${added.workspace.provider} ${added.workspace.plan}) to account "${ctx.accountName}": ${added.workspace.pools.map(describePool).join('; ')}.\n` +
          `Next: a read token per lead (creditbar-server token${ctx.createdAccount ? '' : ` --account "${ctx.accountName}"`}) and an ingest token per app (creditbar-server token --scope ingest --workspace ${added.workspace.id}).\n`,
      );
    });
    return;
  }

  // update
  if (values['existing-customer'] && values['not-existing-customer'])
    throw usageError('give --existing-customer or --not-existing-customer, not both', 'workspace');
  const changes: WorkspaceChanges = {
    ...defined({ ...flags, name: values.name, plan: values.plan }),
    ...(flags.thresholds !== undefined ? { thresholds: flags.thresholds } : {}),
    ...(values['existing-customer'] ? { existingCustomer: true } : {}),
    ...(values['not-existing-customer'] ? { existingCustomer: false } : {}),
  };
  if (Object.keys(changes).length === 0)
    throw new ServerCliError('workspace update needs something to change: --name, --plan, --allowance, ...');
  withAdmin(values, io, {}, ({ store, accountId }) => {
    const updated = updateWorkspace(store, accountId, values.id!, changes, builtinCatalog);
    io.stdout(
      `Updated workspace "${updated.workspace.id}":\n${summaryText(describeWorkspaces(store, accountId).find((w) => w.id === updated.workspace.id)!)}\n`,
    );
  });
}
