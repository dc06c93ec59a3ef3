import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestResultSchema, usagePageSchema } from '../../../src-shared/api';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  pool: 'integration',
  memberId: 'ana',
  app: 'crm',
  action: 'email',
  occurredAt: '2026-11-24T10:00:00+02:00',
  ...extra,
});

describe('POST /v1/workspaces/{id}/events', () => {
  let server: TestServer;
  let token: string;
  const ingest: Record<string, string> = {};

  const count = async (ws = 'acme') =>
    usagePageSchema.parse((await call(server, `/v1/workspaces/${ws}/usage?limit=5000`, { token })).body)
      .events.length;
  const post = (body: unknown, ws = 'acme') =>
    call(server, `/v1/workspaces/${ws}/events`, { token: ingest[ws]!, method: 'POST', body });

  beforeAll(async () => {
    server = await startTestServer();
    const account = server.admin.createAccount('acme-co');
    server.admin.importLedger(account.accountId, fixtureLedger(10));
    token = account.token;
    for (const ws of ['acme', 'b44'])
      ingest[ws] = server.admin.createToken(account.accountId, { scope: 'ingest', workspaceId: ws });
  });
  afterAll(() => server.stop());

  it('stores a batch and is idempotent by event id', async () => {
    const before = await count();
    const first = await post({ events: [event('n1'), event('n2', { workspaceId: 'acme' }), event('n1')] });
    expect(first.status).toBe(200);
    expect(ingestResultSchema.parse(first.body)).toEqual({
      workspaceId: 'acme',
      received: 3,
      inserted: 2,
      duplicates: 1,
    });
    const again = await post({ events: [event('n1'), event('n2'), event('n3')] });
    expect(ingestResultSchema.parse(again.body)).toEqual({
      workspaceId: 'acme',
      received: 3,
      inserted: 1,
      duplicates: 2,
    });
    expect(await count()).toBe(before + 3);
    const stored = usagePageSchema.parse(
      (await call(server, '/v1/workspaces/acme/usage?limit=5000', { token })).body,
    ).events;
    // Instants are stored in UTC; the event comes back as a ledger event of this workspace.
    expect(stored.find((e) => e.id === 'n1')).toEqual({
      ...event('n1'),
      workspaceId: 'acme',
      occurredAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('rejects a bad batch whole, naming the first bad event and field, and stores nothing', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [
        { events: [event('ok-1'), event('bad-1', { occurredAt: 'last tuesday' })] },
        'events[1] (id "bad-1"): occurredAt is invalid',
      ],
      [
        { events: [event('ok-2'), { ...event('bad-2'), memberId: undefined }] },
        'events[1] (id "bad-2"): memberId is missing',
      ],
      [
        { events: [event('ok-3'), event('bad-3', { credits: -1 })] },
        'events[1] (id "bad-3"): credits is invalid',
      ],
      [
        { events: [event('ok-4'), event('bad-4', { pool: 'message' })] },
        'events[1] (id "bad-4"): pool "message" is not a pool of workspace "acme"',
      ],
      [
        { events: [event('ok-5'), event('bad-5', { workspaceId: 'b44' })] },
        'events[1] (id "bad-5"): workspaceId "b44" is not the workspace of the path',
      ],
      [{ events: [] }, 'events: expected at least one event'],
      [{ rows: [event('x')] }, 'events: is missing'],
      [[event('x')], 'must be a JSON object'],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.status, message).toBe(422);
      expect(errorOf(r).code).toBe('invalid_body');
      expect(errorOf(r).message).toContain(message);
      expect(errorOf(r).message).toContain('nothing was stored');
    }
    expect(await count()).toBe(before);
  });

  it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
    const notJson = await call(server, '/v1/workspaces/acme/events', {
      token: ingest.acme!,
      method: 'POST',
      body: '{"events": [',
    });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('invalid_body');
    const text = await call(server, '/v1/workspaces/acme/events', {
      token: ingest.acme!,
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(errorOf(text).message).toContain('Content-Type: application/json');
  });

  it('accepts the message pool on a workspace that has one, with provider-charged credits', async () => {
    const r = await post(
      { events: [event('m-1', { pool: 'message', action: 'message', credits: 1, memberId: 'cy' })] },
      'b44',
    );
    expect(ingestResultSchema.parse(r.body).inserted).toBe(1);
  });
});
