import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, fixtureLedger, startTestServer, type TestServer } from './server-fixture';

// What one client can do to the server (issue 16): an asOf far in the future, a body that trickles
// in, a body from a caller with no valid token, a forged cursor. Every connection is to 127.0.0.1.

const NOW = Date.parse('2026-11-25T12:00:00Z');

/** Opens a raw TCP connection and collects what the server sends until it closes the connection. */
function rawExchange(port: number, request: string): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  const closed = new Promise<string>((done) => socket.on('close', () => done(received)));
  socket.on('error', () => undefined);
  socket.write(request);
  return { socket, closed };
}

describe('the account API under abuse', () => {
  let server: TestServer;
  let token: string;
  let ingestToken: string;

  beforeAll(async () => {
    server = await startTestServer({ clock: () => NOW, requestTimeoutMs: 400 });
    const account = server.admin.createAccount('acme-co');
    token = account.token;
    server.admin.importLedger(account.accountId, fixtureLedger(20));
    ingestToken = server.admin.createToken(account.accountId, { scope: 'ingest', workspaceId: 'acme' });
  });
  afterAll(() => server.stop());

  it.each([
    ['9999-12-31T23:59:59Z', 'far in the future'],
    ['2027-11-26T12:00:01Z', 'a year and a second past the clock'],
    ['0050-06-15T00:00:00Z', 'in the first century'],
    ['1999-12-31T23:59:59Z', 'before 2000'],
  ])('answers 400 naming the range for asOf=%s (%s)', async (asOf) => {
    const r = await call(server, `/v1/workspaces/acme/balance?asOf=${asOf}`, { token });
    expect(r.status).toBe(400);
    // The range ends a year (366 days) past the server's clock of 2026-11-25T12:00:00Z.
    expect(errorOf(r)).toEqual({
      code: 'invalid_parameter',
      message: `The query parameter "asOf" must be from 2000-01-01T00:00:00Z to 2027-11-26T12:00:00.000Z (a year past the server's clock), got "${asOf}".`,
    });
  });

  it('evaluates at the ends of the range', async () => {
    for (const asOf of ['2000-01-01T00:00:00Z', '2027-11-26T12:00:00Z']) {
      const r = await call(server, `/v1/workspaces/acme/balance?asOf=${asOf}`, { token });
      expect(r.status).toBe(200);
    }
  });

  it('refuses a forged cursor with a sequence number past the safe integers', async () => {
    const page = await call(server, '/v1/workspaces/acme/usage?limit=1', { token });
    const real = Buffer.from((page.body as { nextCursor: string }).nextCursor, 'base64url').toString('utf8');
    const [version, databaseId, pk] = real.split('.');
    for (const seq of ['99999999999999999999', '9007199254740993']) {
      const forged = Buffer.from(`${version}.${databaseId}.${pk}.${seq}`).toString('base64url');
      const r = await call(server, `/v1/workspaces/acme/usage?cursor=${forged}`, { token });
      expect(r.status).toBe(400);
      expect(errorOf(r).message).toMatch(/is not a cursor this server issued/);
    }
  });

  it('answers a body that trickles in with 408 and closes the connection', async () => {
    // Content-Length promises 100 bytes, 10 arrive, then nothing: the 400 ms request timeout ends it.
    const { socket, closed } = rawExchange(
      server.port,
      `POST /v1/workspaces/acme/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ingestToken}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"events":',
    );
    const received = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(socket.destroyed).toBe(true);
  });

  it('refuses a caller without a valid token before reading its body, and closes the connection', async () => {
    // 10 MB promised, 12 bytes sent: the 401 comes and the connection closes at once, long before
    // the request timeout could, and without waiting for the rest of the body.
    // No token, a token the server never issued, and a read token where ingest is needed (403).
    for (const auth of [
      '',
      'Authorization: Bearer cb_not-a-real-token\r\n',
      `Authorization: Bearer ${token}\r\n`,
    ]) {
      const { closed } = rawExchange(
        server.port,
        `POST /v1/workspaces/acme/events HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}` +
          'Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"events":[]',
      );
      const received = await closed;
      expect(received).toMatch(/^HTTP\/1\.1 40[13]/);
      expect(received.toLowerCase()).toContain('connection: close');
    }
  });

  it('still answers health while a client holds a connection open with a slow body', async () => {
    const { socket, closed } = rawExchange(
      server.port,
      `POST /v1/workspaces/acme/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ingestToken}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const health = await call(server, '/v1/health');
    expect(health.status).toBe(200);
    socket.destroy();
    await closed;
  });
});
