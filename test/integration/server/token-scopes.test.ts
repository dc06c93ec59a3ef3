import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, ingestResultSchema, usagePageSchema } from '../../../src-shared/api';
import { hashToken } from '../../../src-server/db/accounts-repository';
import { openServerDatabase } from '../../../src-server/db/connection';
import { initial } from '../../../src-server/db/migrations/0001-initial';
import { createStore } from '../../../src-server/db/store';
import { tempDir } from '../../fixtures/temp-dir';
import { serverCli } from './run-server-cli';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

const event = (id: string) => ({
  id,
  pool: 'integration',
  memberId: 'ana',
  app: 'crm',
  action: 'email',
  occurredAt: '2026-11-20T10:00:00Z',
});

describe('token scopes: read tokens read, ingest tokens only write their workspace', () => {
  let server: TestServer;
  let accountId: number;
  let read: string;
  let ingestAcme: string;

  const storedIds = async (ws: string) =>
    usagePageSchema
      .parse((await call(server, `/v1/workspaces/${ws}/usage?limit=5000`, { token: read })).body)
      .events.map((e) => e.id);

  beforeAll(async () => {
    server = await startTestServer({ clock: () => Date.parse('2026-11-25T12:00:00Z') });
    ({ accountId, token: read } = server.admin.createAccount('acme-co'));
    server.admin.importLedger(accountId, fixtureLedger(5));
    ingestAcme = server.admin.createToken(accountId, { scope: 'ingest', workspaceId: 'acme' });
  });
  afterAll(() => server.stop());

  it('issues ingest tokens that say what they are', () => {
    expect(ingestAcme).toMatch(/^cb_ingest_[A-Za-z0-9_-]{43}$/);
    expect(read).toMatch(/^cb_[A-Za-z0-9_-]{43}$/);
  });

  it('lets an ingest token POST events to its own workspace', async () => {
    const r = await call(server, '/v1/workspaces/acme/events', {
      token: ingestAcme,
      method: 'POST',
      body: { events: [event('via-ingest')] },
    });
    expect(r.status).toBe(200);
    expect(ingestResultSchema.parse(r.body).inserted).toBe(1);
    expect(await storedIds('acme')).toContain('via-ingest');
  });

  it('answers 403 "write-only" to an ingest token on every read route, its own workspace included', async () => {
    for (const path of [
      '/v1/workspaces',
      '/v1/workspaces/acme/usage',
      '/v1/workspaces/acme/balance',
      '/v1/workspaces/acme/grants',
      '/v1/workspaces/b44/usage',
      '/v1/workspaces/nope/balance',
    ]) {
      const r = await call(server, path, { token: ingestAcme });
      expect(r.status, path).toBe(403);
      expect(apiErrorSchema.parse(r.body).error.code).toBe('forbidden');
      expect(errorOf(r).message).toContain('write-only');
      expect(errorOf(r).message).toContain('POST /v1/workspaces/acme/events');
    }
    // Health needs no token at all, so it stays open.
    expect((await call(server, '/v1/health', { token: ingestAcme })).status).toBe(200);
  });

  it('answers 403 to an ingest token writing to another workspace, and stores nothing there', async () => {
    const before = await storedIds('b44');
    const r = await call(server, '/v1/workspaces/b44/events', {
      token: ingestAcme,
      method: 'POST',
      body: { events: [{ ...event('sneaky'), memberId: 'cy' }] },
    });
    expect(r.status).toBe(403);
    expect(errorOf(r).message).toContain('write-only for workspace "acme"');
    expect(await storedIds('b44')).toEqual(before);
  });

  it('answers 403 "read-only" to a read token that tries to ingest, and stores nothing', async () => {
    const before = await storedIds('acme');
    const r = await call(server, '/v1/workspaces/acme/events', {
      token: read,
      method: 'POST',
      body: { events: [event('from-read-token')] },
    });
    expect(r.status).toBe(403);
    expect(errorOf(r).code).toBe('forbidden');
    expect(errorOf(r).message).toContain('read-only');
    expect(await storedIds('acme')).toEqual(before);
  });

  it('lists tokens by prefix and scope only, and revoking one refuses its very next request', async () => {
    const extra = server.admin.createToken(accountId, {
      scope: 'ingest',
      workspaceId: 'b44',
      label: 'support bot',
    });
    const listed = server.admin.listTokens(accountId);
    const text = JSON.stringify(listed);
    for (const t of [read, ingestAcme, extra]) {
      expect(text).not.toContain(t);
      expect(text).not.toContain(hashToken(t));
    }
    const row = listed.find((t) => t.label === 'support bot')!;
    expect(row).toMatchObject({ scope: 'ingest', workspaceId: 'b44' });
    expect(extra.startsWith(row.prefix!)).toBe(true);
    expect(row.prefix!.length).toBe('cb_ingest_'.length + 8);
    expect(listed.find((t) => t.label === 'first token')).toMatchObject({ scope: 'read', workspaceId: null });

    const post = () =>
      call(server, '/v1/workspaces/b44/events', {
        token: extra,
        method: 'POST',
        body: { events: [{ ...event(`b-${Math.random()}`), memberId: 'cy' }] },
      });
    expect((await post()).status).toBe(200);
    expect(server.admin.revokeTokens(accountId, row.prefix)).toBe(1);
    const after = await post();
    expect(after.status).toBe(401);
    expect(errorOf(after).message).toContain('revoked');
    // The other tokens still work.
    expect((await call(server, '/v1/workspaces', { token: read })).status).toBe(200);
  });

  it('revokes from the command line while the server runs on the same file: 401 on the next request', async () => {
    const token = server.admin.createToken(accountId, { label: 'laptop' });
    expect((await call(server, '/v1/workspaces', { token })).status).toBe(200);
    const list = await serverCli(['token', 'list', '--db', server.dbPath, '--account', 'acme-co']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(token);
    const line = list.stdout.split('\n').find((l) => l.includes('laptop'))!;
    // Created, then last used at the server's clock by the request above.
    expect(line).toMatch(/^cb_\S{8}… +read +all +\d{4}-\d\d-\d\d \d\d:\d\d +2026-11-25 12:00 +laptop$/);
    const revoked = await serverCli(['token', 'revoke', token.slice(0, 11), '--db', server.dbPath]);
    expect(revoked.stderr).toBe('');
    expect(revoked.stdout).toContain('Revoked 1 token of account "acme-co"');
    expect((await call(server, '/v1/workspaces', { token })).status).toBe(401);
  });
});

describe('tokens issued before scopes existed', () => {
  it('become read tokens, listed without a prefix, and keep working', () => {
    const dir = tempDir('creditbar-scopes-');
    try {
      const file = dir.file('server.sqlite');
      const v1 = new Database(file);
      initial.up(v1);
      v1.pragma('user_version = 1');
      v1.prepare(
        "INSERT INTO accounts (id, name, created_at) VALUES (1, 'old', '2026-01-01T00:00:00Z')",
      ).run();
      v1.prepare(
        "INSERT INTO tokens (hash, account_id, label, created_at) VALUES (?, 1, 'first token', '2026-01-01T00:00:00Z')",
      ).run(hashToken('cb_old-token'));
      v1.close();

      const db = openServerDatabase(file);
      const store = createStore(db);
      expect(store.accounts.authForTokenHash(hashToken('cb_old-token'))).toEqual({
        accountId: 1,
        scope: 'read',
        workspace: null,
      });
      expect(store.accounts.listTokens(1)).toEqual([
        {
          prefix: null,
          scope: 'read',
          workspaceId: null,
          label: 'first token',
          createdAt: '2026-01-01T00:00:00Z',
          lastUsedAt: null,
        },
      ]);
      // Without a prefix it can still be revoked given whole.
      expect(store.accounts.revokeTokens(1, 'cb_old-token')).toBe(1);
      db.close();
    } finally {
      dir.cleanup();
    }
  });
});

describe('token list says when each token was last used', () => {
  const T0 = Date.parse('2026-11-25T12:00:00Z');
  let now = T0;
  let server: TestServer;
  afterAll(() => server.stop());

  it('so a lead can tell the tokens still in use from the ones no app or laptop uses any more', async () => {
    server = await startTestServer({ clock: () => now });
    const { accountId, token: laptop } = server.admin.createAccount('acme-co');
    server.admin.importLedger(accountId, fixtureLedger(5));
    const app = server.admin.createToken(accountId, {
      scope: 'ingest',
      workspaceId: 'acme',
      label: 'helpdesk',
    });
    server.admin.createToken(accountId, { scope: 'ingest', workspaceId: 'acme', label: 'retired app' });
    const lastUsed = () =>
      Object.fromEntries(server.admin.listTokens(accountId).map((t) => [t.label, t.lastUsedAt]));
    const sync = () => call(server, '/v1/workspaces', { token: laptop });
    const report = () =>
      call(server, '/v1/workspaces/acme/events', {
        token: app,
        method: 'POST',
        body: { events: [event(`e-${now}`)] },
      });
    expect(Object.values(lastUsed())).toEqual([null, null, null]);

    expect((await sync()).status).toBe(200);
    expect(lastUsed()['first token']).toBe('2026-11-25T12:00:00.000Z');
    // Within the minute it is not written again (token list shows minutes).
    now = T0 + 30_000;
    await sync();
    expect(lastUsed()['first token']).toBe('2026-11-25T12:00:00.000Z');

    now = T0 + 5 * 60_000;
    expect((await report()).status).toBe(200);
    await sync();
    expect(lastUsed()).toEqual({
      'first token': '2026-11-25T12:05:00.000Z',
      helpdesk: '2026-11-25T12:05:00.000Z',
      'retired app': null,
    });
    // A request the token's scope refuses still shows the token is in use somewhere.
    now = T0 + 7 * 60_000;
    expect((await call(server, '/v1/workspaces', { token: app })).status).toBe(403);
    expect(lastUsed().helpdesk).toBe('2026-11-25T12:07:00.000Z');

    const list = await serverCli(['token', 'list', '--db', server.dbPath]);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/created \(UTC\) +last used \(UTC\) +label$/);
    expect(lines.find((l) => l.endsWith('retired app'))).toMatch(/ never +retired app$/);
    expect(lines.find((l) => l.endsWith('helpdesk'))).toMatch(/ 2026-11-25 12:07 +helpdesk$/);
  });
});
