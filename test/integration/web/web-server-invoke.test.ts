import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invoke, login, send, startWebFixture, type WebFixture } from './web-fixture';

describe('browser-mode server: POST /api/invoke/<channel>', () => {
  let web: WebFixture;
  let cookie: string;

  beforeAll(async () => {
    web = await startWebFixture();
    cookie = await login(web);
  });
  afterAll(() => web.stop());
  beforeEach(() => {
    web.calls.length = 0;
    web.log.entries.length = 0;
  });

  it('runs the handler with the parsed payload and answers its value as an InvokeResult', async () => {
    const res = await invoke(web, 'alerts:snooze', { cookie, payload: { for: 'tomorrow' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toEqual({ ok: true, value: { pausedUntil: '2026-11-21T07:00:00.000Z' } });
    expect(web.calls).toEqual([{ name: 'snoozeAlerts', input: { for: 'tomorrow' } }]);
  });

  it('takes a call without input as {} and the channel unescaped in the path too', async () => {
    const res = await send(web, {
      method: 'POST',
      path: '/api/invoke/sync:now',
      headers: { cookie, 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(res.json()).toEqual({ ok: true, value: { started: true } });
    expect(web.calls).toEqual([{ name: 'syncNow', input: undefined }]);
  });

  it('accepts its own origin, on either host name', async () => {
    const own = await invoke(web, 'history:months', { cookie, headers: { origin: web.server.origin } });
    expect(own.json()).toEqual({ ok: true, value: ['2026-11', '2026-10'] });
    const local = await invoke(web, 'history:months', {
      cookie,
      headers: {
        host: `localhost:${web.port}`,
        origin: `http://localhost:${web.port}`,
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(local.json()).toEqual({ ok: true, value: ['2026-11', '2026-10'] });
  });

  it.each([
    ['no cookie', (): Record<string, string> => ({}), 'this page has no valid session'],
    [
      'a wrong cookie',
      () => ({ cookie: `creditbar-session-${web.port}=${'0'.repeat(64)}` }),
      'this page has no valid session',
    ],
    [
      "another server's cookie",
      () => ({ cookie: `creditbar-session-${web.port + 1}=${web.server.token}` }),
      'this page has no valid session',
    ],
    [
      'a foreign Origin',
      () => ({ cookie, origin: 'http://evil.example' }),
      'the request came from another site',
    ],
    ['an opaque Origin', () => ({ cookie, origin: 'null' }), 'the request came from another site'],
    [
      'the other host name as Origin',
      () => ({ cookie, origin: `http://localhost:${web.port}` }),
      'the request came from another site',
    ],
    [
      'a cross-site fetch',
      () => ({ cookie, 'sec-fetch-site': 'cross-site' }),
      'the request came from another site',
    ],
    [
      'a same-site fetch',
      () => ({ cookie, 'sec-fetch-site': 'same-site' }),
      'the request came from another site',
    ],
  ])(
    'refuses %s as an untrusted sender, handler not called, body not read',
    async (_case, headers, reason) => {
      const res = await invoke(web, 'alerts:snooze', { headers: headers(), body: 'not even json' });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        ok: false,
        error: {
          code: 'untrusted-sender',
          message: expect.stringMatching(new RegExp(`^Refused alerts:snooze: ${reason}`)),
        },
      });
      expect(web.calls).toEqual([]);
      expect(web.log.entries).toEqual([
        {
          level: 'warn',
          message: 'IPC call refused: untrusted sender',
          context: { channel: 'alerts:snooze', reason: expect.any(String) },
        },
      ]);
    },
  );

  it('tells a session-less page to open the printed URL', async () => {
    const res = await invoke(web, 'sync:now', {});
    expect((res.json() as { error: { message: string } }).error.message).toBe(
      'Refused sync:now: this page has no valid session; open the URL `npm run web` printed.',
    );
  });

  it('refuses a wrong Host before anything else', async () => {
    const res = await invoke(web, 'sync:now', { cookie, headers: { host: `attacker.example:${web.port}` } });
    expect(res.status).toBe(421);
    expect(web.calls).toEqual([]);
  });

  it('refuses a payload that fails its schema, naming the field, without calling the handler', async () => {
    const res = await invoke(web, 'history:get', { cookie, payload: { period: '2026-13' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Invalid input for history:get: period: expected YYYY-MM' },
    });
    const extra = await invoke(web, 'alerts:snooze', { cookie, payload: { for: '1h', also: 'this' } });
    expect((extra.json() as { error: { code: string } }).error.code).toBe('invalid-input');
    expect(web.calls).toEqual([]);
  });

  it('answers an unknown channel with the dispatch result', async () => {
    const res = await invoke(web, 'files:read', { cookie, payload: { path: '/etc/passwd' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'Creditbar has no call named files:read.' },
    });
    const malformed = await send(web, {
      method: 'POST',
      path: '/api/invoke/%E0%A4%A',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((malformed.json() as { error: { code: string } }).error.code).toBe('unknown-channel');
  });

  it("passes the handler's error message through as failed", async () => {
    const res = await invoke(web, 'history:get', { cookie, payload: { period: '2026-10' } });
    expect(res.json()).toEqual({ ok: false, error: { code: 'failed', message: 'No data for 2026-10.' } });
    expect(web.calls).toEqual([{ name: 'getHistory', input: { period: '2026-10' } }]);
    expect(web.log.entries.map((e) => [e.level, e.message])).toEqual([['error', 'IPC handler failed']]);
  });

  it.each([
    ['not JSON', '{"payload":', 400, 'the request body is not JSON.'],
    ['an array', '[{"for":"1h"}]', 400, 'expected a JSON object {"payload": ...}.'],
    ['a bare payload', '{"for":"1h"}', 400, 'expected a JSON object {"payload": ...}.'],
    ['null', 'null', 400, 'expected a JSON object {"payload": ...}.'],
  ])('answers a body that is %s with %i and invalid-input', async (_case, body, status, why) => {
    const res = await invoke(web, 'alerts:snooze', { cookie, body });
    expect(res.status).toBe(status);
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `Invalid input for alerts:snooze: ${why}` },
    });
    expect(web.calls).toEqual([]);
  });

  it('requires application/json (a form post cannot reach a handler)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await invoke(web, 'alerts:snooze', { cookie, headers: { 'content-type': type } });
      expect(res.status).toBe(415);
      expect((res.json() as { error: { code: string } }).error.code).toBe('invalid-input');
    }
    expect(web.calls).toEqual([]);
  });

  it('caps the body at 1 MB, by Content-Length or as it streams', async () => {
    const big = JSON.stringify({ payload: { for: '1h', pad: 'x'.repeat(1024 * 1024) } });
    const res = await invoke(web, 'alerts:snooze', { cookie, body: big });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Invalid input for alerts:snooze: the request is larger than 1 MB.',
      },
    });
    const chunked = await invoke(web, 'alerts:snooze', {
      cookie,
      body: big,
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect(web.calls).toEqual([]);
  });

  it('takes only POST', async () => {
    const res = await send(web, { path: '/api/invoke/sync:now', headers: { cookie } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect((await send(web, { path: '/api/nothing', headers: { cookie } })).status).toBe(404);
  });

  it('answers a caller without a session before reading its body, and closes the connection', async () => {
    // 10 MB promised, 20 bytes sent: the refusal comes at once and the server closes the socket,
    // without waiting for (or reading) the rest.
    const socket = connect(web.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (d: string) => (received += d));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.write(
      `POST /api/invoke/sync%3Anow HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"payload": null, ',
    );
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(received).toContain('"code":"untrusted-sender"');
    expect(web.calls).toEqual([]);
  });

  it('logs a flood of refused calls at most 10 times a minute, so useful lines are not rotated out', async () => {
    const fresh = await startWebFixture();
    try {
      for (let i = 0; i < 200; i++) await invoke(fresh, 'sync:now', { payload: null });
      const refused = fresh.log.entries.filter((e) => e.message === 'IPC call refused: untrusted sender');
      expect(refused).toHaveLength(10);
      expect(fresh.calls).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});
