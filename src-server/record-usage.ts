import type { ServerStore } from './db/store';
import type { Member, UsageEvent } from '../src-shared/types/ledger';

/** What storing a batch did. */
export interface RecordedUsage {
  /** Events that were new (ids already stored are skipped, never counted twice). */
  inserted: number;
  /** Member ids the workspace did not list, now listed as unnamed so that the lead can name them. */
  newMembers: string[];
}

export interface RecordUsageOptions {
  /** Ingest: list member ids that are not among `known` as unnamed, first seen at `at`. */
  unknownMembers?: { known: readonly Pick<Member, 'id'>[]; at: string };
}

/**
 * The one way usage events are stored: the ingest route, ledger imports and the demo simulator all
 * come through here, so the workspace is marked changed (revision, listeners) wherever events land.
 * Call inside a transaction; events must already be valid for the workspace.
 */
export function recordUsage(
  store: ServerStore,
  workspacePk: number,
  events: readonly UsageEvent[],
  options: RecordUsageOptions = {},
): RecordedUsage {
  let newMembers: string[] = [];
  if (options.unknownMembers) {
    const known = new Set(options.unknownMembers.known.map((m) => m.id));
    const unknown = new Set<string>();
    for (const e of events) if (!known.has(e.memberId)) unknown.add(e.memberId);
    if (unknown.size > 0)
      newMembers = store.workspaces.registerSeen(workspacePk, unknown, options.unknownMembers.at);
  }
  const inserted = events.length > 0 ? store.eventsWriter.insert(workspacePk, events) : 0;
  if (inserted > 0 || newMembers.length > 0) store.changed(workspacePk);
  return { inserted, newMembers };
}
