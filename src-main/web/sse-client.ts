import type { ServerResponse } from 'node:http';
import type { DispatchLog } from '../ipc/dispatch-invoke';
import type { PushTarget } from '../ipc/push-to-renderer';

/** One open Server-Sent Events stream: a push target like an Electron window, and closable by the server. */
export interface SseClient extends PushTarget {
  /** Ends the stream (the server is closing); idempotent. */
  close(): void;
}

export interface SseOptions {
  heartbeatMs: number;
  /** How long the browser waits before reconnecting after the stream drops. */
  retryMs: number;
  /** A client that lets this much unsent data pile up is too slow to follow: its stream is dropped. */
  maxBufferedBytes: number;
  log: DispatchLog;
  onClose: (client: SseClient) => void;
}

/**
 * Turns a response into an event stream: `event: <channel>` and one `data:` line of JSON per push,
 * a comment every heartbeatMs so idle connections stay open, and `retry:` first.
 */
export function openSseClient(res: ServerResponse, options: SseOptions): SseClient {
  let closed = false;
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose(client);
  };

  function write(chunk: string): void {
    // The socket can be gone a moment before 'close' is emitted: nothing to write to then.
    if (closed || res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > options.maxBufferedBytes) {
      options.log.warn('Browser client too slow for live updates: stream dropped', {
        buffered: res.writableLength,
      });
      // Ending would wait for the backlog to drain; drop the connection, the browser reconnects.
      finish();
      res.destroy();
    }
  }

  const client: SseClient = {
    isDestroyed: () => closed || res.destroyed,
    send(channel, payload) {
      if (/[\r\n]/.test(channel)) {
        throw new Error(`Push channel ${JSON.stringify(channel)} cannot be sent as an SSE event name.`);
      }
      let data: string;
      try {
        // JSON.stringify never emits a raw newline, so one data line carries the whole payload.
        data = JSON.stringify(payload) ?? 'null';
      } catch (error) {
        options.log.error('Push not sent: its payload is not JSON', { channel, error });
        return;
      }
      write(`event: ${channel}\ndata: ${data}\n\n`);
    },
    close() {
      if (closed) return;
      finish();
      res.end();
    },
  };

  res.on('close', finish);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // One stream per connection: once it ends the socket goes too, so closing the server never waits on it.
    Connection: 'close',
  });
  res.write(`retry: ${options.retryMs}\n\n`);
  return client;
}
