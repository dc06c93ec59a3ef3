import { usagePageSchema } from '../../../src-shared/api';
import type { Ledger, UsageEvent } from '../../../src-shared/types/ledger';
import { call, startTestServer, type TestServer } from '../server/server-fixture';

/** A Base44 workspace as a team's collector holds it: 10,000 integration credits renewed on the 15th. */
export const COLLECTOR_LEDGER: Ledger = {
  version: 1,
  workspaces: [
    {
      id: 'support',
      name: 'Support studio',
      provider: 'base44',
      plan: 'builder',
      pools: [{ pool: 'integration', allowance: 10_000, reset: { kind: 'anchor-day', day: 15 } }],
      members: [{ id: 'ana', name: 'Ana' }],
    },
  ],
  grants: [],
  events: [],
};

export interface Collector {
  server: TestServer;
  accountId: number;
  read: string;
  ingest: string;
}

/** The reference server on loopback with the workspace above, a read token and an ingest token. */
export async function startCollector(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<Collector> {
  const server = await startTestServer(options);
  const { accountId, token: read } = server.admin.createAccount('team');
  server.admin.importLedger(accountId, COLLECTOR_LEDGER);
  const ingest = server.admin.createToken(accountId, { scope: 'ingest', workspaceId: 'support' });
  return { server, accountId, read, ingest };
}

/** Every event the collector stored for the workspace, read back over the API with the read token. */
export async function storedEvents(c: { server: { url: string }; read: string }): Promise<UsageEvent[]> {
  const events: UsageEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const r = await call(
      c.server,
      `/v1/workspaces/support/usage?limit=5000${cursor ? `&cursor=${cursor}` : ''}`,
      {
        token: c.read,
      },
    );
    const body = usagePageSchema.parse(r.body);
    events.push(...body.events);
    cursor = body.nextCursor;
    if (!body.hasMore) break;
  }
  return events;
}

/** A fetch that records the size of each batch it posts, then really sends it. */
export function countingFetch(): { fetch: typeof fetch; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    fetch: (input, init) => {
      batches.push((JSON.parse(String(init?.body)) as { events: unknown[] }).events.length);
      return fetch(input, init);
    },
  };
}

/** Waits (bounded) until `done` holds, polling every 10 ms; fails with `what` after `ms`. */
export async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
