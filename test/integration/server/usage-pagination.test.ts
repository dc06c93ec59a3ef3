import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usagePageSchema, type UsagePage } from '../../../src-shared/api';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { call, errorOf, startTestServer, type TestServer } from './server-fixture';

const TOTAL = 2345;

function ledgerOf(count: number): Ledger {
  return {
    version: 1,
    workspaces: [
      { id: 'big', name: 'Big', provider: 'zite', plan: 'team' },
      { id: 'small', name: 'Small', provider: 'zite', plan: 'pro' },
    ],
    grants: [],
    events: Array.from({ length: count }, (_, i) => ({
      id: `e${i}`,
      workspaceId: i % 10 === 0 ? 'small' : 'big',
      pool: 'integration' as const,
      memberId: `m${i % 7}`,
      action: i % 2 ? 'email' : 'integration:hubspot',
      occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    })),
  };
}

async function page(server: TestServer, token: string, workspace: string, query: string): Promise<UsagePage> {
  const r = await call(server, `/v1/workspaces/${workspace}/usage${query}`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return usagePageSchema.parse(r.body);
}

/** Follows nextCursor from `cursor` while hasMore; returns every event seen and the last cursor. */
async function drain(server: TestServer, token: string, workspace: string, limit: number, cursor?: string) {
  const seen: UsageEvent[] = [];
  let pages = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const p = await page(server, token, workspace, `?${q}`);
    expect(p.events.length).toBeLessThanOrEqual(limit);
    seen.push(...p.events);
    cursor = p.nextCursor;
    pages++;
    if (!p.hasMore) return { seen, cursor, pages };
  }
}

describe('GET /v1/workspaces/{id}/usage', () => {
  let server: TestServer;
  let token: string;
  const ingest: Record<string, string> = {};
  const expectedBig = ledgerOf(TOTAL)
    .events.filter((e) => e.workspaceId === 'big')
    .map((e) => e.id);

  beforeAll(async () => {
    server = await startTestServer();
    const account = server.admin.createAccount('paging');
    server.admin.importLedger(account.accountId, ledgerOf(TOTAL));
    token = account.token;
    for (const ws of ['big', 'small'])
      ingest[ws] = server.admin.createToken(account.accountId, { scope: 'ingest', workspaceId: ws });
  });
  afterAll(() => server.stop());

  it.each([1000, 5000, 7, 333])(
    'returns every event exactly once, in a stable order, with pages of %i',
    async (limit) => {
      const { seen, pages } = await drain(server, token, 'big', limit);
      expect(seen.map((e) => e.id)).toEqual(expectedBig);
      expect(pages).toBe(Math.max(1, Math.ceil(expectedBig.length / limit)));
      expect(seen.every((e) => e.workspaceId === 'big')).toBe(true);
    },
  );

  it('pages 1000 events by default and says when more are waiting', async () => {
    const first = await page(server, token, 'big', '');
    expect(first.events).toHaveLength(1000);
    expect(first.hasMore).toBe(true);
    const last = await page(
      server,
      token,
      'big',
      `?cursor=${(await drain(server, token, 'big', 5000)).cursor}`,
    );
    expect(last).toMatchObject({ events: [], hasMore: false });
  });

  it('resumes from a stored cursor with only what arrived since, including events ingested after the last page', async () => {
    const { cursor: stored } = await drain(server, token, 'big', 1000);
    const empty = await page(server, token, 'big', `?cursor=${stored}`);
    expect(empty.events).toEqual([]);
    expect(empty.nextCursor).toBe(stored);

    const fresh = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `new-${from + i}`,
        pool: 'integration',
        memberId: 'm1',
        action: 'email',
        // Older than many stored events: the order is arrival, not occurredAt, so nothing is skipped.
        occurredAt: '2026-11-01T00:00:00Z',
      }));
    expect(
      (
        await call(server, '/v1/workspaces/big/events', {
          token: ingest.big!,
          method: 'POST',
          body: { events: fresh(25, 0) },
        })
      ).status,
    ).toBe(200);
    // Another workspace's arrivals never show up here.
    await call(server, '/v1/workspaces/small/events', {
      token: ingest.small!,
      method: 'POST',
      body: { events: fresh(5, 100) },
    });

    const resumed = await drain(server, token, 'big', 10, stored);
    expect(resumed.seen.map((e) => e.id)).toEqual(fresh(25, 0).map((e) => e.id));
    expect(resumed.pages).toBe(3);

    await call(server, '/v1/workspaces/big/events', {
      token: ingest.big!,
      method: 'POST',
      body: { events: fresh(3, 25) },
    });
    const again = await drain(server, token, 'big', 1000, resumed.cursor);
    expect(again.seen.map((e) => e.id)).toEqual(['new-25', 'new-26', 'new-27']);
  });

  it.each([
    ['0', 'at least 1'],
    ['5001', 'at most 5000'],
    ['abc', 'whole number'],
    ['1.5', 'whole number'],
    ['', 'at least 1'],
  ])('refuses limit=%s with 400 naming the parameter', async (limit, text) => {
    const r = await call(server, `/v1/workspaces/big/usage?limit=${limit}`, { token });
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('invalid_parameter');
    expect(errorOf(r).message).toContain('"limit"');
    expect(errorOf(r).message).toContain(text);
  });

  it('refuses a garbled cursor, a repeated parameter and an unknown one, naming each', async () => {
    const garbled = await call(server, '/v1/workspaces/big/usage?cursor=not-a-cursor', { token });
    expect(garbled.status).toBe(400);
    expect(errorOf(garbled)).toMatchObject({ code: 'invalid_parameter' });
    expect(errorOf(garbled).message).toContain('"cursor"');
    const twice = await call(server, '/v1/workspaces/big/usage?limit=5&limit=6', { token });
    expect(twice.status).toBe(400);
    expect(errorOf(twice).message).toContain('"limit" given more than once');
    const unknown = await call(server, '/v1/workspaces/big/usage?limt=5', { token });
    expect(errorOf(unknown).message).toContain('Unknown query parameter "limt"');
  });

  it('answers cursor_expired for a cursor of another workspace or another database', async () => {
    const smallCursor = (await page(server, token, 'small', '?limit=1')).nextCursor;
    const r = await call(server, `/v1/workspaces/big/usage?cursor=${smallCursor}`, { token });
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('cursor_expired');

    const other = await startTestServer();
    try {
      const account = other.admin.createAccount('paging');
      other.admin.importLedger(account.accountId, ledgerOf(50));
      const foreign = await call(other, `/v1/workspaces/big/usage?cursor=${smallCursor}`, {
        token: account.token,
      });
      expect(errorOf(foreign).code).toBe('cursor_expired');
      expect(errorOf(foreign).message).toContain('without a cursor');
    } finally {
      await other.stop();
    }
  });

  it('compresses pages when the client accepts it', async () => {
    const r = await fetch(`${server.url}/v1/workspaces/big/usage?limit=500`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(usagePageSchema.parse(await r.json()).events).toHaveLength(500);
    const plain = await fetch(`${server.url}/v1/workspaces/big/usage?limit=500`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('sends a page as UTF-8 bytes with its length, the same events compressed or not', async () => {
    const account = server.admin.createAccount('text');
    const event = {
      id: 'zoë-1 "quoted" \\ \u2028 😀',
      workspaceId: 'intl',
      pool: 'integration' as const,
      memberId: 'łukasz',
      app: 'café\tcrm',
      action: 'integration:日本',
      credits: 0.30000000000000004,
      occurredAt: '2026-10-31T23:59:00.000Z',
      inputHash: '\u0001h',
    };
    server.admin.importLedger(account.accountId, {
      version: 1,
      workspaces: [{ id: 'intl', name: 'Intl', provider: 'zite', plan: 'pro' }],
      grants: [],
      events: [event, ...ledgerOf(3000).events.map((e) => ({ ...e, workspaceId: 'intl' }))],
    });
    const get = (encoding: string) =>
      fetch(`${server.url}/v1/workspaces/intl/usage?limit=5000`, {
        headers: { authorization: `Bearer ${account.token}`, 'accept-encoding': encoding },
      });
    const plain = await get('identity');
    const bytes = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(plain.headers.get('content-length'))).toBe(bytes.length);
    const body = usagePageSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(body.events[0]).toEqual(event);
    expect(body.events).toHaveLength(3001);
    const zipped = await get('gzip');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(zipped.headers.get('content-length'))).toBeGreaterThan(0);
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(bytes.length / 4);
    expect(await zipped.json()).toEqual(body);
  });
});
