import type { UsageEvent } from '../types/ledger';
import { parseInstant } from '../time/instant';
import { EngineInputError } from './errors';

/**
 * Marks the first copy of each id in `items` (1) and later copies (0); `onCopy(first, copy)` hears
 * of every later copy. An open-addressing table of indices with an FNV-1a hash: a month of a Team
 * plan is a million ids, and a Set of strings is about three times slower at that size (measured in
 * `npm run bench`).
 */
export function markFirstCopies(
  items: readonly { id: string }[],
  onCopy?: (first: number, copy: number) => void,
): Uint8Array {
  const n = items.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const first = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = items[i]!.id;
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[slot]!;
      if (j === -1) {
        table[slot] = i;
        first[i] = 1;
        break;
      }
      if (items[j]!.id === id) {
        onCopy?.(j, i);
        break;
      }
    }
  }
  return first;
}

const FIELDS = ['pool', 'memberId', 'app', 'action', 'units', 'credits', 'occurredAt', 'inputHash'] as const;

/** The first field in which two events of one id differ (the same instant written two ways is equal), or null. */
export function eventDifference(a: UsageEvent, b: UsageEvent): (typeof FIELDS)[number] | null {
  if (a === b) return null;
  for (const field of FIELDS) {
    const x = a[field];
    const y = b[field];
    const same = field === 'occurredAt' ? parseInstant(x as string) === parseInstant(y as string) : x === y;
    if (!same) return field;
  }
  return null;
}

/**
 * Refuses two copies of one event id (in one workspace) that differ: which one to count would
 * depend on the order of the file. Exact copies count once (a re-sent call). The message is the
 * same whatever the order of the two copies.
 */
export function differingCopyError(
  workspaceId: string,
  a: UsageEvent,
  b: UsageEvent,
): EngineInputError | null {
  const field = eventDifference(a, b);
  if (field === null) return null;
  const [x, y] = [a[field], b[field]].map((v) => (v === undefined ? '(none)' : String(v))).sort();
  const record = `event "${a.id}" of workspace "${workspaceId}"`;
  return new EngineInputError(
    `${record} appears twice with different ${field} (${x} and ${y}): a ledger may repeat an event only as an exact copy`,
    { record, field },
  );
}

/** Marks first copies of a workspace's events, refusing copies that differ (see differingCopyError). */
export function markFirstEventCopies(workspaceId: string, events: readonly UsageEvent[]): Uint8Array {
  return markFirstCopies(events, (j, i) => {
    const err = differingCopyError(workspaceId, events[j]!, events[i]!);
    if (err) throw err;
  });
}
