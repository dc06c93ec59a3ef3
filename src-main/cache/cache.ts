import type { Millis } from '../../src-shared/time/instant';
import { openDatabase, type Db, type OpenDatabaseOptions } from '../db/connection';
import { createAccountReader, createAccountWriter } from '../db/repositories/accounts-repository';
import { createAppStateReader, createAppStateWriter } from '../db/repositories/app-state-repository';
import { createDeliveryReader, createDeliveryWriter } from '../db/repositories/delivery-repository';
import { createDigestReader, createDigestWriter } from '../db/repositories/digest-repository';
import { createDriftReader, createDriftWriter } from '../db/repositories/drift-repository';
import { createEventReader, createEventWriter } from '../db/repositories/events-repository';
import { createGrantReader, createGrantWriter } from '../db/repositories/grants-repository';
import { createPoolChangesReader, createPoolChangesWriter } from '../db/repositories/pool-changes-repository';
import { createPoolStateReader, createPoolStateWriter } from '../db/repositories/pool-state-repository';
import { createRaisedAlertStore } from '../db/repositories/raised-alerts-repository';
import { createRateCardReader, createRateCardWriter } from '../db/repositories/rate-cards-repository';
import { createReadingReader, createReadingWriter } from '../db/repositories/readings-repository';
import { createRollupReader, createRollupWriter } from '../db/repositories/rollups-repository';
import { createSummaryReader, createSummaryWriter } from '../db/repositories/summaries-repository';
import { createSyncStateReader, createSyncStateWriter } from '../db/repositories/sync-state-repository';
import { createWorkspaceReader, createWorkspaceWriter } from '../db/repositories/workspaces-repository';

function readers(db: Db) {
  return {
    accounts: createAccountReader(db),
    workspaces: createWorkspaceReader(db),
    grants: createGrantReader(db),
    rateCards: createRateCardReader(db),
    events: createEventReader(db),
    syncState: createSyncStateReader(db),
    poolState: createPoolStateReader(db),
    summaries: createSummaryReader(db),
    rollups: createRollupReader(db),
    drift: createDriftReader(db),
    appState: createAppStateReader(db),
    deliveries: createDeliveryReader(db),
    digests: createDigestReader(db),
    readings: createReadingReader(db),
    changes: createPoolChangesReader(db),
  };
}

function writers(db: Db) {
  return {
    accounts: createAccountWriter(db),
    workspaces: createWorkspaceWriter(db),
    grants: createGrantWriter(db),
    rateCards: createRateCardWriter(db),
    events: createEventWriter(db),
    syncState: createSyncStateWriter(db),
    poolState: createPoolStateWriter(db),
    summaries: createSummaryWriter(db),
    rollups: createRollupWriter(db),
    drift: createDriftWriter(db),
    appState: createAppStateWriter(db),
    deliveries: createDeliveryWriter(db),
    digests: createDigestWriter(db),
    readings: createReadingWriter(db),
    changes: createPoolChangesWriter(db),
  };
}

/** The open cache: one connection, its repositories (reads and writes apart) and the clock it runs on. */
export interface Cache {
  readonly db: Db;
  readonly file: string;
  readonly read: ReturnType<typeof readers>;
  readonly write: ReturnType<typeof writers>;
  /** The alert store the alerts service de-duplicates against. */
  readonly alerts: ReturnType<typeof createRaisedAlertStore>;
  readonly now: () => Millis;
  /** Runs `fn` in one immediate transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenCacheOptions extends OpenDatabaseOptions {
  /** The clock used for timestamps the cache writes; defaults to Date.now. */
  now?: () => Millis;
}

/** Opens the cache file (creating and migrating it as needed) and prepares every repository. */
export function openCache(file: string, options: OpenCacheOptions = {}): Cache {
  const { now = Date.now, ...dbOptions } = options;
  const db = openDatabase(file, dbOptions);
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  return {
    db,
    file,
    read: readers(db),
    write: writers(db),
    alerts: createRaisedAlertStore(db, now),
    now,
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}

/**
 * The app's own connection's SQLite page cache (KiB). A first sync of a million events fills it and
 * it stays filled while the app idles. better-sqlite3's default is 16 MB: storing 1,000,000 events
 * with random ids in 500-event transactions took the same CPU with 8 (23.7 and 22.3 s against 22.4
 * and 23.7 s, load 4-6); 4 MB took ~25 % more system time.
 */
export const WRITER_CACHE_KIB = 8192;

/** The read-only connection's SQLite page cache (KiB). */
export const READER_CACHE_KIB = 2048;

/** A read-only view of a cache file: what the evaluator thread opens beside the app's own connection. */
export interface CacheReader {
  readonly db: Db;
  readonly file: string;
  readonly read: ReturnType<typeof readers>;
  close(): void;
}

/**
 * Opens a cache read-only (WAL lets it read while another connection writes). The file must exist
 * at the current schema: the app's own connection creates and migrates it first.
 */
export function openCacheReader(file: string, options: OpenDatabaseOptions = {}): CacheReader {
  const db = openDatabase(file, { ...options, readonly: true, fileMustExist: true });
  // Its reads stream a pool's rows once into columns, then read the change feed: a page cache helps
  // them little, and better-sqlite3's default (16 MB) stayed filled beside the columns it fed.
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return { db, file, read: readers(db), close: () => db.close() };
}
