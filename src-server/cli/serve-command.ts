import { parseArgs } from 'node:util';
import { type FaultOptions } from '../http/faults';
import { parseRateLimit, type RateLimitOptions } from '../http/rate-limiter';
import { DEFAULT_PACE } from '../simulator/calibration';
import { DEFAULT_DEMO_SEED, DEFAULT_TICK_MS } from '../simulator/simulator';
import { startServer } from '../start-server';
import { SERVER_VERSION } from '../version';
import { ServerCliError, type ServerCliIo } from './cli-io';
import { defaultDbPath, fractionFlag, numberFlag } from './flags';

export const DEFAULT_PORT = 8787;

export const SERVE_USAGE = `creditbar-server [serve] [options]        run the account API (Ctrl-C stops it)
  --port N              TCP port (env CREDITBAR_SERVER_PORT, default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST           interface (env CREDITBAR_SERVER_HOST, default 127.0.0.1)
  --db PATH             SQLite file (env CREDITBAR_SERVER_DB, default ~/.creditbar-server/server.sqlite;
                        with --demo, default a fresh temporary file)
  --demo                seed a demo account (token printed) and keep live activity coming
  --seed N              demo seed (default ${DEFAULT_DEMO_SEED}); --pace X live speed (default ${DEFAULT_PACE}: a minute
                        carries an hour of usage; 0 = no live activity); --tick-ms N (default ${DEFAULT_TICK_MS})
  --rate-limit N/DUR    requests per token, e.g. 100/60s (default: no limit); over it: 429 + Retry-After
  --fault-500 F         fault mode: fraction F (0-1) of API responses answered 500
  --fault-slow F        fraction delayed by --fault-slow-ms (default 1500)
  --fault-cut F         fraction whose body is cut off halfway
  --fault-seed N        seed of the fault sequence (default 1)
  --request-timeout S    seconds a client may take to send a request's headers and body (default 30);
                        over it the server answers 408 and closes the connection
  --log                 log every request (JSON lines)`;

function faultsFrom(values: Record<string, string | boolean | undefined>): FaultOptions | null {
  const error500 = fractionFlag('fault-500', values['fault-500'] as string | undefined);
  const slow = fractionFlag('fault-slow', values['fault-slow'] as string | undefined);
  const cut = fractionFlag('fault-cut', values['fault-cut'] as string | undefined);
  if (error500 === undefined && slow === undefined && cut === undefined) return null;
  const faults: FaultOptions = { error500: error500 ?? 0, slow: slow ?? 0, cut: cut ?? 0 };
  faults.slowMs = numberFlag(
    'fault-slow-ms',
    values['fault-slow-ms'] as string | undefined,
    1500,
    0,
    600_000,
    true,
  );
  faults.seed = numberFlag('fault-seed', values['fault-seed'] as string | undefined, 1, 0, 2 ** 31, true);
  if (faults.error500! + faults.slow! + faults.cut! > 1)
    throw new ServerCliError('--fault-500, --fault-slow and --fault-cut must add up to at most 1');
  return faults;
}

function describeFaults(f: FaultOptions | null): string {
  if (!f) return 'off';
  return `${(f.error500 ?? 0) * 100}% 500s, ${(f.slow ?? 0) * 100}% slow (${f.slowMs} ms), ${(f.cut ?? 0) * 100}% cut mid-body (seed ${f.seed})`;
}

/** `creditbar-server serve`: starts the server, prints where it listens, runs until stopped. */
export async function serveCommand(argv: string[], io: ServerCliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      demo: { type: 'boolean' },
      seed: { type: 'string' },
      pace: { type: 'string' },
      'tick-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      'fault-500': { type: 'string' },
      'fault-slow': { type: 'string' },
      'fault-slow-ms': { type: 'string' },
      'fault-cut': { type: 'string' },
      'fault-seed': { type: 'string' },
      'request-timeout': { type: 'string' },
      log: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new ServerCliError(`serve takes no arguments (got "${positionals[0]}")`);
  const port = numberFlag('port', values.port ?? io.env.CREDITBAR_SERVER_PORT, DEFAULT_PORT, 0, 65535, true);
  const host = values.host ?? io.env.CREDITBAR_SERVER_HOST ?? '127.0.0.1';
  const demo = values.demo === true;
  const dbPath = values.db ?? (demo ? undefined : defaultDbPath(io.env));
  let rateLimit: RateLimitOptions | null = null;
  if (values['rate-limit'] !== undefined) {
    try {
      rateLimit = parseRateLimit(values['rate-limit']);
    } catch (err) {
      throw new ServerCliError(`--rate-limit: ${(err as Error).message}`);
    }
  }
  const faults = faultsFrom(values);
  const demoOptions = {
    seed: numberFlag('seed', values.seed, DEFAULT_DEMO_SEED, 0, 2 ** 31, true),
    pace: numberFlag('pace', values.pace, DEFAULT_PACE, 0, 1_000_000),
    tickMs: numberFlag('tick-ms', values['tick-ms'], DEFAULT_TICK_MS, 10, 3_600_000, true),
  };

  const requestTimeoutS = numberFlag('request-timeout', values['request-timeout'], 30, 1, 3600);

  const started = performance.now();
  const server = await startServer({
    port,
    host,
    ...(dbPath !== undefined ? { dbPath } : {}),
    ...(demo ? { demo: demoOptions } : {}),
    rateLimit,
    faults,
    logger: values.log === true,
    requestTimeoutMs: Math.round(requestTimeoutS * 1000),
  });
  const lines = [
    `Creditbar reference server ${SERVER_VERSION} (account API v1)`,
    `  listening on  ${server.url}`,
    `  database      ${server.dbPath}${dbPath === undefined ? ' (temporary, removed on exit)' : ''}`,
    `  rate limit    ${rateLimit ? `${rateLimit.max} requests per ${rateLimit.windowMs / 1000} s per token` : 'off (--rate-limit N/DUR)'}`,
    `  fault mode    ${describeFaults(faults)}`,
    `  timeouts      ${requestTimeoutS} s to send a request (--request-timeout)`,
  ];
  const sim = server.simulator;
  if (sim) {
    lines.push(
      `Demo account "Demo team": ${sim.pools.length} pools in 4 workspaces, ${sim.historyEvents.toLocaleString('en-US')} events of history to ${sim.historyEndsAt} (seed ${sim.seed}), ready in ${Math.round(performance.now() - started)} ms`,
      `  token         ${sim.token}`,
      `  live activity ${sim.pace > 0 ? `pace ${sim.pace}x, a tick every ${demoOptions.tickMs} ms` : 'off (--pace 0)'}`,
      `  try           curl -H "Authorization: Bearer ${sim.token}" ${server.url}/v1/workspaces`,
    );
  } else {
    lines.push(
      '  accounts      creditbar-server import LEDGER.json --db FILE (prints a token), or --demo for demo data',
    );
  }
  lines.push('Ctrl-C stops the server.');
  io.stdout(`${lines.join('\n')}\n`);
  io.onStop(async () => {
    await server.close();
    io.stdout(`Stopped (peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB).\n`);
  });
}
