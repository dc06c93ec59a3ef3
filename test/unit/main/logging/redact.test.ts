import { describe, expect, it } from 'vitest';
import { newToken } from '../../../../src-server/db/accounts-repository';
import { redact } from '../../../../src-main/logging/redact';
import { demoToken } from '../../../../src-server/simulator/simulator';
import { startWebServer } from '../../../../src-main/web/web-server';
import { tempDir } from '../../../fixtures/temp-dir';
import { fakeRendererDir } from '../../../integration/web/web-fixture';

// Issue 16: the log missed real server tokens (cb_… that are not cb_demo_), keys named auth or
// apiKey, and anything nested deeper than 4 levels. Every token here is minted the way the project
// mints them, not typed by hand.

/** The real formats: a read token, an ingest token, the demo's token, browser mode's link token. */
async function realTokens(): Promise<Record<string, string>> {
  const dir = tempDir('creditbar-redact-');
  try {
    const web = await startWebServer({
      handlers: {} as never,
      rendererDir: fakeRendererDir(dir.dir),
      log: { warn: () => undefined, error: () => undefined },
    });
    await web.close();
    return { read: newToken('read'), ingest: newToken('ingest'), demo: demoToken(7), web: web.token };
  } finally {
    dir.cleanup();
  }
}

/** An object with `leaf` at the given depth under a harmless key. */
function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { level: v };
  return v;
}

describe('redact', () => {
  it('removes every token format the project issues, in any text', async () => {
    const t = await realTokens();
    expect(t.read).toMatch(/^cb_[A-Za-z0-9_-]{43}$/);
    expect(t.ingest).toMatch(/^cb_ingest_[A-Za-z0-9_-]{43}$/);
    expect(t.demo).toMatch(/^cb_demo_[a-z0-9]+$/);
    const text = [
      `the server refused ${t.read} (401)`,
      `POST /v1/workspaces/acme/events with ${t.ingest}`,
      `demo token ${t.demo}`,
      `open http://127.0.0.1:4545/?token=${t.web}`,
      `Cookie: creditbar-session-4545=${'9f'.repeat(32)}`,
      `Authorization: Basic ${Buffer.from('ana:pw').toString('base64')}`,
      `Bearer ${t.read}`,
    ].join('\n');
    const out = redact(text) as string;
    for (const secret of [
      t.read,
      t.ingest,
      t.demo,
      t.web,
      '9f'.repeat(32),
      Buffer.from('ana:pw').toString('base64'),
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('the server refused [redacted] (401)');
    expect(out).toContain('?token=[redacted]');
  });

  it('removes secrets by key name at any depth, auth and apiKey included', async () => {
    const t = await realTokens();
    const value = {
      auth: 'user:pass',
      apiKey: 'k-12345',
      api_key: 'k-67890',
      headers: { Authorization: `Bearer ${t.read}` },
      webhookUrl: 'https://example.com/hook/abc',
      deep: nested(12, { token: t.ingest, note: `failed with ${t.demo}` }),
      list: [[[[[[{ password: 'hunter2' }]]]]]],
    };
    const out = JSON.stringify(redact(value));
    for (const secret of ['user:pass', 'k-12345', 'k-67890', t.read, t.ingest, t.demo, 'hunter2', 'hook/abc'])
      expect(out).not.toContain(secret);
    // What is not secret stays readable, however deep.
    expect(out).toContain('failed with [redacted]');
  });

  it('never writes what it cannot walk: too deep or circular values are replaced', async () => {
    const t = await realTokens();
    const out = JSON.stringify(redact(nested(200, t.read)));
    expect(out).not.toContain(t.read);
    expect(out).toContain('[too deep to log]');
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    expect(redact(loop)).toEqual({ name: 'loop', self: '[circular]' });
  });

  it('redacts errors and their causes', async () => {
    const t = await realTokens();
    const err = new Error(`sync failed for ${t.read}`, {
      cause: { token: t.ingest, detail: `with ${t.demo}` },
    });
    const out = JSON.stringify(redact({ error: err }));
    for (const secret of [t.read, t.ingest, t.demo]) expect(out).not.toContain(secret);
  });
});
