import { formatCredits } from '../../src-shared/display/credits';
import { removeMember, setMember } from '../workspace-admin';
import { withAdmin } from './admin-context';
import { counted, creditsFlag } from './admin-flags';
import type { ServerCliIo } from './cli-io';
import { parseSubcommand } from './subcommand';

export const MEMBER_USAGE = `creditbar-server member add --workspace ID --id MEMBER --name TEXT [--budget N] [--account NAME] [--db PATH]
                        add a member, or name one that reported usage before it was named
  creditbar-server member remove --workspace ID --id MEMBER [--account NAME] [--db PATH]
                        take a member off the list (its events stay and still count)`;

/** `creditbar-server member`: names, adds and removes a workspace's members. */
export async function memberCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { sub, values } = parseSubcommand(
    'member',
    argv,
    {
      workspace: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      budget: { type: 'string' },
    },
    {
      add: { flags: ['workspace', 'id', 'name', 'budget'], required: ['workspace', 'id', 'name'] },
      remove: { flags: ['workspace', 'id'], required: ['workspace', 'id'] },
    },
  );

  if (sub === 'add') {
    const budget = creditsFlag('budget', values.budget);
    withAdmin(values, io, {}, ({ store, accountId }) => {
      const member = { id: values.id!, name: values.name!, ...(budget !== undefined ? { budget } : {}) };
      const r = setMember(store, accountId, values.workspace!, member);
      const what = r.added ? 'Added' : r.wasUnnamed ? 'Named' : 'Updated';
      io.stdout(
        `${what} member "${member.id}" (${member.name}${budget !== undefined ? `, budget ${formatCredits(budget)} credits a period` : ''}) of workspace "${values.workspace}".\n`,
      );
    });
    return;
  }
  withAdmin(values, io, {}, ({ store, accountId }) => {
    const { events } = removeMember(store, accountId, values.workspace!, values.id!);
    io.stdout(
      `Removed member "${values.id}" from workspace "${values.workspace}"${events > 0 ? `: its usage (${counted(events, 'event')}) stays and still counts; if usage is reported for it again it is listed as unnamed` : ''}.\n`,
    );
  });
}
