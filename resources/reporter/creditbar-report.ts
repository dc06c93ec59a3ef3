/**
 * Creditbar reporter: tells a team's own Creditbar collector what each metered call of an app cost.
 *
 * One file, no dependencies: it runs in Deno (Base44 backend functions) and in Node 18+ (global
 * fetch). Copy it next to your code (`creditbar-report.ts`, or the plain `creditbar-report.js`).
 *
 *   const reporter = createReporter({ url, token, workspaceId: 'support', app: 'helpdesk' });
 *   reporter.report({ action: 'llm', memberId: user.id, credits: 3 });
 *   await reporter.flush(); // before a short-lived function returns
 *
 * Events are sent in batches (every `flushMs`, or as soon as `maxBatch` are waiting). A batch that
 * fails with a network error, a timeout, a cut answer, a 429 or a 5xx is sent again, with the same
 * event ids, after a growing pause: the collector stores each id once, so a retried batch is never
 * counted twice. While the collector is away the reporter holds at most `maxQueue` events and drops
 * the oldest, counting them. Nothing here ever throws into the app: mistakes and failures are
 * counted in `stats()` and passed to `onError`.
 */

/** A pool of the workspace: runtime integration credits, or the builder's message credits. */
export type Pool = 'integration' | 'message';

export interface ReporterOptions {
  /** The collector's base URL, e.g. https://creditbar.example.com (no /v1). */
  url: string;
  /** An ingest token of this workspace (`creditbar-server token --scope ingest --workspace ID`). */
  token: string;
  workspaceId: string;
  /** Which published app reports (shown per app in Creditbar). */
  app: string;
  /** Longest wait before a batch goes out, in ms (default 5000). */
  flushMs?: number;
  /** Events per request; a batch this size goes out at once (default 100, at most 10,000). */
  maxBatch?: number;
  /** Most events held while the collector cannot be reached; the oldest are dropped past it (default 10,000). */
  maxQueue?: number;
  /** Default pool of the events (default integration). */
  pool?: Pool;
  /** Pause before the first retry, doubled after each failure up to `maxRetryMs` (defaults 500 and 60,000). */
  retryMs?: number;
  maxRetryMs?: number;
  /** How long one request may take, in ms (default 10,000). */
  timeoutMs?: number;
  /** Told about each failure (never awaited; what it throws is ignored). */
  onError?: (error: ReporterError) => void;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

/** One metered call: what it was, who triggered it, and what it cost when the platform says. */
export interface UsageReport {
  /** e.g. `llm`, `file`, `pdf`, `external_api`, `email`, `integration:slack` (priced by the catalog when `credits` is left out). */
  action: string;
  /** Who triggered it: the app user or team member (an id the lead can name in the collector). */
  memberId: string;
  /** What the platform charged (Base44's `creditsCharged`): always wins over the catalog's price. */
  credits?: number;
  /** Size where the price depends on it: tokens of an LLM call, pages of a PDF. */
  units?: number;
  /** A fingerprint of the call's inputs: repeated ones show up as cache candidates in Creditbar. */
  inputHash?: string;
  /** Overrides the reporter's app. */
  app?: string;
  /** Overrides the reporter's pool. */
  pool?: Pool;
  /** When it happened (default now). */
  occurredAt?: Date | string;
}

export interface ReporterError {
  /** invalid: a report() that could not be used; rejected: the collector refused a batch for good; retry: a failure that will be retried. */
  kind: 'invalid' | 'rejected' | 'retry';
  message: string;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** Events concerned. */
  events: number;
}

export interface ReporterStats {
  /** Events waiting to be sent. */
  queued: number;
  /** Events of the batch being sent now. */
  inFlight: number;
  /** Events the collector stored. */
  sent: number;
  /** Events the collector already had (a retried batch whose first answer was lost): not counted twice. */
  duplicates: number;
  /** Oldest events dropped because `maxQueue` were already held. */
  dropped: number;
  /** Events in batches the collector refused for good (a bad token, an unknown workspace or pool). */
  rejected: number;
  /** report() calls that could not be used (a missing action, a negative credit, a field over 200 characters). */
  invalid: number;
  /** Requests sent again after a failure. */
  retries: number;
  lastError: string | null;
}

export interface Reporter {
  /** Queues one metered call; returns at once and never throws. */
  report(usage: UsageReport): void;
  /** Sends everything queued; resolves (never rejects) when it is sent, refused, or `timeoutMs` passed (default 30,000). */
  flush(timeoutMs?: number): Promise<ReporterStats>;
  /** Flushes, then stops: later reports are dropped (and counted). */
  close(timeoutMs?: number): Promise<ReporterStats>;
  stats(): ReporterStats;
}

interface WireEvent {
  id: string;
  pool: Pool;
  memberId: string;
  app: string;
  action: string;
  credits?: number;
  units?: number;
  inputHash?: string;
  occurredAt: string;
}

/** What the collector accepts (src-shared/api/ingest.ts): checked here so one bad call cannot sink a batch. */
const MAX_FIELD = 200;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
const MAX_CREDITS = 1e9;
const MAX_BATCH = 10_000;

/** A random id, given once when the call is reported and kept through every retry. */
function newId(): string {
  const c = (
    globalThis as {
      crypto?: { randomUUID?: () => string; getRandomValues?: (bytes: Uint8Array) => Uint8Array };
    }
  ).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function problemOf(text: unknown, name: string, required: boolean): string | null {
  if (text === undefined && !required) return null;
  if (typeof text !== 'string' || text === '') return `${name} must be a non-empty string`;
  if (text.length > MAX_FIELD) return `${name} is ${text.length} characters long (at most ${MAX_FIELD})`;
  return null;
}

function numberProblem(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CREDITS)
    return `${name} must be a number from 0 to ${MAX_CREDITS}`;
  return null;
}

/** Does not keep a Node process (or a Deno isolate) alive just to wait for the next batch. */
function unref(timer: unknown): void {
  if (timer && typeof (timer as { unref?: () => void }).unref === 'function') {
    (timer as { unref: () => void }).unref();
    return;
  }
  const deno = (globalThis as { Deno?: { unrefTimer?: (id: number) => void } }).Deno;
  if (typeof timer === 'number' && deno && typeof deno.unrefTimer === 'function') deno.unrefTimer(timer);
}

/** Creates a reporter; it sends nothing until something is reported. */
export function createReporter(options: ReporterOptions): Reporter {
  const base = String(options.url ?? '').replace(/\/+$/, '');
  const endpoint = `${base}/v1/workspaces/${encodeURIComponent(String(options.workspaceId ?? ''))}/events`;
  const maxBatch = Math.min(MAX_BATCH, Math.max(1, Math.floor(options.maxBatch ?? 100)));
  const maxQueue = Math.max(maxBatch, Math.floor(options.maxQueue ?? 10_000));
  const flushMs = Math.max(0, options.flushMs ?? 5000);
  const retryMs = Math.max(1, options.retryMs ?? 500);
  const maxRetryMs = Math.max(retryMs, options.maxRetryMs ?? 60_000);
  const timeoutMs = Math.max(1, options.timeoutMs ?? 10_000);
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  const queue: WireEvent[] = [];
  let inFlight: WireEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pumping: Promise<void> | undefined;
  let draining = false;
  let closed = false;
  /** Ends the pause between retries early (close() does, so that nothing waits a minute for nothing). */
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      unref(t);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  const counts = { sent: 0, duplicates: 0, dropped: 0, rejected: 0, invalid: 0, retries: 0 };
  let lastError: string | null = null;

  const stats = (): ReporterStats => ({
    queued: queue.length,
    inFlight: inFlight.length,
    ...counts,
    lastError,
  });

  const tell = (error: ReporterError) => {
    lastError = error.message;
    try {
      options.onError?.(error);
    } catch {
      // The app's handler failing must not become the app's exception either.
    }
  };

  /** One POST of a batch: 'done', 'rejected' (final) or the pause before trying again. */
  const send = async (batch: WireEvent[], attempt: number): Promise<'done' | 'rejected' | number> => {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const deadline = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
    const backoff = Math.min(maxRetryMs, retryMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    try {
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
        ...(controller ? { signal: controller.signal } : {}),
      });
      // Read the whole answer: a body cut mid-way fails here and the batch is sent again.
      const text = await response.text();
      if (response.ok) {
        const result = JSON.parse(text) as { inserted?: unknown; duplicates?: unknown };
        const inserted = typeof result.inserted === 'number' ? result.inserted : batch.length;
        counts.sent += inserted;
        counts.duplicates += typeof result.duplicates === 'number' ? result.duplicates : 0;
        return 'done';
      }
      let message = `HTTP ${response.status}`;
      try {
        const body = JSON.parse(text) as { error?: { message?: unknown } };
        if (typeof body.error?.message === 'string') message = body.error.message;
      } catch {
        // Not the collector's error shape (a proxy's page): the status says enough.
      }
      if (response.status === 429 || response.status === 408 || response.status >= 500) {
        tell({
          kind: 'retry',
          message: `the collector answered ${response.status} (${message}): retrying`,
          status: response.status,
          events: batch.length,
        });
        const after = Number(response.headers.get('retry-after'));
        return Number.isFinite(after) && after > 0 ? Math.min(after * 1000, maxRetryMs) : backoff;
      }
      counts.rejected += batch.length;
      tell({
        kind: 'rejected',
        message: `the collector refused ${batch.length} events (${response.status}): ${message}`,
        status: response.status,
        events: batch.length,
      });
      return 'rejected';
    } catch (err) {
      const why = controller?.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : String((err as Error)?.message ?? err);
      tell({
        kind: 'retry',
        message: `could not reach the collector (${why}): retrying`,
        events: batch.length,
      });
      return backoff;
    } finally {
      if (deadline !== undefined) clearTimeout(deadline);
    }
  };

  /**
   * Sends batch after batch, one at a time, each until it is done or refused: full batches always;
   * a partial one only when draining (the timer fired, or flush()). A partial rest waits for the timer.
   */
  const pump = (drain: boolean): Promise<void> => {
    if (drain) draining = true;
    pumping ??= (async () => {
      try {
        while ((queue.length >= maxBatch || (draining && queue.length > 0)) && !closed) {
          inFlight = queue.splice(0, maxBatch);
          for (let attempt = 0; ; attempt++) {
            const outcome = await send(inFlight, attempt);
            if (outcome === 'done' || outcome === 'rejected') break;
            await pause(outcome);
            if (closed) {
              // Closed while the collector was away: what is still held will not be sent.
              counts.dropped += inFlight.length + queue.length;
              queue.length = 0;
              break;
            }
            counts.retries++;
          }
          inFlight = [];
        }
      } catch (err) {
        tell({
          kind: 'retry',
          message: `reporter failure: ${String((err as Error)?.message ?? err)}`,
          events: 0,
        });
      } finally {
        pumping = undefined;
        draining = false;
        if (queue.length > 0 && !closed) schedule(false);
      }
    })();
    return pumping;
  };

  /** A full batch goes at once; anything less waits at most flushMs. */
  function schedule(full: boolean): void {
    if (full) {
      void pump(false);
      return;
    }
    if (timer !== undefined || pumping) return;
    timer = setTimeout(() => {
      timer = undefined;
      void pump(true);
    }, flushMs);
    unref(timer);
  }

  const report = (usage: UsageReport): void => {
    try {
      if (closed) {
        counts.dropped++;
        tell({ kind: 'invalid', message: 'report() after close(): the call was not recorded', events: 1 });
        return;
      }
      const u = (usage ?? {}) as UsageReport;
      const at = u.occurredAt === undefined ? Date.now() : new Date(u.occurredAt).getTime();
      const problem =
        problemOf(u.action, 'action', true) ??
        problemOf(u.memberId, 'memberId', true) ??
        problemOf(u.app ?? options.app, 'app', true) ??
        problemOf(u.inputHash, 'inputHash', false) ??
        numberProblem(u.credits, 'credits') ??
        numberProblem(u.units, 'units') ??
        (u.pool !== undefined && u.pool !== 'integration' && u.pool !== 'message'
          ? 'pool must be integration or message'
          : null) ??
        (!Number.isFinite(at) || at < EARLIEST_MS || at > Date.now() + MAX_AHEAD_MS
          ? 'occurredAt must be an instant from 2000 to one day ahead'
          : null);
      if (problem !== null) {
        counts.invalid++;
        tell({ kind: 'invalid', message: `report() ignored: ${problem}`, events: 1 });
        return;
      }
      const event: WireEvent = {
        id: newId(),
        pool: u.pool ?? options.pool ?? 'integration',
        memberId: u.memberId,
        app: u.app ?? options.app,
        action: u.action,
        occurredAt: new Date(at).toISOString(),
      };
      if (u.credits !== undefined) event.credits = u.credits;
      if (u.units !== undefined) event.units = u.units;
      if (u.inputHash !== undefined) event.inputHash = u.inputHash;
      queue.push(event);
      // Bounded: what is held (waiting and in flight) never passes maxQueue; the oldest waiting go first.
      while (queue.length > 0 && queue.length + inFlight.length > maxQueue) {
        queue.shift();
        counts.dropped++;
      }
      schedule(queue.length >= maxBatch);
    } catch (err) {
      counts.invalid++;
      tell({
        kind: 'invalid',
        message: `report() ignored: ${String((err as Error)?.message ?? err)}`,
        events: 1,
      });
    }
  };

  const flush = async (waitMs = 30_000): Promise<ReporterStats> => {
    try {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // A pump already busy with full batches drains the rest too; if it ends first, drain again.
      const done = pump(true).then(() => (queue.length > 0 ? pump(true) : undefined));
      let giveUp: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        done,
        new Promise<void>((resolve) => {
          giveUp = setTimeout(resolve, waitMs);
          unref(giveUp);
        }),
      ]);
      if (giveUp !== undefined) clearTimeout(giveUp);
    } catch {
      // pump() never rejects; this only guards the promise plumbing.
    }
    return stats();
  };

  return {
    report,
    flush,
    close: async (waitMs?: number) => {
      await flush(waitMs);
      closed = true;
      wake?.();
      await pumping;
      return stats();
    },
    stats,
  };
}
