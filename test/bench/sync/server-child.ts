// Bench helper (child process): the reference server on loopback holding one Team-plan month.
// Prints {"url","token","importMs"} on one line once it serves; stops when its stdin closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../src-server/start-server';
import { teamMonthLedger } from '../../fixtures/team-month';

const events = Number(process.argv[2] ?? 1_000_000);
const year = Number(process.argv[3]);
const month = Number(process.argv[4]);
const dir = mkdtempSync(join(tmpdir(), 'creditbar-bench-server-'));
const server = await startServer({ dbPath: join(dir, 'server.sqlite') });
const { accountId, token } = server.admin.createAccount('bench');
const t0 = performance.now();
server.admin.importLedger(accountId, teamMonthLedger(events, year, month));
const importMs = performance.now() - t0;
process.stdout.write(JSON.stringify({ url: server.url, token, importMs }) + '\n');
const stop = async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
