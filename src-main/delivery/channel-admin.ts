import { randomBytes } from 'node:crypto';
import {
  channelInputSchema,
  channelUpdateSchema,
  maskUrl,
  channelUrlProblem,
  type ChannelInput,
  type ChannelUpdate,
  type ChannelView,
} from '../../src-shared/ipc/channels';
import { DEFAULT_CHANNEL_ALERTS, type Channel } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import type { Cache } from '../cache/cache';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { channelSecretId } from './channel-secret';

/** What adding, changing, listing and removing channels needs: the same for Settings and the CLI. */
export interface ChannelAdminDeps {
  cache: Cache;
  settings: SettingsStore;
  secrets: SecretStore;
  now(): number;
  /** The app's: a write run once the cache's write lock is free (db/main-writes.ts); the CLI writes at once. */
  writeSoon?<T>(fn: () => T): Promise<Awaited<T>>;
}

function find(deps: ChannelAdminDeps, id: string): Channel {
  const channel = deps.settings.get().channels.find((c) => c.id === id);
  if (!channel) throw new Error(`There is no channel "${id}".`);
  return channel;
}

/** A channel with its URL masked and its delivery log's state (failing channels show their last error). */
export async function channelView(deps: ChannelAdminDeps, channel: Channel): Promise<ChannelView> {
  const log = deps.cache.read.deliveries.summary(channel.id, deps.now());
  const url =
    channel.kind === 'shell' ? null : await deps.secrets.get(channelSecretId(channel.id)).catch(() => null);
  const target =
    channel.kind === 'shell'
      ? (channel.command ?? '')
      : url === null
        ? '(URL missing: add the channel again)'
        : maskUrl(url);
  return {
    id: channel.id,
    kind: channel.kind,
    label: channel.label,
    target,
    alerts: channel.alerts,
    workspaces: channel.workspaces,
    digest: channel.digest,
    enabled: channel.enabled,
    timeoutSeconds: channel.timeoutSeconds ?? null,
    createdAt: channel.createdAt,
    status: {
      state: log.lastFailure ? 'failing' : log.lastDeliveredAt !== null ? 'ok' : 'idle',
      lastDeliveredAt: log.lastDeliveredAt === null ? null : toIso(log.lastDeliveredAt),
      lastError: log.lastFailure ? { message: log.lastFailure.error, at: toIso(log.lastFailure.at) } : null,
      pending: log.pending,
      givenUp: log.givenUp,
    },
  };
}

export async function listChannels(deps: ChannelAdminDeps): Promise<ChannelView[]> {
  return Promise.all(deps.settings.get().channels.map((c) => channelView(deps, c)));
}

/** Adds a channel: its URL into the secret store first (so settings never name a channel without one), then settings. */
export async function addChannel(deps: ChannelAdminDeps, input: ChannelInput): Promise<ChannelView> {
  const valid = channelInputSchema.parse(input);
  const channel: Channel = {
    id: `ch-${randomBytes(4).toString('hex')}`,
    kind: valid.kind,
    label: valid.label,
    ...(valid.kind === 'shell' ? { command: valid.command! } : {}),
    ...(valid.timeoutSeconds !== undefined ? { timeoutSeconds: valid.timeoutSeconds } : {}),
    alerts: valid.alerts ?? [...DEFAULT_CHANNEL_ALERTS],
    workspaces: valid.workspaces ?? null,
    digest: valid.digest ?? false,
    enabled: true,
    createdAt: toIso(deps.now()),
  };
  if (valid.url !== undefined) await deps.secrets.set(channelSecretId(channel.id), valid.url);
  try {
    deps.settings.saveChannel(channel);
  } catch (err) {
    await deps.secrets.delete(channelSecretId(channel.id)).catch(() => undefined);
    throw err;
  }
  return channelView(deps, channel);
}

/** Changes a channel; a new URL replaces the stored one, the kind stays. */
export async function updateChannel(deps: ChannelAdminDeps, update: ChannelUpdate): Promise<ChannelView> {
  const valid = channelUpdateSchema.parse(update);
  const channel = find(deps, valid.id);
  if (channel.kind === 'shell' && valid.url !== undefined)
    throw new Error('A shell hook takes a command, not a URL.');
  if (channel.kind !== 'shell' && (valid.command !== undefined || valid.timeoutSeconds !== undefined))
    throw new Error(`A ${channel.kind} channel takes a URL, not a command.`);
  if (valid.url !== undefined) {
    const problem = channelUrlProblem(channel.kind, valid.url);
    if (problem) throw new Error(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
    await deps.secrets.set(channelSecretId(channel.id), valid.url);
  }
  const { id: _id, url: _url, ...fields } = valid;
  const next: Channel = { ...channel, ...fields };
  deps.settings.saveChannel(next);
  return channelView(deps, next);
}

/** Removes a channel, its URL and its delivery log. */
export async function removeChannel(deps: ChannelAdminDeps, id: string): Promise<void> {
  const channel = find(deps, id);
  deps.settings.removeChannel(channel.id);
  const remove = () => deps.cache.transaction(() => deps.cache.write.deliveries.removeChannel(channel.id));
  if (deps.writeSoon) await deps.writeSoon(remove);
  else remove();
  await deps.secrets.delete(channelSecretId(channel.id));
}
