import { isCacheBusy } from '../db/main-writes';
import type { ChannelTestResult } from '../../src-shared/ipc/channels';
import type { RaisedAlert, WorkspaceCard } from '../../src-shared/ipc/snapshot';
import type { Channel, Settings } from '../../src-shared/settings/settings';
import { toIso } from '../../src-shared/time/instant';
import type { TextContext } from '../alerts/notification-text';
import type { AppLog } from '../app/app-runtime';
import type { SchedulerClock } from '../app/scheduler';
import type { Cache } from '../cache/cache';
import type { DeliveryMessage } from '../db/repositories/delivery-repository';
import type { SecretStore } from '../secrets/secret-store';
import { alertItem, alertsMessage, testMessage } from './alert-item';
import { channelSecretId } from './channel-secret';
import {
  DEFAULT_DELIVERY_TUNING,
  idempotencyKeyOf,
  nextAttemptAt,
  type DeliveryTuning,
} from './delivery-policy';
import { postJson, type PostJson } from './http-transport';
import type { AlertItemV1, MessageBodyV1 } from './message-body';
import { sendMessage } from './send-message';
import { runShellHook, type RunShell } from './shell-transport';

export interface DeliveryDeps {
  cache: Cache;
  settings(): Settings;
  secrets: SecretStore;
  clock: SchedulerClock;
  log: AppLog;
  post?: PostJson;
  runShell?: RunShell;
  random?: () => number;
  tuning?: Partial<DeliveryTuning>;
  userAgent?: string;
  /** A channel's log changed (delivered, failed, given up): Settings shows it. */
  onChange?(): void;
  /** A round failed for a reason of the cache's (logged already): the app tells a damaged file as such. */
  onFailure?(err: unknown): void;
}

/**
 * Delivers alerts and digests to the lead's channels, at least once and idempotently by key:
 * routing writes each (channel, key) to the delivery log in the cache before anything is sent; a
 * message formed from it keeps its body and Idempotency-Key across retries (backoff up to a day)
 * and restarts; a channel gets at most one message per `channelMinIntervalSeconds`, alerts raised
 * in between waiting to go out together as one message that lists them.
 */
export interface DeliveryService {
  /** Routes alerts the loop just raised to the channels that take them (synchronous: call it in the pass's transaction). */
  routeAlerts(raised: readonly RaisedAlert[], workspaces: readonly WorkspaceCard[], ctx: TextContext): number;
  /** Routes a digest (its body) to the channels that take digests. */
  routeDigest(key: string, body: MessageBodyV1): number;
  /** Sends what is due now, one message per channel; resolves when this round is done. */
  pump(): Promise<void>;
  /** Sends what is due now and again until nothing more is due now (the rate limit and backoffs may leave work for later). */
  flush(): Promise<void>;
  /** The earliest instant some work is due, or null when nothing waits. */
  nextDueAt(): number | null;
  sendTest(channelId: string): Promise<ChannelTestResult>;
  start(): void;
  /** Cancels the timer and any attempt in flight (it stays due and is sent again next start). */
  stop(): Promise<void>;
}

const USER_AGENT = 'Creditbar (+alerts; https://github.com/creditbar)';

/** Whether a channel takes this alert: enabled, its kind, its workspace, raised after the channel was added. */
export function channelTakes(
  channel: Channel,
  alert: Pick<RaisedAlert, 'kind' | 'workspaceId' | 'raisedAt'>,
): boolean {
  return (
    channel.enabled &&
    channel.alerts.includes(alert.kind) &&
    (channel.workspaces === null || channel.workspaces.includes(alert.workspaceId)) &&
    Date.parse(alert.raisedAt) >= Date.parse(channel.createdAt)
  );
}

/** How long the channels wait to try again after the cache's write lock was found held (ms). */
const LOCKED_RETRY_MS = 250;

export function createDeliveryService(deps: DeliveryDeps): DeliveryService {
  const { cache, clock, log } = deps;
  const tuning = { ...DEFAULT_DELIVERY_TUNING, ...deps.tuning };
  const post = deps.post ?? postJson;
  const runShell = deps.runShell ?? runShellHook;
  const random = deps.random ?? Math.random;
  const read = cache.read.deliveries;
  const write = cache.write.deliveries;
  const inFlight = new Map<string, Promise<void>>();
  let controller = new AbortController();
  let timer: unknown = null;
  let running = false;
  let stopped = true;
  /** While the cache's write lock was found held: no pump before this. */
  let lockedUntil = 0;

  const channels = () => deps.settings().channels;
  const intervalMs = () => deps.settings().channelMinIntervalSeconds * 1000;

  /** Forms the next message of a channel from what waits, if the rate limit allows one now. */
  function formNext(channel: Channel, now: number): DeliveryMessage | null {
    const waiting = read.waiting(channel.id);
    if (waiting.length === 0) return null;
    const last = read.lastFormedAt(channel.id);
    if (last !== null && now < last + intervalMs()) return null;
    return cache.transaction(() => {
      const createdAt = toIso(now);
      // Alerts first, waiting ones together as one message that lists them; a digest goes alone after.
      const alerts = waiting.filter((w) => w.kind === 'alert');
      const first = alerts.length > 0 ? alerts[0]! : waiting[0]!;
      const batch = first.kind === 'digest' ? [first] : alerts;
      let body: MessageBodyV1;
      if (first.kind === 'digest') body = JSON.parse(first.item) as MessageBodyV1;
      else {
        const items = batch.map((w) => JSON.parse(w.item) as AlertItemV1);
        body = alertsMessage(idempotencyKeyOf(batch.map((w) => w.key)), createdAt, items);
      }
      write.form(
        {
          channelId: channel.id,
          idempotencyKey: body.id,
          kind: body.type,
          body: JSON.stringify(body),
          createdAt: now,
        },
        batch.map((w) => w.key),
      );
      // There was no open message before this one, so the oldest open message is the one just formed.
      return read.openMessage(channel.id);
    });
  }

  async function attempt(
    channel: Channel,
    message: DeliveryMessage,
  ): Promise<{ ok: boolean; error: string | null }> {
    const at = clock.now();
    write.attempt(message.id, at);
    const body = JSON.parse(message.body) as MessageBodyV1;
    const url =
      channel.kind === 'shell' ? null : await deps.secrets.get(channelSecretId(channel.id)).catch(() => null);
    const result = await sendMessage(channel, body, {
      post,
      runShell,
      url,
      attempt: message.attempts + 1,
      httpTimeoutMs: tuning.httpTimeoutMs,
      shellTimeoutMs: tuning.shellTimeoutMs,
      userAgent: deps.userAgent ?? USER_AGENT,
      signal: controller.signal,
    });
    if (result.cancelled) return { ok: false, error: 'cancelled' };
    const done = clock.now();
    const context = {
      channel: channel.id,
      kind: channel.kind,
      message: message.idempotencyKey,
      attempt: message.attempts + 1,
    };
    if (result.ok) {
      write.delivered(message.id, done);
      log.info('channel message delivered', context);
    } else {
      const error = result.error ?? 'failed';
      const next =
        message.kind === 'test'
          ? null
          : nextAttemptAt(
              { createdAt: message.createdAt, attempts: message.attempts + 1 },
              done,
              result.retryAfterSeconds,
              random(),
              tuning,
            );
      if (next === null) {
        write.giveUp(message.id, error, done);
        if (message.kind !== 'test')
          log.error('channel message given up after a day of failures', { ...context, error });
      } else {
        write.failed(message.id, error, next);
        log.warn('channel message failed, will retry', { ...context, error, retryAt: toIso(next) });
      }
    }
    deps.onChange?.();
    return { ok: result.ok, error: result.error };
  }

  async function pumpChannel(channel: Channel): Promise<void> {
    const now = clock.now();
    const message = read.openMessage(channel.id) ?? formNext(channel, now);
    if (!message || message.nextAttemptAt > now) return;
    await attempt(channel, message);
  }

  function dueAt(channel: Channel): number | null {
    if (!channel.enabled) return null;
    const open = read.openMessage(channel.id);
    if (open) return open.nextAttemptAt;
    if (read.waiting(channel.id).length === 0) return null;
    const last = read.lastFormedAt(channel.id);
    return last === null ? clock.now() : Math.max(clock.now(), last + intervalMs());
  }

  function nextDueAt(): number | null {
    const withWork = new Set(read.channelsWithWork());
    let next: number | null = null;
    for (const channel of channels()) {
      if (!withWork.has(channel.id)) continue;
      const at = dueAt(channel);
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  function schedule(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const next = nextDueAt();
    if (next === null) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        void pump();
      },
      Math.max(0, Math.max(next, lockedUntil) - clock.now()),
    );
  }

  async function pump(): Promise<void> {
    if (running) {
      await Promise.all(inFlight.values());
      return;
    }
    running = true;
    try {
      const withWork = new Set(read.channelsWithWork());
      const round = channels()
        .filter((c) => c.enabled && withWork.has(c.id) && !inFlight.has(c.id))
        .map((c) => {
          const p = pumpChannel(c)
            .catch((err: unknown) => {
              // The app's writes never wait on the cache's lock (a sync storing usage): tried again
              // shortly. A send whose record was refused is sent again, under the same idempotency key.
              if (isCacheBusy(err)) {
                lockedUntil = clock.now() + LOCKED_RETRY_MS;
                return;
              }
              log.error('channel delivery failed', { channel: c.id, error: err });
              deps.onFailure?.(err);
            })
            .finally(() => inFlight.delete(c.id));
          inFlight.set(c.id, p);
          return p;
        });
      await Promise.all(round);
    } finally {
      running = false;
      schedule();
    }
  }

  return {
    routeAlerts(raised, workspaces, ctx) {
      let routed = 0;
      const now = clock.now();
      for (const alert of raised) {
        const takers = channels().filter((c) => channelTakes(c, alert));
        if (takers.length === 0) continue;
        const item = JSON.stringify(alertItem(alert, workspaces, ctx));
        for (const c of takers)
          if (write.route({ channelId: c.id, key: alert.key, kind: 'alert', item, createdAt: now })) routed++;
      }
      if (routed > 0 && !stopped) queueMicrotask(() => void pump());
      return routed;
    },
    routeDigest(key, body) {
      let routed = 0;
      const now = clock.now();
      const item = JSON.stringify(body);
      for (const c of channels().filter((ch) => ch.enabled && ch.digest))
        if (write.route({ channelId: c.id, key, kind: 'digest', item, createdAt: now })) routed++;
      if (routed > 0 && !stopped) queueMicrotask(() => void pump());
      return routed;
    },
    pump,
    async flush() {
      // Each round sends at most one message per channel; stop when nothing more is due now.
      for (let round = 0; round < 20; round++) {
        await pump();
        const next = nextDueAt();
        if (next === null || next > clock.now()) return;
      }
    },
    nextDueAt,
    async sendTest(channelId) {
      const channel = channels().find((c) => c.id === channelId);
      if (!channel) throw new Error(`There is no channel "${channelId}".`);
      const now = clock.now();
      const id = `test|${channel.id}|${toIso(now)}`;
      const body = testMessage(id, toIso(now), channel.label);
      const messageId = write.form(
        {
          channelId: channel.id,
          idempotencyKey: id,
          kind: 'test',
          body: JSON.stringify(body),
          createdAt: now,
        },
        [],
      );
      const message = read.messages(channel.id, 10).find((m) => m.id === messageId)!;
      const r = await attempt(channel, message);
      return r.ok
        ? { ok: true, message: `Sent a test message to "${channel.label}".` }
        : { ok: false, message: `The test message to "${channel.label}" failed: ${r.error}.` };
    },
    start() {
      stopped = false;
      controller = new AbortController();
      // What a previous run left undelivered goes out now, or is planned for its backoff.
      void pump();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      controller.abort();
      await Promise.all(inFlight.values());
    },
  };
}
