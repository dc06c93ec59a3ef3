import { DAY_MS } from '../time/instant';
import type { PoolEvents } from './event-columns';

/** Calls that ran and the credits they were charged, for one day, member, action and app. */
export interface RollupCell {
  /** Whole UTC days since the epoch. */
  day: number;
  memberId: string;
  action: string;
  app: string;
  credits: number;
  calls: number;
}

/**
 * Collects rollup cells during a walk (pass `onCall` to walkPoolFrom): only calls that ran are
 * counted, at the price they were charged, so rollups sum to the engine's breakdowns exactly.
 */
export function createRollupCollector(events: PoolEvents): {
  onCall: (index: number, credits: number) => void;
  /** The cells of days in [start, end), removed from the collector. */
  take: (start: number, end: number) => RollupCell[];
} {
  const cells = new Map<string, RollupCell>();
  return {
    onCall(index, credits) {
      const day = Math.floor(events.time(index) / DAY_MS);
      const memberId = events.members.values[events.member[index]!]!;
      const action = events.actions.values[events.action[index]!]!;
      const app = events.apps.values[events.app[index]!]!;
      const key = `${day}\u0000${memberId}\u0000${action}\u0000${app}`;
      const cell = cells.get(key);
      if (cell) {
        cell.credits += credits;
        cell.calls++;
      } else {
        cells.set(key, { day, memberId, action, app, credits, calls: 1 });
      }
    },
    take(start, end) {
      const out: RollupCell[] = [];
      for (const [key, cell] of cells) {
        const t = cell.day * DAY_MS;
        if (t >= start && t < end) {
          out.push(cell);
          cells.delete(key);
        }
      }
      return out;
    },
  };
}
