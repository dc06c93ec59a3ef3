import { setImmediate as nextTurn } from 'node:timers/promises';
import type { UsageEvent } from '../../src-shared/types/ledger';
import type { Cache } from '../cache/cache';
import { storeEvents } from '../cache/store-events';

/**
 * Events stored per transaction. A contract-size page (5,000 events) stored at once held the main
 * thread 40-150 ms (bench:runtime's first sync); 500 rows take ~5 ms of CPU (25-35 ms of wall
 * clock for 1,000 on a machine loaded 5 deep over 2 cores), and the app answers between them.
 */
export const STORE_CHUNK = 500;

/** A page of usage and where it leads. */
export interface StoredPage {
  events: readonly UsageEvent[];
  nextCursor: string | null;
}

/**
 * Stores one usage page of a workspace in chunks of STORE_CHUNK events, one transaction each, with
 * a turn of the event loop before each so the main thread never holds a page at once. The cursor
 * moves (and the page's events are counted received) only with the last chunk, so a failure or a
 * kill mid-page leaves the cursor before the page: the next sync fetches it again and the events
 * already stored are recognised by id, never stored or counted twice. Every chunk first checks the
 * stored cursor is still `from`; if another sync moved it, `onConflict`'s error is thrown and the
 * rest of the page is dropped. Returns how many events were new.
 */
export async function storePage(
  cache: Cache,
  key: number,
  from: string | null,
  page: StoredPage,
  onConflict: () => Error,
  chunk = STORE_CHUNK,
): Promise<number> {
  const { events } = page;
  let inserted = 0;
  let start = 0;
  do {
    await nextTurn();
    const end = Math.min(events.length, start + chunk);
    const part = start === 0 && end === events.length ? events : events.slice(start, end);
    const last = end === events.length;
    inserted += cache.transaction(() => {
      if (!last && cache.read.syncState.workspace(key).cursor !== from) throw onConflict();
      const stored = storeEvents(cache, key, part);
      if (last && !cache.write.syncState.advanceCursor(key, from, page.nextCursor, events.length))
        throw onConflict();
      return stored;
    });
    start = end;
  } while (start < events.length);
  return inserted;
}
