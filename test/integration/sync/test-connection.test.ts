import { afterEach, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/sync/test-connection';
import { recentLedger, serverWith } from './sync-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('testConnection', () => {
  it('says how many workspaces the token sees, or why it cannot connect', async () => {
    const s = await serverWith(recentLedger(5));
    cleanups.push(() => s.server.close());
    expect(await testConnection(s.server.url, s.token)).toEqual({
      ok: true,
      message: 'Connected: the token sees 2 workspaces.',
      workspaces: 2,
    });
    const refused = await testConnection(s.server.url, 'cb_not-the-token');
    expect(refused).toMatchObject({ ok: false, workspaces: 0 });
    expect(refused.message).toMatch(/^The server refused the token \(401\)/);
    const url = s.server.url;
    await s.server.close();
    cleanups.pop();
    expect((await testConnection(url, s.token)).message).toMatch(
      /^Cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });
});
