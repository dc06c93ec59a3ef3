import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, grantListSchema, healthSchema, workspaceListSchema } from '../../../src-shared/api';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('account API: health, workspaces, grants and auth', () => {
  let server: TestServer;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    server = await startTestServer({ clock: () => NOW });
    const a = server.admin.createAccount('acme-co');
    server.admin.importLedger(a.accountId, fixtureLedger());
    token = a.token;
    const b = server.admin.createAccount('other-co');
    server.admin.importLedger(b.accountId, {
      version: 1,
      workspaces: [{ id: 'secret', name: 'Secret', provider: 'zite', plan: 'free' }],
      grants: [],
      events: [],
    });
    otherToken = b.token;
  });
  afterAll(() => server.stop());

  it('answers health without a token, with the server clock', async () => {
    const r = await call(server, '/v1/health');
    expect(r.status).toBe(200);
    expect(healthSchema.parse(r.body)).toMatchObject({
      status: 'ok',
      apiVersion: 1,
      now: '2026-11-25T12:00:00.000Z',
    });
  });

  it('lists only the token’s workspaces, pools resolved from the catalog, with rate cards', async () => {
    const r = await call(server, '/v1/workspaces', { token });
    expect(r.status).toBe(200);
    const list = workspaceListSchema.parse(r.body);
    expect(list.workspaces.map((w) => w.id)).toEqual(['acme', 'b44']);
    expect(list.workspaces[0]).toMatchObject({
      provider: 'zite',
      plan: 'pro',
      existingCustomer: false,
      pools: [{ pool: 'integration', allowance: 50000, reset: { kind: 'calendar-month' }, overage: false }],
      members: [
        { id: 'ana', name: 'Ana' },
        { id: 'ben', name: 'Ben', budget: 50 },
      ],
    });
    expect(list.workspaces[1]!.thresholds).toEqual([50, 75, 90, 100]);
    expect(list.workspaces[1]!.pools.map((p) => p.pool)).toEqual(['integration', 'message']);
    expect(list.rateCards).toEqual([
      { provider: 'zite', effectiveFrom: '2026-11-20T00:00:00Z', rates: { email: 1 } },
    ]);
    const other = workspaceListSchema.parse(
      (await call(server, '/v1/workspaces', { token: otherToken })).body,
    );
    expect(other.workspaces.map((w) => w.id)).toEqual(['secret']);
  });

  it('lists a workspace’s grants', async () => {
    const r = await call(server, '/v1/workspaces/b44/grants', { token });
    expect(r.status).toBe(200);
    expect(grantListSchema.parse(r.body)).toEqual({
      workspaceId: 'b44',
      grants: [
        {
          id: 'share-linkedin',
          workspaceId: 'b44',
          pool: 'integration',
          kind: 'bonus',
          credits: 20,
          grantedAt: '2026-11-02T12:00:00Z',
          expiresAt: null,
        },
      ],
    });
  });

  it.each([
    ['no header', undefined, 'Missing bearer token'],
    ['a wrong token', { authorization: 'Bearer cb_not-a-real-token' }, 'not valid'],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 'must read "Bearer <token>"'],
  ])('answers 401 with the error shape for %s', async (_name, headers, text) => {
    for (const path of [
      '/v1/workspaces',
      '/v1/workspaces/acme/usage',
      '/v1/workspaces/acme/balance',
      '/v1/workspaces/acme/grants',
    ]) {
      const r = await call(server, path, headers ? { headers } : {});
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(apiErrorSchema.parse(r.body).error.code).toBe('unauthorized');
      expect(errorOf(r).message).toContain(text);
    }
    const post = await call(server, '/v1/workspaces/acme/events', {
      method: 'POST',
      body: { events: [] },
      ...(headers ? { headers } : {}),
    });
    expect(post.status).toBe(401);
  });

  it('answers 404, not 403, for another account’s workspace, exactly as for one that does not exist', async () => {
    for (const path of ['grants', 'usage', 'balance']) {
      const foreign = await call(server, `/v1/workspaces/secret/${path}`, { token });
      const missing = await call(server, `/v1/workspaces/nope/${path}`, { token });
      expect(foreign.status).toBe(404);
      expect(errorOf(foreign).code).toBe('not_found');
      expect(errorOf(missing).message).toBe(errorOf(foreign).message.replace('secret', 'nope'));
    }
    // An ingest token of this account gets the same 403 for another account's workspace as for its
    // own other workspaces: nothing tells whether "secret" exists.
    const ingest = server.admin.createToken(server.admin.findAccount('acme-co')!, {
      scope: 'ingest',
      workspaceId: 'acme',
    });
    const foreign = await call(server, '/v1/workspaces/secret/events', {
      token: ingest,
      method: 'POST',
      body: { events: [] },
    });
    const missing = await call(server, '/v1/workspaces/nope/events', {
      token: ingest,
      method: 'POST',
      body: { events: [] },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual(missing.body);
    expect((await call(server, '/v1/workspaces/secret/usage', { token: otherToken })).status).toBe(200);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const r = await call(server, '/v2/workspaces', { token });
    expect(r.status).toBe(404);
    expect(apiErrorSchema.parse(r.body).error.code).toBe('not_found');
  });
});
