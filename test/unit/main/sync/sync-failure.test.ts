import { describe, expect, it } from 'vitest';
import type {
  AccountSyncState,
  WorkspaceSyncState,
} from '../../../../src-main/db/repositories/sync-state-repository';
import { syncFailureOf } from '../../../../src-main/sync/sync-failure';

const T = Date.UTC(2026, 10, 20, 12);
const account = (more: Partial<AccountSyncState> = {}): AccountSyncState => ({
  lastAttemptAt: T,
  lastSuccessAt: T - 60_000,
  lastError: null,
  lastErrorKind: null,
  lastErrorAt: null,
  serverOffsetMs: 0,
  ...more,
});
const workspace = (more: Partial<WorkspaceSyncState> = {}): WorkspaceSyncState => ({
  cursor: 'c',
  eventsReceived: 10,
  lastSuccessAt: T - 60_000,
  lastError: null,
  lastErrorAt: null,
  ...more,
});

describe('syncFailureOf: did the attempt after this data fail?', () => {
  it.each([
    ['the last attempt succeeded', account(), workspace(), null],
    [
      'the server could not be reached after the last success',
      account({ lastError: 'connect ECONNREFUSED', lastErrorKind: 'offline', lastErrorAt: T }),
      workspace(),
      'offline',
    ],
    [
      'the token was refused',
      account({ lastError: 'HTTP 401', lastErrorKind: 'auth', lastErrorAt: T }),
      workspace(),
      'error',
    ],
    [
      'an old error, then a success',
      account({ lastError: 'HTTP 503', lastErrorKind: 'server', lastErrorAt: T - 120_000 }),
      workspace(),
      null,
    ],
    [
      'a cancelled attempt is no failure',
      account({ lastError: 'cancelled', lastErrorKind: 'cancelled', lastErrorAt: T }),
      workspace(),
      null,
    ],
    [
      "the workspace's own page was malformed",
      account(),
      workspace({ lastError: 'events[3].credits: expected a number', lastErrorAt: T }),
      'error',
    ],
  ] as const)('%s', (_name, a, w, failure) => {
    expect(syncFailureOf(a, w)).toBe(failure);
  });
});
