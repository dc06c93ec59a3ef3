import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src-server/start-server';
import { appInstall } from './runtime-fixture';

/**
 * A loopback proxy in front of the real reference server that holds every usage page until the test
 * lets it go: the account's first sync is then surely running when the lead removes the account.
 */
async function holdingProxy(target: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let firstHeld!: () => void;
  const held = new Promise<void>((resolve) => (firstHeld = resolve));
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  };
  const server = createServer((req, res) => {
    if (!/\/usage(\?|$)/.test(req.url ?? '')) return forward(req, res);
    firstHeld();
    void released.then(() => forward(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('removing an account while its sync runs', () => {
  let real: RunningServer | null = null;
  afterEach(async () => {
    await real?.close();
    real = null;
  });

  it('stops the sync first: nothing of the account comes back into the cache, the overview or the sync line', async () => {
    const install = appInstall();
    try {
      real = await startServer({ demo: { autoTick: false, seed: 7 } });
      const proxy = await holdingProxy(real.url);
      try {
        const { runtime, cache, log } = install.start();
        runtime.start();
        const account = await runtime.handlers.addAccount({
          label: 'Acme',
          serverUrl: proxy.url,
          token: real.demoToken!,
        });
        await proxy.held; // its first sync asks for a usage page, which waits
        expect(cache.read.accounts.get(account.id)).not.toBeNull(); // the sync stored the account's row

        const after = await runtime.handlers.removeAccount({ id: account.id });
        proxy.release();
        await runtime.whenIdle();

        expect(after.accounts).toEqual([]);
        // Before the fix the running sync went on after the removal and failed on the rows it meant
        // to store ("FOREIGN KEY constraint failed" in the log, a failed sync for the backoff), and
        // a failure recorded with the account brought its row back.
        expect(log.lines.filter((l) => l.includes('sync failed'))).toEqual([]);
        expect(cache.read.accounts.get(account.id)).toBeNull();
        const s = runtime.snapshot();
        expect(s.workspaces).toEqual([]);
        expect(s.sync.lastError).toBeNull();
        expect(cache.alerts.list()).toEqual([]);
      } finally {
        proxy.release();
        await proxy.close();
      }
    } finally {
      await install.stop();
    }
  });
});
