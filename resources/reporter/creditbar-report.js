// Generated from creditbar-report.ts by `npm run reporter`: edit the .ts and regenerate. Plain JavaScript
// (ES2022 modules) for Node 18+ and anything else with a global fetch; no dependencies.
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
/** What the collector accepts (src-shared/api/ingest.ts): checked here so one bad call cannot sink a batch. */
const MAX_FIELD = 200;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
const MAX_CREDITS = 1e9;
const MAX_BATCH = 10_000;
/** A random id, given once when the call is reported and kept through every retry. */
function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
function problemOf(text, name, required) {
  if (text === undefined && !required) return null;
  if (typeof text !== 'string' || text === '') return `${name} must be a non-empty string`;
  if (text.length > MAX_FIELD) return `${name} is ${text.length} characters long (at most ${MAX_FIELD})`;
  return null;
}
function numberProblem(value, name) {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_CREDITS)
    return `${name} must be a number from 0 to ${MAX_CREDITS}`;
  return null;
}
/** Does not keep a Node process (or a Deno isolate) alive just to wait for the next batch. */
function unref(timer) {
  if (timer && typeof timer.unref === 'function') {
    timer.unref();
    return;
  }
  const deno = globalThis.Deno;
  if (typeof timer === 'number' && deno && typeof deno.unrefTimer === 'function') deno.unrefTimer(timer);
}
/** Creates a reporter; it sends nothing until something is reported. */
export function createReporter(options) {
  const base = String(options.url ?? '').replace(/\/+$/, '');
  const endpoint = `${base}/v1/workspaces/${encodeURIComponent(String(options.workspaceId ?? ''))}/events`;
  const maxBatch = Math.min(MAX_BATCH, Math.max(1, Math.floor(options.maxBatch ?? 100)));
  const maxQueue = Math.max(maxBatch, Math.floor(options.maxQueue ?? 10_000));
  const flushMs = Math.max(0, options.flushMs ?? 5000);
  const retryMs = Math.max(1, options.retryMs ?? 500);
  const maxRetryMs = Math.max(retryMs, options.maxRetryMs ?? 60_000);
  const timeoutMs = Math.max(1, options.timeoutMs ?? 10_000);
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const queue = [];
  let inFlight = [];
  let timer;
  let pumping;
  let draining = false;
  let closed = false;
  /** Ends the pause between retries early (close() does, so that nothing waits a minute for nothing). */
  let wake;
  const pause = (ms) =>
    new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      unref(t);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  const counts = { sent: 0, duplicates: 0, dropped: 0, rejected: 0, invalid: 0, retries: 0 };
  let lastError = null;
  const stats = () => ({
    queued: queue.length,
    inFlight: inFlight.length,
    ...counts,
    lastError,
  });
  const tell = (error) => {
    lastError = error.message;
    try {
      options.onError?.(error);
    } catch {
      // The app's handler failing must not become the app's exception either.
    }
  };
  /** One POST of a batch: 'done', 'rejected' (final) or the pause before trying again. */
  const send = async (batch, attempt) => {
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
        const result = JSON.parse(text);
        const inserted = typeof result.inserted === 'number' ? result.inserted : batch.length;
        counts.sent += inserted;
        counts.duplicates += typeof result.duplicates === 'number' ? result.duplicates : 0;
        return 'done';
      }
      let message = `HTTP ${response.status}`;
      try {
        const body = JSON.parse(text);
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
        : String(err?.message ?? err);
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
  const pump = (drain) => {
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
          message: `reporter failure: ${String(err?.message ?? err)}`,
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
  function schedule(full) {
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
  const report = (usage) => {
    try {
      if (closed) {
        counts.dropped++;
        tell({ kind: 'invalid', message: 'report() after close(): the call was not recorded', events: 1 });
        return;
      }
      const u = usage ?? {};
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
      const event = {
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
        message: `report() ignored: ${String(err?.message ?? err)}`,
        events: 1,
      });
    }
  };
  const flush = async (waitMs = 30_000) => {
    try {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // A pump already busy with full batches drains the rest too; if it ends first, drain again.
      const done = pump(true).then(() => (queue.length > 0 ? pump(true) : undefined));
      let giveUp;
      await Promise.race([
        done,
        new Promise((resolve) => {
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
    close: async (waitMs) => {
      await flush(waitMs);
      closed = true;
      wake?.();
      await pumping;
      return stats();
    },
    stats,
  };
}
