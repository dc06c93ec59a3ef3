import type { SchedulerClock } from '../../../../src-main/app/scheduler';

/** A clock whose timers fire only when the test advances time: no real timers, no sleeps. */
export class FakeClock implements SchedulerClock {
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = target;
  }

  /** Time to the next timer, or null when none is pending. */
  nextTimerIn(): number | null {
    const next = this.timers.map((t) => t.at).sort((a, b) => a - b)[0];
    return next === undefined ? null : next - this.time;
  }

  get pending(): number {
    return this.timers.length;
  }
}
