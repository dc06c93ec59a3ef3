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
}

export function createStore(db: Database.Database): ServerStore {
  return {
    db,
    databaseId: databaseId(db),
    accounts: createAccountsRepository(db),
    workspaces: createWorkspacesRepository(db),
    grants: createGrantsRepository(db),
    rateCards: createRateCardsRepository(db),
    eventsReader: createEventsReader(db),
    eventsWriter: createEventsWriter(db),
    transaction: (fn) => db.transaction(fn)(),
  };
}
