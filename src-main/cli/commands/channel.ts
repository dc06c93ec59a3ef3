import type { z } from 'zod';
import type { ChannelInput, ChannelView } from '../../../src-shared/ipc/channels';
import { channelInputSchema } from '../../../src-shared/ipc/channels';
import { alertKindSchema, channelKindSchema } from '../../../src-shared/settings/settings';
import { describeIssues } from '../../ipc/dispatch-invoke';
import { CliError, EXIT_USAGE } from '../cli-error';
import { dataFlag, withDataFolder } from '../data-folder';
import { table } from '../format/table';
import { parseFlags, subcommand, type CliIo } from '../io';

const USAGE = [
  'creditbar channel add --data DIR --kind webhook|slack|teams --url URL (or --url-env NAME) [--label TEXT] [--alerts KIND,...|none] [--workspace ID]... [--digest]',
  '       creditbar channel add --data DIR --kind shell --command CMD [--timeout SECONDS] [--label TEXT] [--alerts KIND,...|none] [--workspace ID]... [--digest]',
  '       creditbar channel list --data DIR [--json]',
  '       creditbar channel test --data DIR ID',
  '       creditbar channel remove --data DIR ID',
].join('\n');

const usage = (why: string) => new CliError(`channel: ${why}\nusage: ${USAGE}`, EXIT_USAGE);

function alertsFlag(value: string | undefined): ChannelInput['alerts'] {
  if (value === undefined) return undefined;
  if (value.trim() === 'none') return []; // a channel for the digest only
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const bad = kinds.filter((k) => !alertKindSchema.safeParse(k).success);
  if (bad.length > 0 || kinds.length === 0)
    throw usage(
      `--alerts "${value}": ${bad.length > 0 ? `unknown kind ${bad.map((b) => `"${b}"`).join(', ')}` : 'no kind given'}; kinds are ${alertKindSchema.options.join(', ')}`,
    );
  return kinds as NonNullable<ChannelInput['alerts']>;
}

function timeoutFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 300)
    throw usage(`--timeout "${value}" must be a whole number of seconds from 1 to 300`);
  return n;
}

/** The URL from --url or the environment variable --url-env names (kept out of shell history). */
function urlFlag(url: string | undefined, urlEnv: string | undefined): string | undefined {
  if (url !== undefined && urlEnv !== undefined) throw usage('give --url or --url-env, not both');
  if (urlEnv === undefined) return url;
  const value = process.env[urlEnv];
  if (!value) throw usage(`the environment variable ${urlEnv} (--url-env) is empty or not set`);
  return value;
}

const DEFAULT_LABEL = { webhook: 'Webhook', slack: 'Slack', teams: 'Teams', shell: 'Shell hook' } as const;

/** One line per channel for a terminal: what it is, where it goes (masked), what it takes, how it is doing. */
export function channelTable(views: readonly ChannelView[]): string {
  if (views.length === 0) return 'No channels: add one with "creditbar channel add".\n';
  return `${table(
    ['id', 'kind', 'label', 'target', 'alerts', 'workspaces', 'digest', 'state'],
    views.map((v) => [
      v.id,
      v.kind,
      v.label,
      v.target,
      v.alerts.join(','),
      v.workspaces === null ? 'all' : v.workspaces.join(','),
      v.digest ? 'yes' : 'no',
      !v.enabled
        ? 'off'
        : v.status.state === 'failing'
          ? `failing: ${v.status.lastError?.message ?? ''}`
          : v.status.state === 'ok'
            ? `ok${v.status.pending > 0 ? `, ${v.status.pending} waiting` : ''}`
            : 'nothing sent yet',
    ]),
  )}\n`;
}

async function add(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'channel add',
    argv,
    {
      data: { type: 'string' },
      kind: { type: 'string' },
      url: { type: 'string' },
      'url-env': { type: 'string' },
      command: { type: 'string' },
      timeout: { type: 'string' },
      label: { type: 'string' },
      alerts: { type: 'string' },
      workspace: { type: 'string', multiple: true },
      digest: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`);
  const dir = dataFlag('channel add', values.data, USAGE);
  const kind = channelKindSchema.safeParse(values.kind);
  if (!kind.success) throw usage(`--kind must be one of ${channelKindSchema.options.join(', ')}`);
  const url = urlFlag(values.url, values['url-env']);
  const timeoutSeconds = timeoutFlag(values.timeout);
  const input = {
    kind: kind.data,
    label: values.label ?? DEFAULT_LABEL[kind.data],
    ...(url !== undefined ? { url } : {}),
    ...(values.command !== undefined ? { command: values.command } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(values.alerts !== undefined ? { alerts: alertsFlag(values.alerts) } : {}),
    ...(values.workspace ? { workspaces: values.workspace } : {}),
    ...(values.digest ? { digest: true } : {}),
  };
  const parsed = channelInputSchema.safeParse(input);
  if (!parsed.success)
    throw new CliError(`channel add: ${describeIssues(parsed.error as z.ZodError, input)}`, EXIT_USAGE);
  const { view, unseen } = await withDataFolder(dir, io, async (f) => {
    const known = f.cache.read.workspaces.list().map((w) => w.workspace.id);
    const unknown = (parsed.data.workspaces ?? []).filter((id) => !known.includes(id));
    // A folder that has synced knows its workspaces: a typo would make a channel that never hears.
    if (known.length > 0 && unknown.length > 0)
      throw new CliError(
        `channel add: --workspace "${unknown[0]}" is not a workspace of ${dir}; its workspaces are ${known.join(', ')}`,
        EXIT_USAGE,
      );
    return { view: await f.runtime.handlers.addChannel(parsed.data), unseen: unknown };
  });
  if (unseen.length > 0 && !values.json)
    io.stderr(
      `note: nothing has synced into ${dir} yet, so --workspace ${unseen.join(', ')} could not be checked against its workspaces\n`,
    );
  io.stdout(
    values.json
      ? `${JSON.stringify(view, null, 2)}\n`
      : `added channel ${view.id} (${view.kind}, "${view.label}") → ${view.target}; try it: creditbar channel test --data ${dir} ${view.id}\n`,
  );
}

async function list(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'channel list',
    argv,
    { data: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`);
  const dir = dataFlag('channel list', values.data, USAGE);
  const views = await withDataFolder(dir, io, (f) => f.runtime.handlers.listChannels(undefined));
  io.stdout(values.json ? `${JSON.stringify(views, null, 2)}\n` : channelTable(views));
}

/** `channel test ID` and `channel remove ID`: one channel by id. */
async function onOne(verb: 'test' | 'remove', argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(`channel ${verb}`, argv, { data: { type: 'string' } }, USAGE);
  const dir = dataFlag(`channel ${verb}`, values.data, USAGE);
  if (positionals.length !== 1)
    throw usage(
      positionals.length === 0
        ? `${verb}: missing the channel ID`
        : `unexpected argument "${positionals[1]}"`,
    );
  const id = positionals[0]!;
  await withDataFolder(dir, io, async (f) => {
    if (!f.settings.get().channels.some((c) => c.id === id))
      throw new CliError(`there is no channel "${id}" in ${dir}: see "creditbar channel list --data ${dir}"`);
    if (verb === 'remove') {
      await f.runtime.handlers.removeChannel({ id });
      io.stdout(`removed channel ${id}, its URL and its delivery log\n`);
      return;
    }
    const result = await f.runtime.handlers.testChannel({ id });
    if (!result.ok) throw new CliError(result.message);
    io.stdout(`${result.message}\n`);
  });
}

/** `creditbar channel add|list|test|remove`: alert channels without the window, the calls Settings makes. */
export async function channelCommand(argv: string[], io: CliIo): Promise<void> {
  const [verb, rest] = subcommand('channel', argv, ['add', 'list', 'test', 'remove'], USAGE);
  switch (verb) {
    case 'add':
      return add(rest, io);
    case 'list':
      return list(rest, io);
    case 'test':
    case 'remove':
      return onOne(verb, rest, io);
  }
}
