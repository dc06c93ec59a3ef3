import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request the receiver got. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The status the receiver answered with. */
  status: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 (an ephemeral port) standing in for a webhook, Slack or Teams:
 * it records every request and answers with the next status of `script` (then 200, or `fallback`).
 * Tests wait on `waitFor(n)`, which fails after a bounded time instead of hanging.
 */
export async function startReceiver(options: { script?: number[]; fallback?: number } = {}) {
  const script = [...(options.script ?? [])];
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text, the test will say so.
      }
      const status = script.shift() ?? options.fallback ?? 200;
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'internal_error');
      for (const w of waiters.filter((w) => received.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path = '/hook/T0SECRET/B0SECRET/abcdefSECRET') => `http://127.0.0.1:${port}${path}`,
    received,
    /** Later answers: push statuses to play a receiver that fails, then recovers. */
    script,
    /** Resolves once `n` requests arrived; rejects after `ms` (the test then fails, never hangs). */
    waitFor(n: number, ms = 10_000): Promise<void> {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`the receiver got ${received.length} request(s), expected ${n}, within ${ms} ms`),
            ),
          ms,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
