// Bench helper (child process): the reference server on loopback holding Team-plan months.
// argv: events per workspace, year, month, [workspaces = 1], [until = end of the month (ms)]. With
// `until`, each month is mapped onto [its start, until): every event is due, none in the future.
// Prints {"url","token","ingestTokens","importMs"} on one line once it serves; stops when its
// stdin closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../src-server/start-server';
import { teamMonthLedger } from '../../fixtures/team-month';

const events = Number(process.argv[2] ?? 1_000_000);
const year = Number(process.argv[3]);
const month = Number(process.argv[4]);
const workspaces = Number(process.argv[5] ?? 1);
const until = process.argv[6] === undefined ? undefined : Number(process.argv[6]);
const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-server-'));
const server = await startServer({ dbPath: join(dir, 'server.sqlite') });
const { accountId, token } = server.admin.createAccount('bench');
const t0 = performance.now();
const ingestTokens: Record<string, string> = {};
for (let w = 0; w < workspaces; w++) {
  // One workspace keeps the id the sync bench has always used; several are team-1 ... team-N.
  const workspaceId = workspaces === 1 ? 'team' : `team-${w + 1}`;
  server.admin.importLedger(
    accountId,
    teamMonthLedger(events, year, month, 7 + w, { workspaceId, ...(until ? { until } : {}) }),
  );
  ingestTokens[workspaceId] = server.admin.createToken(accountId, { scope: 'ingest', workspaceId });
}
const importMs = performance.now() - t0;
process.stdout.write(JSON.stringify({ url: server.url, token, ingestTokens, importMs }) + '\n');
const stop = async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
