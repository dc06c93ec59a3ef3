import { describe, expect, test } from 'vitest';
import { EventColumns, NO_APP, NO_HASH } from '../../../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../../../src-shared/engine/incremental-pool';
import { calendarMonthPool } from '../helpers/pool-walk-config';

// The columns hold dictionary codes in the narrowest array that fits (one byte while a dictionary
// has at most 128 values, two up to 32,768, then four; prices are coded as strings are) and grow by an eighth once large. Every
// event must read back as it was pushed across each widening, growth, cut and append.

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MINUTE = 60_000;

/** Event i: one of 300 members, one of 3 actions, an app on two events in three, a fingerprint of its own on even ones up to 40,000. */
const eventAt = (i: number) => ({
  t: T0 + i * MINUTE,
  credits: (i % 7) + 0.5,
  unknown: i % 11 === 0,
  member: `m${i % 300}`,
  action: ['email', 'document', 'db'][i % 3]!,
  app: i % 3 === 2 ? undefined : `app${i % 5}`,
  hash: i % 2 === 0 && i < 80_000 ? `h${i / 2}` : undefined,
});

function push(into: EventColumns, i: number): void {
  const e = eventAt(i);
  into.push(e.t, e.credits, e.unknown, e.member, e.action, e.app, e.hash);
}

/** The first event (of `count`) that does not read back as pushed, or null: one expect per test, not per event. */
function firstWrong(columns: EventColumns, count: number): object | null {
  for (let i = 0; i < count; i++) {
    const e = eventAt(i);
    const got = {
      t: columns.time(i),
      credits: columns.priceOf(i),
      unknown: columns.unknown[i] === 1,
      member: columns.members.values[columns.member[i]!],
      action: columns.actions.values[columns.action[i]!],
      app: columns.apps.values[columns.app[i]!],
      hash: columns.inputHash[i] === NO_HASH ? undefined : columns.hashes.values[columns.inputHash[i]!],
    };
    const want = { ...e, app: e.app ?? NO_APP };
    if (Object.entries(want).some(([k, v]) => got[k as keyof typeof got] !== v)) return { i, got, want };
  }
  return null;
}

describe('event columns', () => {
  test('every event reads back as pushed while codes widen and the arrays grow from 16 to 100,000', () => {
    const columns = new EventColumns(16);
    for (let i = 0; i < 100_000; i++) push(columns, i);
    expect(columns.length).toBe(100_000);
    expect(firstWrong(columns, 100_000)).toBeNull();
    // 7 prices, 3 actions and 6 apps (five and "no app") fit a byte; 300 members two bytes; 40,000
    // fingerprints four.
    expect(columns.price.BYTES_PER_ELEMENT).toBe(1);
    expect(columns.prices.values).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
    expect(columns.action.BYTES_PER_ELEMENT).toBe(1);
    expect(columns.app.BYTES_PER_ELEMENT).toBe(1);
    expect(columns.member.BYTES_PER_ELEMENT).toBe(2);
    expect(columns.inputHash.BYTES_PER_ELEMENT).toBe(4);
    expect(columns.hashes.size).toBe(40_000);
    // Room to grow is an eighth once past 65,536 events, not a doubling.
    expect(columns.capacity).toBeGreaterThanOrEqual(100_000);
    expect(columns.capacity).toBeLessThanOrEqual(Math.ceil(100_000 * 1.125));
  });

  test('cut back and appended again after widening, the events still read back right', () => {
    const columns = new EventColumns(16);
    for (let i = 0; i < 50_000; i++) push(columns, i);
    columns.truncate(columns.indexFrom(eventAt(20_000).t));
    expect(columns.length).toBe(20_000);
    for (let i = 20_000; i < 70_000; i++) push(columns, i);
    expect(columns.length).toBe(70_000);
    expect(firstWrong(columns, 70_000)).toBeNull();
  });

  test('instants take four bytes while the events span under ~49 days, and read back exactly past that', () => {
    // 100,000 events a minute apart span 69 days: the first 71,583 (49.7 days of minutes) fit
    // whole-millisecond offsets in a Uint32; the next one moves every instant to a Float64.
    const columns = new EventColumns(16);
    for (let i = 0; i < 71_583; i++) push(columns, i);
    expect(columns.times).toBeInstanceOf(Uint32Array);
    expect(firstWrong(columns, 71_583)).toBeNull();
    push(columns, 71_583);
    expect(columns.times).toBeInstanceOf(Float64Array);
    for (let i = 71_584; i < 100_000; i++) push(columns, i);
    expect(firstWrong(columns, 100_000)).toBeNull();
    // An instant before the first (cut back to nothing, then an earlier period), or a fractional
    // one, cannot be an offset: each reads back as pushed.
    const earlier = new EventColumns(16);
    earlier.push(T0, 1, false, 'm1', 'email', undefined, undefined);
    earlier.truncate(0);
    earlier.push(T0 - MINUTE, 1, false, 'm1', 'email', undefined, undefined);
    earlier.push(T0, 1, false, 'm1', 'email', undefined, undefined);
    expect(earlier.times).toBeInstanceOf(Uint32Array);
    earlier.truncate(1);
    earlier.push(T0 - 2 * MINUTE, 1, false, 'm1', 'email', undefined, undefined);
    earlier.push(T0 + 0.5, 1, false, 'm1', 'email', undefined, undefined);
    expect([earlier.time(0), earlier.time(1), earlier.time(2)]).toEqual([
      T0 - MINUTE,
      T0 - 2 * MINUTE,
      T0 + 0.5,
    ]);
  });

  test('room for a million events takes 12 bytes an event, 4 of them the instant, 1 the price', () => {
    const columns = new EventColumns(1_000_000);
    for (let i = 0; i < 60_000; i++) push(columns, i);
    expect(columns.times).toBeInstanceOf(Uint32Array);
    // Worked out per event: instant 4 (Uint32 offset) + price code 1 (7 prices) + unknown flag 1 +
    // member 2 (300 members) + action 1 + app 1 + fingerprint 2 (30,000 so far): 12 bytes (19 when
    // the price itself took 8); 16 with a Float64 instant.
    expect(columns.bytes).toBe(12 * 1_000_000);
  });

  test('200 prices widen the price codes to two bytes; each reads back exactly and a walk sums them', () => {
    // A calendar-month pool of 100,000 credits; call i (0-199) at minute i costs i + 1 + 0.1 credits
    // (200 prices, as many as rate-card bands could give): by hand 200 x 201 / 2 + 200 x 0.1 = 20,120
    // credits used, none blocked.
    const columns = new EventColumns(16);
    for (let i = 0; i < 200; i++)
      columns.push(T0 + i * MINUTE, i + 1.1, false, 'm', 'email', 'crm', undefined);
    expect(columns.price.BYTES_PER_ELEMENT).toBe(2);
    expect(columns.prices.size).toBe(200);
    expect([0, 127, 128, 199].map((i) => columns.priceOf(i))).toEqual([1.1, 128.1, 129.1, 200.1]);
    const [r] = new IncrementalPool(
      calendarMonthPool(100_000),
      { from: { start: T0, carry: [] } },
      columns,
    ).evaluate(T0 + 300 * MINUTE);
    expect(r!.used).toBeCloseTo(20_120, 6);
    expect(r!.calls).toBe(200);
  });

  test('a walk over two-byte member codes counts each of 300 members apart', () => {
    // A calendar-month pool of 10,000 credits; 900 calls of 2 credits, one every minute from March
    // 1st, member m(i mod 300): each member makes 3 calls, 6 credits, 1,800 credits in all.
    const columns = new EventColumns(16);
    for (let i = 0; i < 900; i++)
      columns.push(T0 + i * MINUTE, 2, false, `m${i % 300}`, 'email', 'crm', undefined);
    expect(columns.member.BYTES_PER_ELEMENT).toBe(2);
    const inc = new IncrementalPool(calendarMonthPool(10_000), { from: { start: T0, carry: [] } }, columns);
    const [r] = inc.evaluate(T0 + 1_000 * MINUTE);
    expect(r!.used).toBe(1_800);
    expect(r!.byMember.size).toBe(300);
    for (const k of [0, 127, 128, 299]) expect(r!.byMember.get(`m${k}`)).toBe(6);
  });
});
