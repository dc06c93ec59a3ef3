import { join } from 'node:path';
import type { DemoOptions } from '../../src-server/simulator/simulator';
import type { Account } from '../../src-shared/settings/settings';

/** The demo's account id in settings-free demo mode and in the cache. */
export const DEMO_ACCOUNT_ID = 'demo';

/** The embedded reference server with its simulator, as the app syncs from it. */
export interface DemoServer {
  account: Account;
  token: string;
  close(): Promise<void>;
}

/** Starts a demo server; injected so tests and the browser mode can choose where and how. */
export type StartDemoServer = () => Promise<DemoServer>;

/**
 * The reference account API with the demo account and live simulator, in this process on
 * 127.0.0.1 (a free port). Its database lives in `dataDir`, so a restart reuses the same history
 * and the cache's cursors stay valid.
 */
export function embeddedDemoServer(
  dataDir: string,
  demo: DemoOptions = {},
  sqlite: { nativeBinding?: string } = {},
): StartDemoServer {
  return async () => {
    // Loaded when the demo starts, not with the app: the server (fastify, its plugins, the simulator)
    // is ~25 MB of a process that otherwise never serves anything.
    const { startServer } = await import('../../src-server/start-server');
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dbPath: join(dataDir, 'demo-server.sqlite'),
      demo,
      ...sqlite,
    });
    return {
      account: { id: DEMO_ACCOUNT_ID, label: 'Demo team', serverUrl: server.url },
      token: server.demoToken!,
      close: () => server.close(),
    };
  };
}
