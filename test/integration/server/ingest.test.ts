import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ingestResultSchema, usagePageSchema, workspaceListSchema } from '../../../src-shared/api';
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

const NOW = Date.parse('2026-11-25T12:00:00Z');

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
    server = await startTestServer({ clock: () => NOW });
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
      newMembers: [],
    });
    const again = await post({ events: [event('n1'), event('n2'), event('n3')] });
    expect(ingestResultSchema.parse(again.body)).toEqual({
      workspaceId: 'acme',
      received: 3,
      inserted: 1,
      duplicates: 2,
      newMembers: [],
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

  it('refuses a field an event does not have, naming it and the field it was meant to be, and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      // Dropped, "credit" would have priced the email from the rate card (5), not the 2 the provider charged.
      [
        { ...event('typo-1'), credit: 2 },
        'events[1] (id "typo-1"): "credit" is not a field of an event (did you mean "credits"?)',
      ],
      [
        { ...event('typo-2'), memberId: undefined, member_id: 'ana' },
        'events[1] (id "typo-2"): "member_id" is not a field of an event (did you mean "memberId"?)',
      ],
      [{ ...event('typo-3'), unit: 3 }, '"unit" is not a field of an event (did you mean "units"?)'],
      [
        { ...event('typo-4'), Action: 'email' },
        '"Action" is not a field of an event (did you mean "action"?)',
      ],
      [{ ...event('typo-5'), price: 2 }, '"price" is not a field of an event; the fields are id, '],
    ];
    for (const [bad, message] of cases) {
      const r = await post({ events: [event(`fine-${String(bad.id)}`), bad] });
      expect(r.status, message).toBe(422);
      expect(errorOf(r).code).toBe('invalid_body');
      expect(errorOf(r).message).toContain(message);
      expect(errorOf(r).message).toContain('nothing was stored');
    }
    expect(errorOf(await post({ events: [{ ...event('typo-6'), price: 2 }] })).message).not.toContain(
      'did you mean',
    );
    expect(await count()).toBe(before);
    // Every field the contract names is still taken.
    const full = event('all-fields', { workspaceId: 'acme', units: 2, credits: 3, inputHash: 'h1' });
    expect((await post({ events: [full] })).status).toBe(200);
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

  it('refuses text fields over 200 characters, naming the event and field, and takes exactly 200', async () => {
    const before = await count();
    const long = 'x'.repeat(201);
    for (const field of ['id', 'memberId', 'action', 'app', 'inputHash']) {
      const r = await post({
        events: [event(`len-ok-${field}`), event(`len-bad-${field}`, { [field]: long })],
      });
      expect(r.status, field).toBe(422);
      expect(errorOf(r).message).toContain(`: ${field} is invalid: expected at most 200 characters`);
      // A runaway id is quoted cut short, so the message stays one readable line.
      if (field === 'id') expect(errorOf(r).message).toContain(`(id "${'x'.repeat(40)}… (201 characters)")`);
    }
    expect(await count()).toBe(before);
    const edge = 'y'.repeat(200);
    const ok = await post({
      events: [event(edge, { memberId: 'ana', action: edge, app: edge, inputHash: edge })],
    });
    expect(ok.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('refuses instants before 2000 or more than a day past the server clock, and takes the bounds', async () => {
    const before = await count();
    const cases: [string, string][] = [
      ['1999-12-31T23:59:59Z', 'is before 2000-01-01'],
      ['1970-01-01T00:00:00Z', 'is before 2000-01-01'],
      // The server's clock is 2026-11-25T12:00:00Z; a day later is the last instant accepted.
      ['2026-11-26T12:00:01Z', "is more than one day after the server's clock (2026-11-25T12:00:00.000Z)"],
      ['2027-11-26T12:00:00+02:00', 'is more than one day after'],
    ];
    for (const [occurredAt, text] of cases) {
      const r = await post({ events: [event('t-ok'), event('t-bad', { occurredAt })] });
      expect(r.status, occurredAt).toBe(422);
      expect(errorOf(r).message).toContain(`events[1] (id "t-bad"): occurredAt ${occurredAt} ${text}`);
      expect(errorOf(r).message).toContain('nothing was stored');
    }
    expect(await count()).toBe(before);
    const bounds = await post({
      events: [
        event('t-2000', { occurredAt: '2000-01-01T00:00:00Z' }),
        event('t-ahead', { occurredAt: '2026-11-26T12:00:00Z' }),
      ],
    });
    expect(ingestResultSchema.parse(bounds.body).inserted).toBe(2);
  });

  it('accepts unknown members and lists them in the workspace, named by their id, once', async () => {
    const first = await post({
      events: [event('u-1', { memberId: 'app-user-42' }), event('u-2', { memberId: 'app-user-42' })],
    });
    expect(ingestResultSchema.parse(first.body)).toMatchObject({ inserted: 2, newMembers: ['app-user-42'] });
    const again = await post({ events: [event('u-3', { memberId: 'app-user-42' }), event('u-4')] });
    expect(ingestResultSchema.parse(again.body)).toMatchObject({ inserted: 2, newMembers: [] });
    const list = workspaceListSchema.parse((await call(server, '/v1/workspaces', { token })).body);
    const acme = list.workspaces.find((w) => w.id === 'acme')!;
    // The fixture's named members first, then the one an app reported.
    expect(acme.members).toEqual([
      { id: 'ana', name: 'Ana' },
      { id: 'ben', name: 'Ben', budget: 50 },
      { id: 'app-user-42', name: 'app-user-42' },
    ]);
  });

  it('marks the workspace changed in the database on every stored batch, and only then', async () => {
    const reader = new Database(server.dbPath, { readonly: true });
    try {
      const revision = () =>
        reader.prepare("SELECT revision FROM workspaces WHERE id = 'acme'").pluck().get() as number;
      const start = revision();
      await post({ events: [event('rev-1')] });
      expect(revision()).toBe(start + 1);
      await post({ events: [event('rev-1')] }); // a retried batch: nothing new, nothing to invalidate
      expect(revision()).toBe(start + 1);
      await post({ events: [event('rev-bad', { occurredAt: 'never' })] });
      expect(revision()).toBe(start + 1);
    } finally {
      reader.close();
    }
  });
});
