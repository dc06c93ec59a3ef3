import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPusher } from '../../../src-main/ipc/push-to-renderer';
import {
  login,
  openEvents,
  parseSseFrames,
  startWebFixture,
  type SseStream,
  type WebFixture,
} from './web-fixture';

describe('browser-mode server: GET /api/events', () => {
  let web: WebFixture;
  let cookie: string;
  const streams: SseStream[] = [];

  const open = async (headers: Record<string, string> = { cookie }) => {
    const stream = await openEvents(web, headers);
    streams.push(stream);
    return stream;
  };
  /** Once the retry line has arrived the server has registered the stream as a client. */
  const connected = async () => {
    const stream = await open();
    await stream.next((frame) => frame.retry !== undefined);
    return stream;
  };

  beforeEach(async () => {
    web = await startWebFixture({ heartbeatMs: 25 });
    cookie = await login(web);
  });
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.destroy());
    await web.stop();
  });

  it('opens an event stream that starts with a retry line', async () => {
    const stream = await connected();
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    expect(stream.headers['x-content-type-options']).toBe('nosniff');
    expect(stream.frames[0]).toEqual({ retry: 2000 });
  });

  it('delivers a push from createPusher over server.clients() as a named event with JSON data', async () => {
    const first = await connected();
    const second = await connected();
    expect([...web.server.clients()]).toHaveLength(2);
    const push = createPusher(() => web.server.clients());
    push('onOpenWorkspace', { workspaceId: 'acme\nnewline "quoted"' });
    for (const stream of [first, second]) {
      const frame = await stream.next((f) => f.event !== undefined);
      expect(frame).toEqual({
        event: 'ui:open-workspace',
        data: JSON.stringify({ workspaceId: 'acme\nnewline "quoted"' }),
      });
      expect(JSON.parse(frame.data!)).toEqual({ workspaceId: 'acme\nnewline "quoted"' });
    }
  });

  it('sends a heartbeat comment while idle', async () => {
    const stream = await connected();
    await expect(stream.next((frame) => frame.comment === 'heartbeat')).resolves.toEqual({
      comment: 'heartbeat',
    });
  });

  it('marks a stream the browser closed as destroyed and drops it from clients()', async () => {
    const stream = await connected();
    const [target] = [...web.server.clients()];
    expect(target!.isDestroyed()).toBe(false);
    stream.destroy();
    await vi.waitFor(() => expect(target!.isDestroyed()).toBe(true));
    expect([...web.server.clients()]).toEqual([]);
    // createPusher skips it; a direct send is a no-op rather than a write after end.
    expect(() => createPusher(() => [target!])('onOpenWorkspace', { workspaceId: 'acme' })).not.toThrow();
    expect(() => target!.send('ui:open-workspace', {})).not.toThrow();
  });

  it('ends every open stream on close()', async () => {
    const stream = await connected();
    const [target] = [...web.server.clients()];
    await web.server.close();
    await stream.ended;
    expect(target!.isDestroyed()).toBe(true);
    expect([...web.server.clients()]).toEqual([]);
  });

  it('refuses a stream without the cookie (401) or from another site (403), and registers no client', async () => {
    const anonymous = await open({});
    expect(anonymous.status).toBe(401);
    const foreign = await open({ cookie, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    await Promise.all([anonymous.ended, foreign.ended]);
    expect([...web.server.clients()]).toEqual([]);
    expect(web.log.entries.map((e) => e.message)).toEqual([
      'Event stream refused: untrusted sender',
      'Event stream refused: untrusted sender',
    ]);
  });
});

describe('the test SSE parser', () => {
  it('splits frames on blank lines and keeps a partial frame for later', () => {
    expect(parseSseFrames('retry: 2000\n\n: heartbeat\n\nevent: a\ndata: {"x":1}\n\nevent: b\nda')).toEqual({
      frames: [{ retry: 2000 }, { comment: 'heartbeat' }, { event: 'a', data: '{"x":1}' }],
      rest: 'event: b\nda',
    });
  });
});
