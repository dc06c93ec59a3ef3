import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, workspaceListSchema } from '../../../src-shared/api';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

describe('rate limit per token', () => {
  let server: TestServer;
  let token: string;
  let second: string;
  let now = 0;

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { max: 3, windowMs: 60_000, now: () => now } });
    const account = server.admin.createAccount('acme-co');
    server.admin.importLedger(account.accountId, fixtureLedger(5));
    token = account.token;
    second = server.admin.createToken(account.accountId, { label: 'second' });
  });
  afterAll(() => server.stop());

  it('answers 429 with Retry-After once a token spends its budget, and lets it through after the wait', async () => {
    for (let i = 0; i < 3; i++) expect((await call(server, '/v1/workspaces', { token })).status).toBe(200);
    const limited = await call(server, '/v1/workspaces/acme/usage', { token });
    expect(limited.status).toBe(429);
    expect(apiErrorSchema.parse(limited.body).error.code).toBe('rate_limited');
    // One request refills in 60 s / 3 = 20 s.
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(errorOf(limited).message).toContain('retry after 20 s');
    // Another token of the same account has its own budget; health is never limited.
    expect((await call(server, '/v1/workspaces', { token: second })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await call(server, '/v1/health')).status).toBe(200);
    now += 20_000;
    expect((await call(server, '/v1/workspaces', { token })).status).toBe(200);
    expect((await call(server, '/v1/workspaces', { token })).status).toBe(429);
  });

  it('does not spend the budget on requests with a wrong token', async () => {
    for (let i = 0; i < 5; i++)
      expect((await call(server, '/v1/workspaces', { token: 'wrong' })).status).toBe(401);
  });

  it('can be lifted while the server runs', async () => {
    server.setRateLimit(null);
    for (let i = 0; i < 10; i++) expect((await call(server, '/v1/workspaces', { token })).status).toBe(200);
  });
});

describe('injected fault mode', () => {
  let server: TestServer;
  let token: string;
  let ingestToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    const account = server.admin.createAccount('acme-co');
    server.admin.importLedger(account.accountId, fixtureLedger(400));
    token = account.token;
    ingestToken = server.admin.createToken(account.accountId, { scope: 'ingest', workspaceId: 'acme' });
  });
  afterEach(() => server.setFaults(null));
  afterAll(() => server.stop());

  it('answers 500 injected_fault without running the handler', async () => {
    server.setFaults({ error500: 1 });
    const r = await call(server, '/v1/workspaces/acme/events', {
      token: ingestToken,
      method: 'POST',
      body: {
        events: [
          {
            id: 'never',
            pool: 'integration',
            memberId: 'ana',
            action: 'email',
            occurredAt: '2026-11-02T00:00:00Z',
          },
        ],
      },
    });
    expect(r.status).toBe(500);
    expect(errorOf(r).code).toBe('injected_fault');
    expect(r.headers.get('x-injected-fault')).toBe('error');
    expect((await call(server, '/v1/health')).status).toBe(200);
    server.setFaults(null);
    const page = await call(server, '/v1/workspaces/acme/usage?limit=5000', { token });
    expect((page.body as { events: { id: string }[] }).events.some((e) => e.id === 'never')).toBe(false);
  });

  it('cuts bodies mid-way: the headers promise more than arrives, and reading it fails', async () => {
    server.setFaults({ cut: 1 });
    for (const path of ['/v1/workspaces', '/v1/workspaces/acme/usage?limit=5000']) {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-injected-fault')).toBe('cut');
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
      await expect(response.text()).rejects.toThrow();
    }
  });

  it('delays slow responses and then answers normally', async () => {
    server.setFaults({ slow: 1, slowMs: 150 });
    const started = performance.now();
    const r = await call(server, '/v1/workspaces', { token });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-injected-fault')).toBe('slow');
    workspaceListSchema.parse(r.body);
  });

  it('fails a seeded fraction of requests, the same ones for the same seed', async () => {
    const run = async () => {
      server.setFaults({ error500: 0.3, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(server, '/v1/workspaces', { token })).status);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(first.every((s) => s === 200 || s === 500)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('refuses fractions that do not add up', () => {
    expect(() => server.setFaults({ error500: 0.6, cut: 0.6 })).toThrow(/at most 1/);
    expect(() => server.setFaults({ slow: 2 })).toThrow(/between 0 and 1/);
  });
});
