import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TUNING,
  SyncScheduler,
  planNextSync,
  type SyncPolicy,
  type SyncReason,
} from '../../../../src-main/app/scheduler';
import { FakeClock } from '../helpers/fake-clock';

const MIN = 60_000;
const T0 = Date.parse('2026-11-20T12:00:00Z');
const calm: SyncPolicy = { intervalMs: 5 * MIN, hot: false, nextResetAt: null };

describe('planNextSync', () => {
  it.each([
    ['the settings interval after a success', calm, 0, { at: T0 + 5 * MIN, reason: 'interval' }],
    [
      'every minute while a pool is at 90 % or more',
      { ...calm, hot: true },
      0,
      { at: T0 + MIN, reason: 'fast' },
    ],
    [
      'never slower than the settings interval when hot',
      { ...calm, intervalMs: 30_000, hot: true },
      0,
      { at: T0 + 30_000, reason: 'fast' },
    ],
    ['30 s after a first error', calm, 1, { at: T0 + 30_000, reason: 'backoff' }],
    ['doubling with each error', calm, 4, { at: T0 + 4 * MIN, reason: 'backoff' }],
    ['capped at 30 min', calm, 12, { at: T0 + 30 * MIN, reason: 'backoff' }],
    [
      'capped at the interval when that is longer',
      { ...calm, intervalMs: 60 * MIN },
      12,
      { at: T0 + 60 * MIN, reason: 'backoff' },
    ],
    [
      '5 s after a reset that comes before the next interval',
      { ...calm, nextResetAt: T0 + 2 * MIN },
      0,
      { at: T0 + 2 * MIN + 5_000, reason: 'reset' },
    ],
    [
      'the interval when the reset is further away',
      { ...calm, nextResetAt: T0 + 60 * MIN },
      0,
      { at: T0 + 5 * MIN, reason: 'interval' },
    ],
    [
      'a reset already past is ignored',
      { ...calm, nextResetAt: T0 - MIN },
      0,
      { at: T0 + 5 * MIN, reason: 'interval' },
    ],
  ])('%s', (_name, policy, failures, expected) => {
    expect(planNextSync(policy, failures, T0, T0, 0.5)).toEqual(expected);
  });

  it('jitters the backoff by at most ±10 %', () => {
    expect(planNextSync(calm, 3, T0, T0, 0).at - T0).toBe(108_000);
    expect(planNextSync(calm, 3, T0, T0, 0.999999).at - T0).toBe(132_000);
  });

  it('counts from the end of the last attempt, never before now', () => {
    expect(planNextSync(calm, 0, T0 - 2 * MIN, T0, 0.5).at).toBe(T0 + 3 * MIN);
    expect(planNextSync(calm, 0, T0 - 20 * MIN, T0, 0.5).at).toBe(T0);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_TUNING).toMatchObject({
      fastIntervalMs: MIN,
      backoffBaseMs: 30_000,
      backoffMaxMs: 30 * MIN,
    });
  });
});

/** A scheduler over a fake clock whose syncs finish when the test says so. */
function harness(policy: SyncPolicy = calm) {
  const clock = new FakeClock(T0);
  const runs: { reason: SyncReason; at: number; finish: (ok: boolean) => void }[] = [];
  let current = policy;
  const scheduler = new SyncScheduler({
    clock,
    random: () => 0.5,
    policy: () => current,
    runSync: (reason) =>
      new Promise<void>((resolve, reject) => {
        runs.push({
          reason,
          at: clock.now(),
          finish: (ok) => (ok ? resolve() : reject(new Error('HTTP 503'))),
        });
      }),
  });
  const finish = async (ok = true) => {
    runs.at(-1)!.finish(ok);
    await scheduler.whenIdle();
  };
  return { clock, runs, scheduler, finish, setPolicy: (p: SyncPolicy) => (current = p) };
}

describe('SyncScheduler', () => {
  it('syncs at start, then every interval', async () => {
    const { clock, runs, scheduler, finish } = harness();
    scheduler.start();
    expect(runs.map((r) => r.reason)).toEqual(['start']);
    await finish();
    expect(scheduler.state).toMatchObject({ running: false, nextAt: T0 + 5 * MIN, nextReason: 'interval' });
    clock.advance(5 * MIN - 1);
    expect(runs).toHaveLength(1);
    clock.advance(1);
    expect(runs.map((r) => [r.reason, r.at - T0])).toEqual([
      ['start', 0],
      ['interval', 5 * MIN],
    ]);
  });

  it('never runs two at once: requests while one runs are refused, and no timer is pending meanwhile', async () => {
    const { clock, runs, scheduler, finish } = harness();
    scheduler.start();
    expect(scheduler.requestSync('manual')).toBe(false);
    expect(scheduler.onResume()).toBe(false);
    expect(clock.pending).toBe(0);
    clock.advance(60 * MIN);
    expect(runs).toHaveLength(1);
    await finish();
    expect(scheduler.requestSync('manual')).toBe(true);
    expect(runs.map((r) => r.reason)).toEqual(['start', 'manual']);
  });

  it('backs off exponentially on errors and returns to the interval after a success', async () => {
    const { clock, runs, scheduler, finish } = harness();
    scheduler.start();
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      await finish(false);
      gaps.push(clock.nextTimerIn()!);
      clock.advance(clock.nextTimerIn()!);
    }
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(scheduler.state.failures).toBe(4);
    await finish(true);
    expect(scheduler.state).toMatchObject({ failures: 0, nextReason: 'interval' });
    expect(clock.nextTimerIn()).toBe(5 * MIN);
    expect(runs.map((r) => r.reason)).toEqual(['start', 'backoff', 'backoff', 'backoff', 'backoff']);
  });

  it('speeds up when a pool turns hot, as soon as it is told', async () => {
    const { clock, scheduler, finish, setPolicy } = harness();
    scheduler.start();
    await finish();
    expect(clock.nextTimerIn()).toBe(5 * MIN);
    clock.advance(20_000);
    setPolicy({ ...calm, hot: true });
    scheduler.reschedule();
    expect(clock.nextTimerIn()).toBe(40_000);
    expect(scheduler.state.nextReason).toBe('fast');
  });

  it('syncs just after a known reset instant', async () => {
    const { clock, runs, scheduler, finish } = harness({ ...calm, nextResetAt: T0 + 90_000 });
    scheduler.start();
    await finish();
    clock.advance(95_000);
    expect(runs.map((r) => [r.reason, r.at - T0])).toEqual([
      ['start', 0],
      ['reset', 95_000],
    ]);
  });

  it('syncs on resume from sleep and replans from there', async () => {
    const { clock, runs, scheduler, finish } = harness();
    scheduler.start();
    await finish();
    clock.advance(2 * MIN);
    expect(scheduler.onResume()).toBe(true);
    expect(clock.pending).toBe(0);
    await finish();
    expect(runs.map((r) => r.reason)).toEqual(['start', 'resume']);
    expect(clock.nextTimerIn()).toBe(5 * MIN);
  });

  it('stops: no timer left, requests refused', async () => {
    const { clock, scheduler, finish } = harness();
    scheduler.start();
    await finish();
    scheduler.stop();
    expect(clock.pending).toBe(0);
    expect(scheduler.requestSync()).toBe(false);
    expect(scheduler.state.nextAt).toBeNull();
  });
});
