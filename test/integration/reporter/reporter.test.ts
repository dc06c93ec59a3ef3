import { afterEach, describe, expect, it } from 'vitest';
import { createReporter, type ReporterError } from '../../../resources/reporter/creditbar-report';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import { countingFetch, startCollector, storedEvents, until, type Collector } from './reporter-fixture';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function collector(): Promise<Collector> {
  const c = await startCollector();
  cleanups.push(() => c.server.stop());
  return c;
}

/** Fast retries so that a test of backoff takes milliseconds, not minutes. */
const FAST = { flushMs: 20, retryMs: 5, maxRetryMs: 40, timeoutMs: 2000 };

describe('the reporter against the real collector on loopback', () => {
  it('sends full batches at once and the rest when flushed or when flushMs passes', async () => {
    const c = await collector();
    const spy = countingFetch();
    const reporter = createReporter({
      url: `${c.server.url}/`,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      flushMs: 60_000,
      maxBatch: 100,
      fetch: spy.fetch,
    });
    for (let i = 0; i < 250; i++) reporter.report({ action: 'file', memberId: 'ana', units: i });
    // Two batches of 100 left as soon as they were full; the last 50 wait for the timer or a flush.
    await until(() => reporter.stats().sent === 200, 'two full batches');
    expect(reporter.stats().queued).toBe(50);
    const stats = await reporter.flush();
    expect(spy.batches).toEqual([100, 100, 50]);
    expect(stats).toMatchObject({ sent: 250, queued: 0, inFlight: 0, duplicates: 0, dropped: 0, retries: 0 });
    const stored = await storedEvents(c);
    expect(stored).toHaveLength(250);
    expect(new Set(stored.map((e) => e.id)).size).toBe(250);
    expect(stored[0]).toMatchObject({
      app: 'helpdesk',
      action: 'file',
      memberId: 'ana',
      pool: 'integration',
    });

    const timed = countingFetch();
    const quick = createReporter({
      url: c.server.url,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      flushMs: 30,
      fetch: timed.fetch,
    });
    quick.report({ action: 'llm', memberId: 'ana', credits: 2 });
    quick.report({ action: 'llm', memberId: 'ana', credits: 3 });
    await until(() => quick.stats().sent === 2, 'the timer to send the batch');
    expect(timed.batches).toEqual([2]);
  });

  it('retries a batch after 500s and stores it once the collector answers', async () => {
    const c = await collector();
    const errors: ReporterError[] = [];
    const reporter = createReporter({
      url: c.server.url,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      ...FAST,
      onError: (e) => errors.push(e),
    });
    c.server.setFaults({ error500: 1 });
    for (let i = 0; i < 10; i++) reporter.report({ action: 'external_api', memberId: 'ana' });
    await until(() => reporter.stats().retries >= 3, 'three retries');
    expect(reporter.stats()).toMatchObject({ sent: 0, inFlight: 10 });
    expect(errors[0]).toMatchObject({ kind: 'retry', status: 500, events: 10 });
    c.server.setFaults(null);
    const stats = await reporter.flush();
    expect(stats).toMatchObject({ sent: 10, inFlight: 0, queued: 0, rejected: 0 });
    expect(await storedEvents(c)).toHaveLength(10);
  });

  it('sends a batch again after a cut answer, and the collector counts it once', async () => {
    const c = await collector();
    const posted: string[][] = [];
    const reporter = createReporter({
      url: c.server.url,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      ...FAST,
      fetch: (input, init) => {
        posted.push((JSON.parse(String(init?.body)) as { events: { id: string }[] }).events.map((e) => e.id));
        return fetch(input, init);
      },
    });
    // The handler runs and stores the batch, then the answer is cut halfway: the reporter cannot know.
    c.server.setFaults({ cut: 1 });
    for (let i = 0; i < 10; i++) reporter.report({ action: 'llm', memberId: 'ana', credits: 2 });
    await until(() => reporter.stats().retries >= 2, 'retries after cut answers');
    c.server.setFaults(null);
    const stats = await reporter.flush();
    // Every attempt carried the same ten ids, given once when each call was reported.
    expect(posted.length).toBeGreaterThanOrEqual(3);
    for (const ids of posted) expect(ids).toEqual(posted[0]);
    const stored = await storedEvents(c);
    expect(stored.map((e) => e.id).sort()).toEqual([...posted[0]!].sort());
    // The first cut attempt stored them; the answer that got through found them all there already.
    expect(stats).toMatchObject({ sent: 0, duplicates: 10, inFlight: 0 });
  });

  it('delivers everything exactly once through a mix of 500s, cut answers and slow answers', async () => {
    const c = await collector();
    const reporter = createReporter({
      url: c.server.url,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      maxBatch: 25,
      ...FAST,
      timeoutMs: 150,
    });
    c.server.setFaults({ error500: 0.25, cut: 0.25, slow: 0.1, slowMs: 400, seed: 7 });
    // 300 calls of 1 to 3 credits: 100 of each, so 600 credits in all.
    for (let i = 0; i < 300; i++) reporter.report({ action: 'llm', memberId: 'ana', credits: 1 + (i % 3) });
    const stats = await reporter.flush(60_000);
    c.server.setFaults(null);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats).toMatchObject({ queued: 0, inFlight: 0, dropped: 0, rejected: 0 });
    expect(stats.sent + stats.duplicates).toBe(300);
    const stored = await storedEvents(c);
    expect(stored).toHaveLength(300);
    expect(stored.reduce((sum, e) => sum + (e.credits ?? 0), 0)).toBe(600);
  });

  it('holds at most maxQueue events while the collector is down, drops the oldest waiting, and sends the rest when it is back', async () => {
    const c = await collector();
    const { port, dbPath } = c.server;
    await c.server.close(); // the collector goes away; its file stays
    const reporter = createReporter({
      url: `http://127.0.0.1:${port}`,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      maxBatch: 10,
      maxQueue: 100,
      ...FAST,
      flushMs: 0,
    });
    for (let i = 0; i < 250; i++) reporter.report({ action: 'file', memberId: 'ana', units: i });
    await until(() => reporter.stats().retries >= 2, 'the first batch failing');
    // Worked out by hand: the batch of 10 in flight (calls 0-9) is kept; of the 240 that waited,
    // only 90 fit beside it, the newest (calls 160-249): 150 dropped.
    expect(reporter.stats()).toMatchObject({ inFlight: 10, queued: 90, dropped: 150, sent: 0 });

    const back: RunningServer = await startServer({ port, host: '127.0.0.1', dbPath });
    cleanups.push(() => back.close());
    const stats = await reporter.flush();
    expect(stats).toMatchObject({ sent: 100, queued: 0, inFlight: 0, dropped: 150 });
    const units = (await storedEvents({ server: back, read: c.read }))
      .map((e) => e.units!)
      .sort((a, b) => a - b);
    expect(units).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 90 }, (_, i) => 160 + i),
    ]);
  });

  it('never throws into the app: bad calls are counted, refusals and dead ends reported, nothing unhandled', async () => {
    const c = await collector();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(() => void process.off('unhandledRejection', onUnhandled));
    const errors: ReporterError[] = [];
    const reporter = createReporter({
      url: c.server.url,
      token: c.ingest,
      workspaceId: 'support',
      app: 'helpdesk',
      ...FAST,
      onError: (e) => {
        errors.push(e);
        throw new Error('the app’s own handler fails too');
      },
    });
    const bad: unknown[] = [
      undefined,
      null,
      42,
      {},
      { action: '', memberId: 'ana' },
      { action: 'llm' },
      { action: 'x'.repeat(201), memberId: 'ana' },
      { action: 'llm', memberId: 'ana', credits: -1 },
      { action: 'llm', memberId: 'ana', credits: Number.NaN },
      { action: 'llm', memberId: 'ana', units: Infinity },
      { action: 'llm', memberId: 'ana', occurredAt: 'last tuesday' },
      { action: 'llm', memberId: 'ana', occurredAt: '1999-12-31T23:59:59Z' },
      { action: 'llm', memberId: 'ana', pool: 'gold' },
    ];
    for (const usage of bad) expect(() => reporter.report(usage as never)).not.toThrow();
    reporter.report({ action: 'llm', memberId: 'ana', credits: 1 });
    expect(reporter.stats()).toMatchObject({ invalid: bad.length, queued: 1 });
    expect(errors.filter((e) => e.kind === 'invalid')).toHaveLength(bad.length);
    expect((await reporter.flush()).sent).toBe(1);

    // A token the collector refuses: the batch is dropped as rejected at once, not retried forever.
    const revoked = c.server.admin.createToken(c.accountId, { scope: 'ingest', workspaceId: 'support' });
    c.server.admin.revokeTokens(c.accountId, revoked);
    const refused = createReporter({
      url: c.server.url,
      token: revoked,
      workspaceId: 'support',
      app: 'a',
      ...FAST,
    });
    refused.report({ action: 'llm', memberId: 'ana' });
    expect(await refused.flush()).toMatchObject({ rejected: 1, retries: 0, queued: 0, inFlight: 0 });
    expect(refused.stats().lastError).toContain('(401)');
    // A read token pasted by mistake: refused with the collector's own sentence.
    const readOnly = createReporter({
      url: c.server.url,
      token: c.read,
      workspaceId: 'support',
      app: 'a',
      ...FAST,
    });
    readOnly.report({ action: 'llm', memberId: 'ana' });
    expect((await readOnly.flush()).lastError).toContain('read-only');

    // A fetch that throws synchronously, and a URL that is no URL: retried, never thrown.
    const broken = createReporter({
      url: 'not a url',
      token: 't',
      workspaceId: 'support',
      app: 'a',
      ...FAST,
      fetch: () => {
        throw new TypeError('boom');
      },
    });
    broken.report({ action: 'llm', memberId: 'ana' });
    const stuck = await broken.flush(100);
    expect(stuck.inFlight + stuck.queued).toBe(1);
    expect(stuck.lastError).toContain('boom');
    const closed = await broken.close(50);
    expect(closed).toMatchObject({ inFlight: 0, queued: 0, dropped: 1 });
    expect(() => broken.report({ action: 'llm', memberId: 'ana' })).not.toThrow();
    expect(broken.stats().dropped).toBe(2);
    await reporter.close();
    expect(unhandled).toEqual([]);
  });
});
