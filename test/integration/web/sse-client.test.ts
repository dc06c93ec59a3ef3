import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSseClient, type SseClient } from '../../../src-main/web/sse-client';
import { memoryLog } from './web-fixture';

describe('openSseClient', () => {
  let server: Server | undefined;
  let socket: Socket | undefined;
  afterEach(async () => {
    socket?.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** One stream over a real socket from a client that sends its request and never reads the answer (a hung tab). */
  async function openStalled(maxBufferedBytes: number) {
    const log = memoryLog();
    const closed: SseClient[] = [];
    const opened = new Promise<SseClient>((resolve) => {
      server = createServer((_req, res) =>
        resolve(
          openSseClient(res, {
            heartbeatMs: 60_000,
            retryMs: 2000,
            maxBufferedBytes,
            log,
            onClose: (client) => closed.push(client),
          }),
        ),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server!.address() as AddressInfo;
    socket = connect(port, '127.0.0.1', () =>
      socket!.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
    socket.pause();
    return { client: await opened, log, closed };
  }

  it('drops a client that stops reading once its backlog passes the cap, and says so', async () => {
    const { client, log, closed } = await openStalled(64 * 1024);
    const payload = { pad: 'x'.repeat(64 * 1024) };
    let sent = 0;
    // The kernel's socket buffers take some megabytes first; the cap applies to what piles up after.
    while (!client.isDestroyed() && sent < 2000) {
      client.send('snapshot:changed', payload);
      sent += 1;
    }
    expect(client.isDestroyed()).toBe(true);
    expect(closed).toEqual([client]);
    expect(log.entries).toEqual([
      {
        level: 'warn',
        message: 'Browser client too slow for live updates: stream dropped',
        context: { buffered: expect.any(Number) },
      },
    ]);
    expect(() => client.send('snapshot:changed', payload)).not.toThrow();
  });

  it('logs a payload that is not JSON instead of throwing, and refuses a channel that would break the framing', async () => {
    const { client, log } = await openStalled(1024 * 1024);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => client.send('snapshot:changed', circular)).not.toThrow();
    expect(log.entries).toEqual([
      {
        level: 'error',
        message: 'Push not sent: its payload is not JSON',
        context: { channel: 'snapshot:changed', error: expect.any(TypeError) },
      },
    ]);
    expect(() => client.send('a\ndata: injected', {})).toThrow(/cannot be sent as an SSE event name/);
    expect(client.isDestroyed()).toBe(false);
  });
});
