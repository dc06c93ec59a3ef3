import { createBalanceCache } from './balance-cache';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, type Catalog } from '../src-shared/catalog/catalog';
import { createAdmin, type ServerAdmin } from './admin';
import { buildApp } from './app';
import { openServerDatabase } from './db/connection';
import { createStore } from './db/store';
import { FaultInjector, type FaultOptions } from './http/faults';
import { RateLimiter, type RateLimitOptions } from './http/rate-limiter';
import { createDemo, type DemoOptions, type Simulator } from './simulator/simulator';
import { SERVER_VERSION } from './version';

export interface StartServerOptions {
  /** TCP port; 0 (the default here) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** SQLite file; default a fresh file in a temp folder that close() removes. */
  dbPath?: string;
  /** Seed the demo account and run the simulator (true: all defaults). */
  demo?: DemoOptions | boolean;
  /** Requests per token; default none. Changeable later with setRateLimit. */
  rateLimit?: RateLimitOptions | null;
  /** Injected faults; default none. Changeable later with setFaults. */
  faults?: FaultOptions | null;
  /** The server's now, in epoch milliseconds (default Date.now): /balance's default asOf, demo history and live events. */
  clock?: () => number;
  /** Log requests (pino, JSON lines on stdout). */
  logger?: boolean;
  catalog?: Catalog;
  /** Headers and body of a request must arrive within this (default 30 s). */
  requestTimeoutMs?: number;
  /** better-sqlite3's compiled binding, when the host is not plain Node (the desktop app under Electron). */
  nativeBinding?: string;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  host: string;
  port: number;
  dbPath: string;
  admin: ServerAdmin;
  /** The demo account's token (demo mode only). */
  demoToken?: string;
  /** The live simulator (demo mode only): tick(), burst(), pushPast(), start()/stop(). */
  simulator?: Simulator;
  setFaults(faults: FaultOptions | null): void;
  setRateLimit(limit: RateLimitOptions | null): void;
  /** Stops the simulator and the server, closes the database (and removes it if it was a temp one). */
  close(): Promise<void>;
}

/**
 * Starts the reference account API in this process: the programmatic entry used by tests, the
 * desktop app's demo mode and `npm run server`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  const catalog = options.catalog ?? builtinCatalog;
  const tempDir = options.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'creditbar-server-')) : undefined;
  const dbPath = options.dbPath ?? join(tempDir!, 'server.sqlite');
  const db = openServerDatabase(
    dbPath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const store = createStore(db);
  const admin = createAdmin(store, clock, catalog);
  let limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
  const faults = new FaultInjector(options.faults ?? null);
  let simulator: Simulator | undefined;
  const cleanup = () => {
    simulator?.stop();
    db.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    if (options.demo) {
      simulator = createDemo({ store, clock, catalog, ...(options.demo === true ? {} : options.demo) });
    }
    const app = await buildApp({
      context: {
        store,
        clock,
        catalog,
        version: SERVER_VERSION,
        balances: createBalanceCache(store, catalog),
      },
      rateLimiter: () => limiter,
      faults,
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    // With autoTick false, tests drive the simulator by hand (tick, burst) and no timer runs.
    if (options.demo === true || (options.demo && options.demo.autoTick !== false)) simulator?.start();
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      host,
      port,
      dbPath,
      admin,
      ...(simulator ? { demoToken: simulator.token, simulator } : {}),
      setFaults: (f) => faults.set(f),
      setRateLimit: (r) => {
        limiter = r ? new RateLimiter(r) : null;
      },
      close: async () => {
        simulator?.stop();
        await app.close();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}
