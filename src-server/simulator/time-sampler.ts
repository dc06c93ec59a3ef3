import { DAY_MS } from '../../src-shared/time/instant';
import type { DemoWorkspaceSpec } from './demo-cast';
import { unitHash } from './draw';
import type { Random } from './prng';
import { habitWeight, HOUR_MS } from './rhythm';

/** How busy a day is for the whole workspace: day-to-day noise and the odd launch-day burst. */
export function dayFactor(seed: number, workspaceId: string, day: number): number {
  const u1 = Math.max(1e-9, unitHash(`${seed}/${workspaceId}/day/${day}/a`));
  const u2 = unitHash(`${seed}/${workspaceId}/day/${day}/b`);
  const noise = Math.exp(0.3 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
  const burst = unitHash(`${seed}/${workspaceId}/day/${day}/burst`) < 0.06 ? 2.5 : 1;
  return noise * burst;
}

/** Whether an occasional member shows up on a day (they do about one day in three). */
function memberDayFactor(
  seed: number,
  workspaceId: string,
  memberId: string,
  habit: string,
  day: number,
): number {
  if (habit !== 'occasional') return 1;
  return unitHash(`${seed}/${workspaceId}/${memberId}/${day}`) < 0.35 ? 2.5 : 0.05;
}

/**
 * Draws (member, instant) pairs over [start, end) following each member's weekly habit, the
 * workspace's day factors and the member's weight: the weekday/weekend rhythm and the bursts.
 */
export class TimeSampler {
  private readonly firstHour: number;
  private readonly cumulative: Float64Array[];
  private readonly totals: number[];

  constructor(
    private readonly ws: DemoWorkspaceSpec,
    seed: number,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.firstHour = Math.floor(start / HOUR_MS);
    const hours = Math.max(1, Math.ceil(end / HOUR_MS) - this.firstHour);
    const days = new Map<number, number>();
    const workspaceDay = (day: number) => {
      let f = days.get(day);
      if (f === undefined) days.set(day, (f = dayFactor(seed, ws.workspace.id, day)));
      return f;
    };
    this.cumulative = ws.members.map((m) => {
      const cum = new Float64Array(hours);
      let sum = 0;
      for (let i = 0; i < hours; i++) {
        const h0 = (this.firstHour + i) * HOUR_MS;
        const overlap = end > start ? (Math.min(end, h0 + HOUR_MS) - Math.max(start, h0)) / HOUR_MS : 1;
        const day = Math.floor(h0 / DAY_MS);
        sum +=
          Math.max(0, overlap) *
          m.weight *
          habitWeight(m.habit, h0, ws.utcOffsetHours) *
          workspaceDay(day) *
          memberDayFactor(seed, ws.workspace.id, m.id, m.habit, day);
        cum[i] = sum;
      }
      return cum;
    });
    this.totals = this.cumulative.map((c) => c[c.length - 1]!);
  }

  /** One member index and instant in [start, end) (the start itself when the span is empty). */
  sample(random: Random): { member: number; t: number } {
    const member = random.weighted(this.totals);
    if (this.end <= this.start) return { member, t: this.start };
    const cum = this.cumulative[member]!;
    const target = random.next() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    const h0 = Math.max(this.start, (this.firstHour + lo) * HOUR_MS);
    const h1 = Math.min(this.end, (this.firstHour + lo + 1) * HOUR_MS);
    return { member, t: Math.min(this.end - 1, Math.floor(h0 + random.next() * (h1 - h0))) };
  }

  /** Member index by id. */
  memberIndex(id: string): number {
    return this.ws.members.findIndex((m) => m.id === id);
  }
}
