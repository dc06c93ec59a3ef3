import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/temp-dir';
import { serverCliInProcess } from '../server/run-server-cli';
import { fixtureLedger } from '../server/server-fixture';
import { runCliInProcess } from './run-cli';

// A ledger file was stored whatever its events said: an event dated 2099 (a typo year) opened a
// period 73 years ahead, and a 5,000,000-character action went into the cache, or into the
// collector and from there to every lead's cache. Both imports now apply the limits the collector
// applies to a reporting app (src-shared/api/ingest.ts), before anything is opened or created.

const folder = tempDir('creditbar-ledger-limits-');
afterAll(() => folder.cleanup());
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The server fixture's ledger (November 2026) with event 3 changed by `change`, written to `name`. */
function ledgerWith(name: string, change: (e: Record<string, unknown>) => void): string {
  const ledger = fixtureLedger(3);
  change(ledger.events[3] as unknown as Record<string, unknown>);
  const file = folder.file(name);
  writeFileSync(file, JSON.stringify(ledger));
  return file;
}

const ahead = ledgerWith('ahead.json', (e) => (e['occurredAt'] = '2099-11-03T10:00:00Z'));
const long = ledgerWith('long.json', (e) => (e['action'] = 'x'.repeat(5000)));
const old = ledgerWith('old.json', (e) => (e['occurredAt'] = '1999-11-03T10:00:00Z'));
// Event 3 of fixtureLedger(3) is b44-1 (events alternate acme-i, b44-i).
const now = () => Date.parse('2026-11-30T12:00:00Z');

describe('a ledger import refuses what the collector refuses', () => {
  it('creditbar import: one line naming the event, exit 1, no cache created and an existing one unchanged', async () => {
    const fresh = folder.file('fresh.sqlite');
    const cases: [string, string][] = [
      [
        ahead,
        `creditbar: ${ahead}: events[3] (id "b44-1"): occurredAt 2099-11-03T10:00:00Z is more than a day after now (2026-11-30T12:00:00.000Z): check the year\n`,
      ],
      [long, `creditbar: ${long}: events[3] (id "b44-1"): action is 5,000 characters, more than 200\n`],
      [
        old,
        `creditbar: ${old}: events[3] (id "b44-1"): occurredAt 1999-11-03T10:00:00Z is before 2000-01-01: check the year\n`,
      ],
    ];
    for (const [file, sentence] of cases) {
      const r = await runCliInProcess(['import', file, '--db', fresh], { now });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toBe(sentence);
      expect(existsSync(fresh)).toBe(false);
    }
    const good = folder.file('good.json');
    writeFileSync(good, JSON.stringify(fixtureLedger(3)));
    const cache = folder.file('cache.sqlite');
    expect((await runCliInProcess(['import', good, '--db', cache], { now })).code).toBe(0);
    const before = hash(cache);
    expect((await runCliInProcess(['import', ahead, '--db', cache], { now })).code).toBe(1);
    expect(hash(cache)).toBe(before);
  });

  it('creditbar-server import: the same, before the database file is created', async () => {
    const db = folder.file('server.sqlite');
    const r = await serverCliInProcess(['import', long, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `creditbar-server: ${long}: events[3] (id "b44-1"): action is 5,000 characters, more than 200\n`,
    );
    const r2 = await serverCliInProcess(['import', ahead, '--db', db]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(
      /^creditbar-server: .*ahead\.json: events\[3\] \(id "b44-1"\): occurredAt 2099-11-03T10:00:00Z is more than a day after now \(.*\): check the year\n$/,
    );
    expect(existsSync(db)).toBe(false);
  });
});
