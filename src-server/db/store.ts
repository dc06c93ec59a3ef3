import type Database from 'better-sqlite3';
import { createAccountsRepository, type AccountsRepository } from './accounts-repository';
import { databaseId } from './connection';
import {
  createEventsReader,
  createEventsWriter,
  type EventsReader,
  type EventsWriter,
} from './events-repository';
import { createGrantsRepository, type GrantsRepository } from './grants-repository';
import { createRateCardsRepository, type RateCardsRepository } from './rate-cards-repository';
import { createWorkspacesRepository, type WorkspacesRepository } from './workspaces-repository';

/** The repositories of one open database, their statements prepared once. */
export interface ServerStore {
  db: Database.Database;
  /** Random id of this database file, carried by cursors. */
  databaseId: string;
  accounts: AccountsRepository;
  workspaces: WorkspacesRepository;
  grants: GrantsRepository;
  rateCards: RateCardsRepository;
  eventsReader: EventsReader;
  eventsWriter: EventsWriter;
  /** Runs fn in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  /**
   * Every write to a workspace's records (events, grants, members, plan, removal) ends here: its
   * revision is bumped in the caller's transaction and the listeners are told, so a cache of
   * evaluations has one place to be invalidated. Another process (the CLI) bumps the same revision.
   */
  changed(workspacePk: number): void;
  /** Calls listener after each `changed`; returns the unsubscribe function. */
  onChanged(listener: (workspacePk: number) => void): () => void;
}

export function createStore(db: Database.Database): ServerStore {
  const listeners = new Set<(workspacePk: number) => void>();
  const workspaces = createWorkspacesRepository(db);
  return {
    db,
    databaseId: databaseId(db),
    accounts: createAccountsRepository(db),
    workspaces,
    grants: createGrantsRepository(db),
    rateCards: createRateCardsRepository(db),
    eventsReader: createEventsReader(db),
    eventsWriter: createEventsWriter(db),
    transaction: (fn) => db.transaction(fn)(),
    changed: (pk) => {
      workspaces.touch(pk);
      for (const listener of listeners) listener(pk);
    },
    onChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
