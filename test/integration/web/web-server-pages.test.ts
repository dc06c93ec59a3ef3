import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RENDERER_CSP,
  SECRET,
  send,
  startWebFixture,
  type RawResponse,
  type WebFixture,
} from './web-fixture';

describe('browser-mode server: session, page, assets and host checks', () => {
  let web: WebFixture;
  let cookie: string;
  let arrival: RawResponse;

  beforeAll(async () => {
    web = await startWebFixture();
    // The browser opens the printed URL: the token is swapped for the session cookie.
    arrival = await send(web, { path: `/?token=${web.server.token}` });
    cookie = [arrival.headers['set-cookie'] ?? []].flat()[0]!.split(';')[0]!;
  });
  afterAll(() => web.stop());

  it('listens on 127.0.0.1 only and prints a URL carrying a 32-byte hex token', () => {
    expect(web.server.origin).toBe(`http://127.0.0.1:${web.port}`);
    expect(web.server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(web.server.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.server.token}`);
  });

  it('swaps the token for an HttpOnly, SameSite=Strict cookie of its own random value and redirects it out of the address bar', async () => {
    expect(arrival.status).toBe(303);
    expect(arrival.headers.location).toBe('/');
    expect(arrival.headers['cache-control']).toBe('no-store');
    const setCookie = [arrival.headers['set-cookie'] ?? []].flat();
    expect(setCookie).toHaveLength(1);
    const attributes = setCookie[0]!.split(';').map((part) => part.trim());
    const [name, value] = attributes[0]!.split('=');
    expect(name).toBe(`creditbar-session-${web.port}`);
    // Not the URL's token: a link seen in a history or a screenshot opens nothing.
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(value).not.toBe(web.server.token);
    expect(attributes.slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const withToken = `creditbar-session-${web.port}=${web.server.token}`;
    expect((await send(web, { path: '/', headers: { cookie: withToken } })).status).toBe(401);
  });

  it('takes the link once: a second use gets a page that says to restart creditbar web, and no cookie', async () => {
    const again = await send(web, { path: `/?token=${web.server.token}` });
    expect(again.status).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.text).toBe(
      'This Creditbar link has been used already: it works once, in the browser that opened it first. To open Creditbar elsewhere, restart `creditbar web` (npm run web) for a new link.\n',
    );
    // The browser that used it (it holds the session) may open it again: it just lands on the page.
    const same = await send(web, { path: `/?token=${web.server.token}`, headers: { cookie } });
    expect(same.status).toBe(303);
    expect(same.headers['set-cookie']).toBeUndefined();
  });

  it('sets no cookie for a wrong token', async () => {
    const res = await send(web, { path: `/?token=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers the page without the cookie with 401 and one sentence pointing at the printed URL', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { cookie: `creditbar-session-${web.port}=${'f'.repeat(64)}` },
      { cookie: 'other=1' },
    ];
    for (const headers of attempts) {
      const res = await send(web, { path: '/', headers });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toBe(
        'Creditbar needs its session link: open the URL that `npm run web` printed in the terminal (it carries the access token).\n',
      );
    }
  });

  it('serves index.html with the cookie, the transport injected before the app script, and the page CSP as a header', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await send(web, { path, headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toBe(RENDERER_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const transport = res.text.indexOf('<script type="module" src="/web-transport.js"></script>');
      const app = res.text.indexOf('<script type="module" crossorigin src="./assets/index-abc123.js">');
      expect(transport).toBeGreaterThan(0);
      expect(app).toBeGreaterThan(transport);
      expect(res.text.match(/web-transport\.js/g)).toHaveLength(1);
    }
  });

  it('checks the CSP header against the real page: strict, nothing inline', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).toContain("connect-src 'self'");
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("app");\n'],
    ['/web-transport.js', 'text/javascript; charset=utf-8', 'console.log("transport");\n'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'body { margin: 0; }\n'],
    ['/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>\n'],
  ])('serves the asset %s without a cookie, typed %s', async (path, type, body) => {
    const res = await send(web, { path });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(res.text).toBe(body);
  });

  it.each(['/assets/missing.js', '/assets/notes.txt', '/assets/', '/assets', '/other.html'])(
    'answers 404 for %s',
    async (path) => {
      expect((await send(web, { path, headers: { cookie } })).status).toBe(404);
    },
  );

  it.each([
    '/../secret.txt',
    '/../secret.js',
    '/assets/../../secret.js',
    '/%2e%2e/secret.js',
    '/assets/%2e%2e/%2e%2e/secret.js',
    '/..%2fsecret.js',
    '/assets/..%2f..%2fsecret.js',
    '/..%5csecret.js',
    '/assets/escape.js',
    '/%00/../secret.js',
    '/%E0%A4%A/secret.js',
  ])('never serves a file outside the renderer folder: %s', async (path) => {
    const res = await send(web, { path, headers: { cookie } });
    expect([400, 403, 404]).toContain(res.status);
    expect(res.text).not.toContain(SECRET);
  });

  it('refuses any other Host (DNS rebinding) with 421, page and API alike', async () => {
    for (const host of [
      `evil.example:${web.port}`,
      `127.0.0.1:${web.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.nip.io:${web.port}`,
    ]) {
      for (const path of ['/', '/assets/index-abc123.js', `/?token=${web.server.token}`, '/api/events']) {
        const res = await send(web, { path, headers: { host, cookie } });
        expect(res.status).toBe(421);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    }
    expect((await send(web, { path: '/', headers: { host: `localhost:${web.port}`, cookie } })).status).toBe(
      200,
    );
  });

  it('takes only GET for pages and assets', async () => {
    const res = await send(web, { method: 'POST', path: '/', headers: { cookie } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });
});

describe('browser-mode server: start-up', () => {
  it('uses a given token and port, and says so when the port is taken', async () => {
    const web = await startWebFixture({ token: 'a-fixed-token-for-tests' });
    try {
      expect(web.server.token).toBe('a-fixed-token-for-tests');
      expect(web.server.url).toBe(`http://127.0.0.1:${web.port}/?token=a-fixed-token-for-tests`);
      await expect(startWebFixture({ port: web.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await web.stop();
    }
    const again = await startWebFixture({ port: web.port });
    expect(again.port).toBe(web.port);
    await again.stop();
  });

  it('refuses a weak token and a missing build, saying what to do', async () => {
    await expect(startWebFixture({ token: 'short' })).rejects.toThrow(/at least 16 characters/);
    await expect(startWebFixture({ rendererDir: '/nonexistent/out/renderer' })).rejects.toThrow(
      'No built renderer at /nonexistent/out/renderer: run `npx electron-vite build` first.',
    );
  });
});
