import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { httpRequest } from '../../../src-main/net/http-request';

// The app's HTTP client (node:http, so the main process never loads fetch) against a real server on
// loopback: what fetch did for the account API and the channels, it must still do.

type Handler = (
  path: string,
  headers: Record<string, string | string[] | undefined>,
  res: ServerResponse,
) => void;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((ok) => s.close(ok));
    }),
  );
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('x-method', req.method ?? '');
      res.setHeader('x-body', encodeURIComponent(body));
      handler(req.url ?? '', req.headers, res);
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// Multi-byte characters split across chunks must still decode: a name in Japanese and an emoji.
const TEXT = JSON.stringify({ name: 'ワークスペース 📈', credits: 1234.5 }).repeat(500);

describe('httpRequest', () => {
  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('reads a %s body as the text it compressed', async (encoding, compress) => {
    const url = await serve((_p, _h, res) => {
      res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/json' });
      res.end(compress(Buffer.from(TEXT)));
    });
    const res = await httpRequest(`${url}/x`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(await res.text()).toBe(TEXT);
  });

  test('follows redirects, and does not carry the token to another origin', async () => {
    const seen: { where: string; auth: string | undefined }[] = [];
    const other = await serve((path, headers, res) => {
      seen.push({ where: `other${path}`, auth: headers.authorization as string | undefined });
      res.end('there');
    });
    const url = await serve((path, headers, res) => {
      seen.push({ where: `home${path}`, auth: headers.authorization as string | undefined });
      if (path === '/a') res.writeHead(302, { location: '/b' }).end();
      else res.writeHead(307, { location: `${other}/c` }).end();
    });
    const res = await httpRequest(`${url}/a`, { headers: { authorization: 'Bearer t' } });
    expect(await res.text()).toBe('there');
    expect(seen).toEqual([
      { where: 'home/a', auth: 'Bearer t' },
      { where: 'home/b', auth: 'Bearer t' },
      { where: 'other/c', auth: undefined },
    ]);
  });

  test("with redirect 'manual' a POST's 3xx is the answer, and the body is sent as given", async () => {
    const url = await serve((_p, _h, res) => res.writeHead(301, { location: 'http://127.0.0.1:9/' }).end());
    const res = await httpRequest(`${url}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"Zite: 90 % – used"}',
      redirect: 'manual',
    });
    expect(res.status).toBe(301);
    expect(res.ok).toBe(false);
    expect(res.headers.get('x-method')).toBe('POST');
    expect(decodeURIComponent(res.headers.get('x-body')!)).toBe('{"text":"Zite: 90 % – used"}');
    expect(res.headers.get('missing')).toBeNull();
  });

  test('a body that breaks off before its announced length rejects, as fetch did', async () => {
    const url = await serve((_p, _h, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"events":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const res = await httpRequest(`${url}/page`, { headers: {} });
    const err = (await res.text().catch((e: unknown) => e)) as TypeError & { cause?: { code?: string } };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause?.code).toBe('ECONNRESET');
  });

  test('a signal that fires while the body stalls rejects the read and closes the connection', async () => {
    let closed = false;
    const url = await serve((_p, _h, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{');
      res.on('close', () => (closed = true));
    });
    const timeout = AbortSignal.timeout(100);
    const res = await httpRequest(`${url}/slow`, { headers: {}, signal: timeout });
    await expect(res.text()).rejects.toThrow();
    expect(timeout.aborted).toBe(true);
    await new Promise((ok) => setTimeout(ok, 50));
    expect(closed).toBe(true);
  });

  test('nobody listening is a TypeError whose cause says ECONNREFUSED (what the sync reports)', async () => {
    const url = await serve((_p, _h, res) => res.end());
    const port = new URL(url).port;
    servers[0]!.close();
    await new Promise((ok) => setTimeout(ok, 20));
    const err = (await httpRequest(`http://127.0.0.1:${port}/`, { headers: {} }).catch(
      (e: unknown) => e,
    )) as TypeError & {
      cause?: { code?: string };
    };
    expect(err).toBeInstanceOf(TypeError);
    expect(err.cause?.code).toBe('ECONNREFUSED');
  });
});
