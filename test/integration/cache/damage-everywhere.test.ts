import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/cache/cache';
import { damageMarker, openAppCache } from '../../../src-main/cache/open-app-cache';
import { savedWalksFile } from '../../../src-main/evaluator/saved-walks';
import { buildTrayModel } from '../../../src-main/tray/tray-model';
import { CACHE_DAMAGE_FOUND_NOTICE } from '../../../src-shared/display/cache-damage';
import { syncStateText } from '../../../src-shared/display/sync-state';
import { appInstall } from '../app/runtime-fixture';
import { runCliInProcess } from '../cli/run-cli';
import { damageEventsTable } from './damage';

// A damaged cache is one state told in one sentence (src-shared/display/cache-damage.ts), whoever
// reads the damaged page first: here the evaluator thread (no check at open, none in the thread),
// then `creditbar status` over the file the app marked. The sentence, by hand from the banner's
// wording and SQLite's finding for an overwritten table root ("database disk image is malformed"):
const SENTENCE =
  'The local cache is damaged (database disk image is malformed): quit and reopen Creditbar to move it aside, untouched, and rebuild it from the server; until then some numbers may be missing or wrong.';

const installs: ReturnType<typeof appInstall>[] = [];
afterEach(async () => {
  for (const i of installs.splice(0)) await i.cleanup();
});

describe(
  'a damaged page read by the evaluator, and creditbar status over a marked cache',
  { timeout: 120_000 },
  () => {
    it('the evaluator reading a damaged page: the banner, the sync line, the tray and the header agree; status says the same sentence', async () => {
      const install = appInstall();
      installs.push(install);
      const file = install.dir.file('cache.sqlite');
      const first = install.start();
      first.runtime.start();
      await first.runtime.handlers.startDemo(undefined);
      await first.runtime.whenIdle();
      await install.stop();

      // Damaged after a clean stop, opened without a check, and without the walks the thread saved
      // (so it walks the events again): the thread's first evaluation reads the damaged page.
      damageEventsTable(file);
      rmSync(savedWalksFile(file), { force: true });
      const opened = openAppCache(file, { deferCheck: true });
      const second = install.start({}, () => ({ ...opened.cache, close: opened.close }));
      second.runtime.start();
      await second.runtime.whenIdle();
      const snapshot = second.runtime.snapshot();
      expect(snapshot.notices?.find((n) => n.key === CACHE_DAMAGE_FOUND_NOTICE)?.message).toBe(SENTENCE);
      expect(snapshot.sync.lastError?.message).toBe(SENTENCE);
      expect(JSON.stringify(snapshot)).not.toMatch(/could not evaluate the cached usage|sync again/);
      // Marked for the next start, as the check's finding is.
      expect(readFileSync(damageMarker(file), 'utf8')).toBe('database disk image is malformed');
      // The header's words are the tray's sync line's, which goes on with the sentence.
      const now = Date.now();
      const header = syncStateText(snapshot.sync, now);
      expect(header).toMatch(/^Sync failed /);
      const tray = buildTrayModel({ snapshot, now, timeZone: 'UTC' });
      const labels = tray.menu.map((i) => ('label' in i ? i.label : ''));
      expect(labels).toContain(`${header}: ${SENTENCE}`);
      await install.stop();

      // The CLI over the marked, damaged file: the same sentence, a non-zero exit, no other instruction.
      const status = await runCliInProcess(['status', '--db', file]);
      expect(status.code).toBe(1);
      expect(status.stderr).toBe(`creditbar: ${SENTENCE}\n`);
    });

    it('a cache the app marked damaged that status can still read: the numbers, after the sentence', async () => {
      const install = appInstall();
      installs.push(install);
      const file = install.dir.file('cache.sqlite');
      openCache(file).close();
      writeFileSync(damageMarker(file), 'database disk image is malformed');
      const text = await runCliInProcess(['status', '--db', file]);
      expect(text.code).toBe(0);
      expect(text.stdout.startsWith(`${SENTENCE}\n\n`)).toBe(true);
      const json = await runCliInProcess(['status', '--db', file, '--json']);
      expect(json.code).toBe(0);
      expect(json.stderr).toBe(`creditbar: ${SENTENCE}\n`);
      expect(JSON.parse(json.stdout)).toMatchObject({ pools: [] });
      expect(existsSync(file)).toBe(true);
    });
  },
);
