import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { SyncError } from '../../../src-main/sync/sync-errors';
import type { RetryNotice } from '../../../src-main/sync/api-client';
import {
  fakeTime,
  recentLedger,
  runCliWith,
  serverWith,
  sync,
  testCache,
  serverAndCache,
  totalOnServer,
} from './sync-helpers';

const ledger = recentLedger(25);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const setup = () => serverAndCache(ledger, cleanups);

/** Each retry waited within [cap/2, cap] of its exponential step: backoff with jitter. */
function expectBackoff(retries: RetryNotice[]): void {
  for (const r of retries) {
    const cap = Math.min(30_000, 500 * 2 ** (r.attempt - 1));
    expect(r.delayMs).toBeGreaterThanOrEqual(cap / 2);
    expect(r.delayMs).toBeLessThanOrEqual(cap);
  }
}

describe('sync under faults', () => {
  it('rides out a 429 storm, waiting exactly what Retry-After says', async () => {
    const t = await setup();
    const time = fakeTime();
    // The server's limiter runs on the same fake clock, so waiting means advancing it.
    t.server.setRateLimit({ max: 2, windowMs: 2000, now: time.now });
    const retries: RetryNotice[] = [];
    const summary = await sync(t.cache, t.server.url, t.token, {
      pageSize: 300,
      now: time.now,
      sleep: time.sleep,
      retries,
    });
    t.server.setRateLimit(null);
    expect(summary.errors).toEqual([]);
    expect(summary.inserted).toBe(await totalOnServer(t, ledger));
    const limited = retries.filter((r) => r.reason.includes('429'));
    expect(limited.length).toBeGreaterThan(10);
    for (const r of limited) expect(r.delayMs % 1000).toBe(0);
    expect(time.delays).toEqual(retries.map((r) => r.delayMs));
  });

  it('gives up with a clear message when Retry-After is longer than it is willing to wait', async () => {
    const t = await setup();
    t.server.setRateLimit({ max: 1, windowMs: 3_600_000 });
    const time = fakeTime();
    const error = await sync(t.cache, t.server.url, t.token, { now: time.now, sleep: time.sleep }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(
      /keeps rate-limiting this token \(429\): try again after \d{4}-/,
    );
    expect(t.cache.read.syncState.account('acme').lastErrorKind).toBe('server');
  });

  it('retries 500s and cut bodies with exponential backoff and loses or doubles nothing', async () => {
    const t = await setup();
    t.server.setFaults({ error500: 0.25, cut: 0.2, seed: 4 });
    const time = fakeTime();
    const retries: RetryNotice[] = [];
    const summary = await sync(t.cache, t.server.url, t.token, {
      pageSize: 400,
      now: time.now,
      sleep: time.sleep,
      retries,
      retry: { retries: 10 },
    });
    t.server.setFaults(null);
    expect(summary.errors).toEqual([]);
    expect(retries.some((r) => r.reason.includes('500'))).toBe(true);
    // A cut body is a broken answer of a server that is there (issue 16), never "cannot reach".
    expect(retries.some((r) => /broke off before its end|closed before the answer/.test(r.reason))).toBe(
      true,
    );
    expect(retries.some((r) => r.reason.includes('cannot reach'))).toBe(false);
    expectBackoff(retries);
    expect(summary.inserted).toBe(await totalOnServer(t, ledger));
    for (const w of summary.workspaces)
      for (const d of w.drift) expect(d.localRemaining).toBeCloseTo(d.serverRemaining, 8);
  });

  it('times out a request that stalls and retries it', async () => {
    const t = await setup();
    t.server.setFaults({ slow: 0.3, slowMs: 1500, seed: 2 });
    const retries: RetryNotice[] = [];
    const time = fakeTime();
    const summary = await sync(t.cache, t.server.url, t.token, {
      pageSize: 2000,
      timeoutMs: 150,
      now: time.now,
      sleep: time.sleep,
      retries,
      retry: { retries: 10 },
    });
    t.server.setFaults(null);
    expect(retries.some((r) => r.reason.includes('no answer'))).toBe(true);
    expect(summary.inserted).toBe(await totalOnServer(t, ledger));
  });

  it('offline: fails fast with a clear error, and the last data stays usable', async () => {
    const t = await setup();
    await sync(t.cache, t.server.url, t.token);
    const asOf = Date.now();
    const before = evaluateCache(t.cache, { asOf });
    const url = t.server.url;
    await t.server.close();
    const retries: RetryNotice[] = [];
    const error = await sync(t.cache, url, t.token, { retries }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('offline');
    expect((error as SyncError).message).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\): check the server address and your connection; the last synced data stays available$/,
    );
    expect(retries).toHaveLength(1);
    const state = t.cache.read.syncState.account('acme');
    expect(state.lastErrorKind).toBe('offline');
    expect(state.lastSuccessAt).not.toBeNull();
    expect(evaluateCache(t.cache, { asOf })).toEqual(before);
    const cli = await runCliWith(['sync', '--server', url, '--token-env', 'T', '--db', t.file], {
      T: t.token,
    });
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/^creditbar: cannot reach .*ECONNREFUSED/);
    const status = await runCliWith(['status', '--db', t.file]);
    expect(status.code).toBe(0);
    // The last sync failed: the data is still shown, and says it is the cached copy of an offline account.
    expect(status.stdout).toMatch(/Zite Pro: offline, cached (just now|\d+ minutes? ago)\n/);
  });

  it('a refused token is reported as such, without retries', async () => {
    const t = await setup();
    const retries: RetryNotice[] = [];
    const error = await sync(t.cache, t.server.url, 'cb_wrong-token-0000', { retries }).catch(
      (e: unknown) => e,
    );
    expect((error as SyncError).kind).toBe('auth');
    // The app's wording: the token lives in Settings (the CLI names its environment variable instead).
    expect((error as Error).message).toBe(
      'the server refused the token (401): check the token of this account in Settings',
    );
    expect(retries).toEqual([]);
  });

  it('is cancellable between pages; nothing stored is lost and the next sync completes', async () => {
    const t = await setup();
    const controller = new AbortController();
    const error = await sync(t.cache, t.server.url, t.token, {
      pageSize: 200,
      signal: controller.signal,
      onProgress: (p) => p.pages === 3 && controller.abort(),
    }).catch((e: unknown) => e);
    expect((error as SyncError).kind).toBe('cancelled');
    const stored = t.cache.read.events.count();
    expect(stored).toBe(600);
    const rest = await sync(t.cache, t.server.url, t.token);
    expect(stored + rest.inserted).toBe(await totalOnServer(t, ledger));
  });
});

describe('server and client clocks disagree', () => {
  it.each([
    ['the server is 2 h ahead', 2 * 3_600_000, 0],
    ['our clock is 3 h behind', 0, -3 * 3_600_000],
  ])('%s: sync, reconciliation and freshness still hold', async (_name, serverSkew, clientSkew) => {
    const s = await serverWith(ledger, { clock: () => Date.now() + serverSkew });
    cleanups.push(() => s.server.close());
    const now = () => Date.now() + clientSkew;
    const c = testCache(now);
    cleanups.push(c.cleanup);
    const summary = await sync(c.cache, s.server.url, s.token, { now });
    expect(summary.errors).toEqual([]);
    expect(Math.abs(summary.serverOffsetMs - (serverSkew - clientSkew))).toBeLessThan(5_000);
    expect(c.cache.read.syncState.account('acme').serverOffsetMs).toBe(summary.serverOffsetMs);
    // Reconciliation asks the server for the same asOf, so skew never shows as drift.
    for (const w of summary.workspaces)
      for (const d of w.drift) expect(d.localRemaining).toBeCloseTo(d.serverRemaining, 8);
    // Ages are measured on our clock only: the last sync is "just now" whatever the server's clock says.
    const last = c.cache.read.syncState.workspace(
      c.cache.read.workspaces.byId('zite-pro')!.key,
    ).lastSuccessAt!;
    expect(Math.abs(last - now())).toBeLessThan(60_000);
  });
});

/** A tiny real HTTP server of our own that answers with whatever page the test sets: malformed on purpose. */
async function scriptedServer(
  pages: Record<string, unknown>,
): Promise<{ url: string; pages: Record<string, unknown>; close: () => Promise<void> }> {
  const workspaces = {
    workspaces: ['good', 'bad'].map((id) => ({
      id,
      name: id,
      provider: 'zite',
      plan: 'pro',
      existingCustomer: false,
      pools: [{ pool: 'integration', allowance: 1000, reset: { kind: 'calendar-month' }, overage: false }],
      members: [],
    })),
    rateCards: [],
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/v1/health')
      return send(200, { status: 'ok', version: 'test', apiVersion: 1, now: new Date().toISOString() });
    if (url.pathname === '/v1/workspaces') return send(200, workspaces);
    const m = /^\/v1\/workspaces\/([^/]+)\/(grants|usage|balance)$/.exec(url.pathname);
    if (!m) return send(404, { error: { code: 'not_found', message: 'no such route' } });
    const [, id, what] = m;
    if (what === 'grants') return send(200, { workspaceId: id, grants: [] });
    if (what === 'balance') return send(404, { error: { code: 'not_found', message: 'no balance here' } });
    const key = `${id}:${url.searchParams.get('cursor') ?? ''}`;
    return key in pages
      ? send(200, pages[key])
      : send(200, { events: [], nextCursor: url.searchParams.get('cursor') ?? 'start', hasMore: false });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, pages, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * An event an hour before the test runs: the cache keeps the current and the previous period raw
 * (retention.ts), so an hour ago is always counted in events.count; a fixed date (it was Nov 2 2026)
 * is compacted away once the run is two months later.
 */
const event = (ws: string, id: string, occurredAt = new Date(Date.now() - 3_600_000).toISOString()) => ({
  id,
  workspaceId: ws,
  pool: 'integration',
  memberId: 'm',
  action: 'email',
  occurredAt,
});

describe('malformed pages', () => {
  it('are rejected whole with a clear error in the sync state; nothing stored is lost; the next sync resumes', async () => {
    const s = await scriptedServer({
      'good:': { events: [event('good', 'g1'), event('good', 'g2')], nextCursor: 'g-1', hasMore: false },
      'bad:': { events: [event('bad', 'b1'), event('bad', 'b2')], nextCursor: 'b-1', hasMore: true },
      'bad:b-1': {
        events: [event('bad', 'b3'), { ...event('bad', 'b4'), occurredAt: 'last tuesday' }],
        nextCursor: 'b-2',
        hasMore: false,
      },
    });
    cleanups.push(s.close);
    const c = testCache();
    cleanups.push(c.cleanup);
    const summary = await sync(c.cache, s.url, 'token-1234', { reconcile: false });
    const bad = c.cache.read.workspaces.byId('bad')!;
    const good = c.cache.read.workspaces.byId('good')!;
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toBe(
      'the server sent a malformed answer for a usage page of workspace "bad" (events[1].occurredAt: expected an ISO 8601 instant such as 2026-11-01T00:00:00Z): it was rejected whole and nothing stored changed; report it to the server\'s operator',
    );
    expect(c.cache.read.syncState.workspace(bad.key)).toMatchObject({
      cursor: 'b-1',
      eventsReceived: 2,
      lastError: summary.errors[0],
    });
    expect(c.cache.read.events.count(bad.key)).toBe(2);
    expect(c.cache.read.events.count(good.key)).toBe(2);
    expect(c.cache.read.syncState.account('acme').lastErrorKind).toBe('malformed');

    // A page with an event of another workspace is malformed too.
    s.pages['bad:b-1'] = {
      events: [event('bad', 'b3'), event('good', 'g9')],
      nextCursor: 'b-2',
      hasMore: false,
    };
    const stray = await sync(c.cache, s.url, 'token-1234', { reconcile: false });
    expect(stray.errors[0]).toMatch(/events\[1\] \(id "g9"\) belongs to workspace "good"/);
    expect(c.cache.read.events.count(bad.key)).toBe(2);

    s.pages['bad:b-1'] = {
      events: [event('bad', 'b3'), event('bad', 'b4')],
      nextCursor: 'b-2',
      hasMore: false,
    };
    const fixed = await sync(c.cache, s.url, 'token-1234', { reconcile: false });
    expect(fixed.errors).toEqual([]);
    expect(c.cache.read.events.count(bad.key)).toBe(4);
    expect(c.cache.read.syncState.workspace(bad.key)).toMatchObject({ cursor: 'b-2', lastError: null });
  });

  it('a workspace list that breaks the contract fails the sync and changes nothing', async () => {
    const s = await scriptedServer({});
    cleanups.push(s.close);
    const c = testCache();
    cleanups.push(c.cleanup);
    await sync(c.cache, s.url, 'token-1234', { reconcile: false });
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        req.url === '/v1/health'
          ? JSON.stringify({ status: 'ok', version: 't', apiVersion: 1, now: new Date().toISOString() })
          : '{"workspaces":[{"id":""}],"rateCards":[]}',
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const error = await sync(
      c.cache,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      'token-1234',
    ).catch((e: unknown) => e);
    expect((error as SyncError).kind).toBe('malformed');
    expect((error as Error).message).toMatch(
      /malformed answer for the workspace list \(workspaces\[0\]\.id: /,
    );
    expect(c.cache.read.workspaces.list().map((w) => w.workspace.id)).toEqual(['good', 'bad']);
  });
});
