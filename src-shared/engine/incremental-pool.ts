import type { Millis } from '../time/instant';
import { EventColumns } from './event-columns';
import type { PeriodResult } from './period-result';
import { periodAt } from './periods';
import { PoolWalk, type PoolWalkConfig, type WalkStart } from './pool-walk';
import { firstWalkInstant } from './simulate-pool';
import type { WalkState } from './walk-state';

/** Where an incremental pool's walks start. */
export interface IncrementalStart {
  /** A closed period's checkpoint; null: from the pool's first record. */
  from: WalkStart | null;
  /**
   * Without a checkpoint: walk at least from the period holding this instant (else asOf's).
   * 'asOf': from the period holding each evaluation's asOf, as the cache's engine asks.
   */
  earliest?: Millis | 'asOf';
}

/** What the last evaluate() cost, for benches and logs. */
export interface IncrementalStats {
  /** Events walked by the last evaluate(). */
  walked: number;
  /** Whether it had to walk from the start (first time, a late event, a new configuration). */
  rewalked: boolean;
}

/**
 * One pool's events held in memory and walked incrementally: new events are appended, the walk
 * resumes where it stopped, and evaluate(asOf) equals simulatePool over the same events (tested
 * as a property). A late event (one at or before the instant already walked to), a new
 * configuration or an earlier asOf make it walk again from its start, over the arrays in memory.
 *
 * The source of events (a cache, the server's store) owns deduplication and order; it hands the
 * events from some instant on with replaceFrom().
 */
export class IncrementalPool {
  readonly events: EventColumns;
  private config: PoolWalkConfig;
  private readonly start: IncrementalStart;
  private walk: PoolWalk | null = null;
  private firstPeriod = Number.NaN;
  stats: IncrementalStats = { walked: 0, rewalked: false };

  /**
   * Resumed from a saved walk (resumed()): the events held start after the instant it walked to,
   * so it cannot walk again from its start; its owner loads the whole period instead.
   */
  readonly partial: boolean;

  constructor(config: PoolWalkConfig, start: IncrementalStart, events = new EventColumns(), partial = false) {
    this.config = config;
    this.start = start;
    this.events = events;
    this.partial = partial;
  }

  /**
   * A pool resumed from a walk saved by saveState() under the same configuration, over `events`
   * (walk-state.ts's columnsFor, then the events after the saved instant). It evaluates instants
   * of the saved period from that instant on; anything that needs walking again throws.
   */
  static resumed(config: PoolWalkConfig, state: WalkState, events: EventColumns): IncrementalPool {
    const from = { start: state.period.start, carry: [] };
    const pool = new IncrementalPool(config, { from }, events, true);
    pool.walk = PoolWalk.restore(config, from, state, events);
    pool.firstPeriod = state.period.start;
    return pool;
  }

  /** The walk's state after the last evaluate(), to resume it later; null when it cannot be. */
  saveState(): WalkState | null {
    return this.walk?.saveState() ?? null;
  }

  /** Whether evaluate(asOf) would resume the walk where it stopped (not walk again from its start). */
  resumes(asOf: Millis): boolean {
    const w = this.walk;
    return w !== null && w.walkedTo <= asOf && !w.jumped && asOf < w.period.end;
  }

  /**
   * Replaces every held event at or after `from` with what `append` pushes (the source's events
   * from that instant on, in time then id order). A replacement at or before the instant already
   * walked to means walking again at the next evaluate().
   */
  replaceFrom(from: Millis, append: (into: EventColumns) => void): void {
    if (this.walk && from <= this.walk.walkedTo) this.walk = null;
    this.events.truncate(this.events.indexFrom(from));
    const before = this.events.length;
    append(this.events);
    const events = this.events;
    for (let i = Math.max(1, before); i < events.length; i++)
      if (events.time(i) < events.time(i - 1)) throw new Error('events must be appended in time order');
    if (before < events.length && events.time(before) < from)
      throw new Error('events appended from an instant must not be earlier than it');
  }

  /**
   * A new configuration. Only new thresholds or budgets: the walk re-marks its current period over
   * the events it walked (PoolWalk.remark, no walk of the period again); anything else (grants,
   * readings, the pool's allowance or rules), or a walk that cannot re-mark: the next evaluate()
   * walks again.
   */
  configure(config: PoolWalkConfig): void {
    if (!this.walk?.remark(config)) this.walk = null;
    this.config = config;
  }

  /** Every period from the walk's start to the one holding asOf, as simulatePool returns them. */
  evaluate(asOf: Millis): PeriodResult[] {
    const { earliest } = this.start;
    const startAt = this.start.from
      ? this.start.from.start
      : firstWalkInstant(
          this.events,
          this.config.grants,
          this.config.readings ?? [],
          asOf,
          earliest === 'asOf' ? asOf : earliest,
        );
    const firstPeriod = periodAt(this.config.pool.reset, startAt).start;
    const rewalk =
      !this.walk || this.walk.walkedTo > asOf || this.walk.jumped || firstPeriod !== this.firstPeriod;
    if (rewalk && this.partial)
      throw new Error(
        'a resumed pool holds only the events after its saved walk: load the period to walk it again',
      );
    if (rewalk) {
      // Walking at least from asOf's period puts the quiet horizon past asOf: it never jumps.
      const anchor =
        earliest === undefined ? {} : { anchor: earliest === 'asOf' ? Number.POSITIVE_INFINITY : earliest };
      this.walk = new PoolWalk(
        this.config,
        this.start.from ? { ...this.start.from, ...anchor } : { start: startAt, carry: [], ...anchor },
      );
      this.firstPeriod = firstPeriod;
    }
    const walk = this.walk!;
    const before = walk.next;
    walk.advance(this.events, asOf);
    this.stats = { walked: walk.next - before, rewalked: rewalk };
    return walk.results(asOf);
  }
}
