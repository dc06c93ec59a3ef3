#!/usr/bin/env node
// npm run test:clock: the vitest files whose outcome depends on the wall clock, run under libfaketime
// at the instants CI could hit (README, "Tests at any instant"). Not part of `npm test`: 12 instants
// of ~25 files take 10-20 minutes on a shared 2-core machine, and it needs Debian's faketime package.
//
//   npm run test:clock                          every instant, the clock-sensitive files
//   npm run test:clock -- --at year-end         one instant (a name or a prefix of the list below)
//   npm run test:clock -- --all --at year-end   the whole vitest suite at that instant
//   npm run test:clock -- --list                the instants and files, nothing run
//
// The clock is shifted, not frozen: FAKETIME="+Ns" (the offset from the real now to the instant,
// taken once), so timers, child processes and vitest's workers all see the same ticking clock.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Where Debian/Ubuntu put libfaketime (the multithreaded build: node has threads). */
const LIBS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/faketime/libfaketimeMT.so.1',
];

/** The risky instants: [name, UTC instant, TZ, why]. */
export const INSTANTS = [
  [
    'year-end',
    '2026-12-31T23:52:00Z',
    'UTC',
    'the last minutes of a month and a year; the run crosses into Jan 1',
  ],
  ['new-year', '2027-01-01T00:04:00Z', 'UTC', 'the first minutes of a year: periods minutes old'],
  ['march-1st', '2027-03-01T00:04:00Z', 'UTC', 'after a 28-day month; fixed-date fixtures two months back'],
  ['day-2', '2027-03-02T12:00:00Z', 'UTC', 'the 2nd: a current period a day and a half old'],
  ['leap-day', '2028-02-29T23:50:00Z', 'UTC', 'the last minutes of a 29-day month'],
  ['april-30', '2027-04-30T23:55:00Z', 'UTC', 'the last minutes of a 30-day month'],
  ['billing-15th', '2026-12-15T00:05:00Z', 'UTC', "minutes into the demo Base44 workspace's billing period"],
  ['utc-midnight', '2026-12-09T23:59:30Z', 'UTC', 'half a minute before midnight UTC'],
  [
    'ny-dst-end',
    '2026-11-01T06:30:00Z',
    'America/New_York',
    '01:30 EST on Nov 1, just after the clocks went back',
  ],
  ['ny-new-year', '2027-01-01T03:00:00Z', 'America/New_York', 'Jan 1 in UTC, still Dec 31 22:00 in New York'],
  [
    'berlin-dst-start',
    '2027-03-28T01:30:00Z',
    'Europe/Berlin',
    '03:30 CEST, just after the clocks went forward',
  ],
  [
    'berlin-nov-1st',
    '2027-10-31T23:30:00Z',
    'Europe/Berlin',
    'Nov 1 00:30 in Berlin, Oct 31 in UTC, the day the clocks went back',
  ],
];

/** The vitest files whose outcome depends on the wall clock (Date.now, demo seeding, imports with the real clock). */
export const FILES = [
  'test/unit/shared/display/duration.test.ts',
  'test/integration/app/app-runtime.test.ts',
  'test/integration/app/manual-workspaces.test.ts',
  'test/integration/app/saved-walks-restart.test.ts',
  'test/integration/cache/cache-failures.test.ts',
  'test/integration/cache/deferred-cache-check.test.ts',
  'test/integration/cli/closed-pipe-help.test.ts',
  'test/integration/cli/member-budgets.test.ts',
  'test/integration/cli/status-settings.test.ts',
  'test/integration/manual/csv-import.test.ts',
  'test/integration/manual/reading-check.test.ts',
  'test/integration/manual/readings-cli.test.ts',
  'test/integration/reporter/collector-path.test.ts',
  'test/integration/server/simulator.test.ts',
  'test/integration/sync/cli-first-sync.test.ts',
  'test/integration/sync/drift.test.ts',
  'test/integration/sync/faults.test.ts',
  'test/integration/sync/full-sync.test.ts',
  'test/integration/sync/reading-check.test.ts',
  'test/integration/sync/reconcile-live.test.ts',
  'test/renderer/components/freshness-badge.test.tsx',
  'test/renderer/features/alerts/alerts-screen.test.tsx',
  'test/renderer/features/settings/updates-section.test.tsx',
];

function args(argv) {
  const out = { at: [], all: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--all') out.all = true;
    else if (a === '--list') out.list = true;
    else if (a === '--at' && argv[i + 1]) out.at.push(argv[++i]);
    else {
      console.error(`test:clock: unknown argument "${a}": use --at NAME, --all or --list`);
      process.exit(2);
    }
  }
  return out;
}

const opts = args(process.argv.slice(2));
const chosen = opts.at.length
  ? INSTANTS.filter(([name]) => opts.at.some((a) => name.startsWith(a)))
  : INSTANTS;
if (opts.at.length && chosen.length === 0) {
  console.error(`test:clock: no instant named ${opts.at.join(', ')}; --list shows them`);
  process.exit(2);
}
if (opts.list) {
  for (const [name, iso, tz, why] of INSTANTS)
    console.log(`${name.padEnd(17)} ${iso}  ${tz.padEnd(16)} ${why}`);
  console.log(`\nfiles:\n  ${FILES.join('\n  ')}`);
  process.exit(0);
}
const lib = LIBS.find((p) => existsSync(p));
if (!lib) {
  console.error(
    'test:clock: libfaketime is not installed: apt-get install faketime (Debian/Ubuntu), then run again',
  );
  process.exit(1);
}

const results = [];
for (const [name, iso, tz] of chosen) {
  const offset = Math.round((Date.parse(iso) - Date.now()) / 1000);
  console.log(`\n== ${name}: ${iso} (TZ=${tz})`);
  const run = spawnSync('npx', ['vitest', 'run', ...(opts.all ? [] : FILES)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      TZ: tz,
      LD_PRELOAD: lib,
      FAKETIME: `${offset >= 0 ? '+' : ''}${offset}s`,
      // Timers and vitest's own timeouts run on the real monotonic clock.
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    },
  });
  results.push([name, iso, tz, run.status === 0]);
}
console.log('\n== test:clock');
for (const [name, iso, tz, ok] of results)
  console.log(`${ok ? 'pass' : 'FAIL'}  ${name.padEnd(17)} ${iso}  TZ=${tz}`);
process.exit(results.every(([, , , ok]) => ok) ? 0 : 1);
