import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ledger } from '../../../src-shared/types/ledger';
import { startServer, type RunningServer, type StartServerOptions } from '../../../src-server/start-server';

/** A real server on an ephemeral loopback port over a fresh SQLite file in a temp folder. */
export interface TestServer extends RunningServer {
  dir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export async function startTestServer(
  options: Omit<StartServerOptions, 'port' | 'host' | 'dbPath'> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'creditbar-server-test-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'server.sqlite'),
    ...options,
  });
  return {
    ...server,
    dir,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One real HTTP request (global fetch); the body is parsed as JSON when it is JSON. */
export async function call(
  server: { url: string },
  path: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
}

/** The error code and message of an error response. */
export function errorOf(r: ApiResponse): { code: string; message: string } {
  return (r.body as { error: { code: string; message: string } }).error;
}

const day = (d: number, h = 12) =>
  `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;

/**
 * A small hand-made ledger: a Zite Pro workspace with an email-heavy member, a Base44 workspace
 * with both pools, a bonus and an anchor day, and a rate card that makes emails cheaper from the 20th.
 */
export function fixtureLedger(eventsPerWorkspace = 40): Ledger {
  const events: Ledger['events'] = [];
  for (let i = 0; i < eventsPerWorkspace; i++) {
    events.push({
      id: `acme-${i}`,
      workspaceId: 'acme',
      pool: 'integration',
      memberId: i % 3 === 0 ? 'ana' : 'ben',
      app: i % 2 === 0 ? 'crm' : 'mailer',
      action: ['email', 'integration:twilio', 'document', 'db'][i % 4]!,
      occurredAt: day(1 + (i % 27), i % 24),
      ...(i % 5 === 0 ? { inputHash: 'same-input' } : {}),
    });
    events.push({
      id: `b44-${i}`,
      workspaceId: 'b44',
      pool: i % 4 === 0 ? 'message' : 'integration',
      memberId: 'cy',
      action: i % 4 === 0 ? 'message' : ['llm', 'pdf', 'file'][i % 3]!,
      ...(i % 4 === 0 ? { credits: 1 } : { units: 500 * (i + 1) }),
      occurredAt: day(1 + (i % 27), (i * 7) % 24),
    });
  }
  return {
    version: 1,
    workspaces: [
      {
        id: 'acme',
        name: 'Acme',
        provider: 'zite',
        plan: 'pro',
        members: [
          { id: 'ana', name: 'Ana' },
          { id: 'ben', name: 'Ben', budget: 50 },
        ],
      },
      {
        id: 'b44',
        name: 'B44',
        provider: 'base44',
        plan: 'builder',
        pools: [
          { pool: 'integration', allowance: 300, reset: { kind: 'anchor-day', day: 15 } },
          { pool: 'message', allowance: 40, reset: { kind: 'anchor-day', day: 15 } },
        ],
        members: [{ id: 'cy', name: 'Cy' }],
        thresholds: [50, 75, 90, 100],
      },
    ],
    grants: [
      {
        id: 'share-linkedin',
        workspaceId: 'b44',
        pool: 'integration',
        kind: 'bonus',
        credits: 20,
        grantedAt: day(2),
        expiresAt: null,
      },
    ],
    events,
    rateCards: [{ provider: 'zite', effectiveFrom: day(20, 0), rates: { email: 1 } }],
  };
}
