import type { SyncErrorKind } from '../db/repositories/sync-state-repository';

/**
 * A sync failure a user can meet: `kind` says what the UI should make of it, the message says
 * what happened and what to do, in one sentence.
 */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** True when the sync was cancelled through its AbortSignal. */
export function isCancelled(err: unknown): boolean {
  return err instanceof SyncError && err.kind === 'cancelled';
}
