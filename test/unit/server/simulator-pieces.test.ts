import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src-shared/time/instant';
import { calibrateCurrentPeriod } from '../../../src-server/simulator/calibration';
import { createRandom, hashSeed } from '../../../src-server/simulator/prng';
import { habitWeight } from '../../../src-server/simulator/rhythm';

describe('seeded random', () => {
  it('repeats for a seed, differs across seeds and forks, stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(createRandom(43).next()).not.toBe(xs[0]);
    expect(createRandom(42).fork('x').next()).not.toBe(createRandom(42).fork('y').next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = createRandom('ints');
    const ints = Array.from({ length: 1000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(hashSeed('abc')).toBe(hashSeed('abc'));
  });

  it('picks in proportion to weights, never a zero weight', () => {
    const r = createRandom(1);
    const picks = Array.from({ length: 4000 }, () => r.pick(['a', 'b', 'c'], [3, 1, 0]));
    expect(picks.filter((p) => p === 'a').length / 4000).toBeCloseTo(0.75, 1);
    expect(picks).not.toContain('c');
  });
});

describe('habits', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['office', '2026-11-18T10:30:00Z', 1], // Wednesday, office hours
    ['office', '2026-11-21T10:30:00Z', 0.03], // Saturday
    ['night-owl', '2026-11-18T22:00:00Z', 0.9],
    ['weekend', '2026-11-22T12:00:00Z', 1], // Sunday
    ['automation', '2026-11-18T03:00:00Z', 1.1],
  ] as const)('%s at %s weighs %d', (habit, iso, weight) =>
    expect(habitWeight(habit, at(iso), 0)).toBeCloseTo(weight),
  );

  it('applies the team’s time zone', () => {
    // 08:30 UTC is 09:30 in UTC+1: office hours there, not in UTC.
    expect(habitWeight('office', at('2026-11-18T08:30:00Z'), 1)).toBe(1);
    expect(habitWeight('office', at('2026-11-18T08:30:00Z'), 0)).toBe(0.5);
  });
});

describe('calibrateCurrentPeriod', () => {
  const start = Date.parse('2026-11-01T00:00:00Z');
  const end = Date.parse('2026-12-01T00:00:00Z');
  const period = (days: number) => ({
    start,
    end,
    now: start + days * DAY_MS,
    available: 10_000,
    pace: 0.96,
    liveCrossingCredits: 25,
  });
  const total = (parts: { credits: number }[]) => parts.reduce((s, p) => s + p.credits, 0);

  it.each([0.25, 1, 7, 15, 27.5, 29.5, 29.95])(
    'pace-90 at day %d: under 90 %%, and the burn window carries it to 96 %%',
    (days) => {
      const p = period(days);
      const { parts, liveRatePerMs } = calibrateCurrentPeriod('pace-90', p);
      const used = total(parts);
      expect(used / p.available).toBeLessThan(0.9);
      const windowPart = parts[parts.length - 1]!;
      const windowDays = (windowPart.end - windowPart.start) / DAY_MS;
      expect(windowDays).toBeCloseTo(Math.min(7, days));
      const projected = used + (windowPart.credits / windowDays) * ((end - p.now) / DAY_MS);
      expect(projected / p.available).toBeGreaterThanOrEqual(0.9);
      expect(liveRatePerMs).toBeCloseTo(windowPart.credits / (windowDays * DAY_MS));
      expect(parts.every((x) => x.credits >= -1e-9)).toBe(true);
    },
  );

  it('near-half stops short of 50 % by the live credits it is given; runs-dry asks for more than the pool holds', () => {
    expect(total(calibrateCurrentPeriod('near-half', period(12)).parts)).toBe(5000 - 25);
    expect(total(calibrateCurrentPeriod('runs-dry', period(12)).parts)).toBeGreaterThan(10_000);
    expect(total(calibrateCurrentPeriod('steady', { ...period(15), pace: 0.5 }).parts)).toBeCloseTo(2500);
  });
});
