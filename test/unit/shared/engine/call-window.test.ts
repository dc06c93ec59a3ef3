import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CallWindow } from '../../../../src-shared/engine/call-window';

// The burn window keeps each priced call of the last 7 days: its instant as a Uint32 offset from the
// oldest call's and its price as a Float32 while both fit, else as Float64s. Whatever it keeps them
// in, the window reports the same credits, and saves the instants and prices themselves.

const T0 = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('call window', () => {
  test('a call an hour for 3 days in whole credits takes 8 bytes a call and reports the last 7 days', () => {
    const w = new CallWindow();
    w.reserve(1_000);
    // Calls at T0 + h hours, h = 0..71, of 1 + (h mod 3) credits: 24 of each price, by hand
    // 24 x (1 + 2 + 3) = 144 credits, all inside the window seen at T0 + 71 h.
    for (let h = 0; h < 72; h++) w.push(T0 + h * HOUR, 1 + (h % 3));
    // Room for 1,000 calls: instant 4 bytes (Uint32 offset) + price 4 (Float32) = 8,000 bytes.
    expect(w.bytes).toBe(8_000);
    const r = w.at(T0 + 71 * HOUR, T0);
    expect(r.credits).toBe(144);
    // Day buckets count back from the asOf: hours 48-71 (day 0), 24-47 (day 1), 0-23 (day 2): 48 each.
    expect(r.buckets.slice(0, 4)).toEqual([48, 48, 48, 0]);
  });

  test('a price that is not a float keeps every price exactly, in 8 bytes (12 a call)', () => {
    const w = new CallWindow();
    w.push(T0, 2);
    w.push(T0 + HOUR, 0.1);
    w.push(T0 + 2 * HOUR, 0.2);
    // The first 256 calls' room: instant 4 bytes + price 8 (Float64).
    expect(w.bytes).toBe(256 * 12);
    // 2 + 0.1 + 0.2 in doubles, as the walk adds them.
    expect(w.at(T0 + 2 * HOUR, T0).credits).toBe(2 + 0.1 + 0.2);
    expect(Array.from(w.saved().windowP)).toEqual([2, 0.1, 0.2]);
  });

  test('a year of a call every 2 days keeps Uint32 offsets from the oldest call still in the window', () => {
    const w = new CallWindow();
    // 183 calls of 1 credit, one every 2 days from T0: 366 days, far past the ~49.7 days an offset
    // from the first call would hold. Seen at the last call, the window (asOf - 7 d, asOf] holds the
    // calls at asOf, -2 d, -4 d and -6 d: 4 credits.
    for (let i = 0; i < 183; i++) w.push(T0 + i * 2 * DAY, 1);
    const last = T0 + 182 * 2 * DAY;
    expect(w.at(last, T0).credits).toBe(4);
    expect(w.bytes).toBe(256 * 8);
    expect(Array.from(w.saved().windowT).slice(-4)).toEqual([
      last - 6 * DAY,
      last - 4 * DAY,
      last - 2 * DAY,
      last,
    ]);
  });

  test('an instant with a fraction of a millisecond is kept as the instant itself', () => {
    const w = new CallWindow();
    w.push(T0, 5);
    w.push(T0 + 0.5, 7);
    expect(w.bytes).toBe(256 * (8 + 4));
    expect(Array.from(w.saved().windowT)).toEqual([T0, T0 + 0.5]);
    expect(w.at(T0 + 1, T0).credits).toBe(12);
  });

  test('saved and restored, the window reports what it did and saves the same instants and prices', () => {
    const w = new CallWindow();
    for (let h = 0; h < 300; h++) w.push(T0 + h * HOUR, h % 2 === 0 ? 4 : 20);
    const saved = w.saved();
    // 300 hours from T0: the window at the last call holds hours 132-299 (168 calls), 84 of 4 credits
    // and 84 of 20: 2,016 credits.
    const asOf = T0 + 299 * HOUR;
    expect(w.at(asOf, T0).credits).toBe(2_016);
    const back = CallWindow.restored(saved.windowT, saved.windowP);
    expect(back.at(asOf, T0)).toEqual(w.at(asOf, T0));
    expect(back.saved()).toEqual(saved);
  });

  test('the window at any instant equals adding its calls one by one, on days and at the period start', () => {
    // Calls on whole hours and minutes over 12 days (many on one instant, some exactly 7 days
    // before the asOf), prices whole or not; the window seen at an instant among them or between.
    const callArb = fc.record({
      at: fc.tuple(fc.integer({ min: 0, max: 12 * 24 }), fc.constantFrom(0, 0, 1, 30)),
      price: fc.constantFrom(1, 2, 0.1, 0.7, 2.25, 5),
    });
    fc.assert(
      fc.property(
        fc.array(callArb, { maxLength: 80 }),
        fc.integer({ min: 0, max: 12 * 24 * 60 }),
        fc.integer({ min: 0, max: 6 * 24 }),
        (calls, atMinute, startHour) => {
          const sorted = calls
            .map((c) => ({ t: T0 + c.at[0] * HOUR + c.at[1] * 60_000, price: c.price }))
            .sort((a, b) => a.t - b.t);
          const w = new CallWindow();
          for (const c of sorted) w.push(c.t, c.price);
          const at = T0 + atMinute * 60_000;
          const periodStart = T0 + startHour * HOUR;
          // By hand: what a pass over the calls adds, call by call, with the window's own rules.
          const windowStart = Math.max(at - 7 * DAY, periodStart);
          const buckets = Array<number>(7).fill(0);
          let credits = 0;
          for (const c of sorted) {
            if (c.t > at || !(c.t > windowStart || (windowStart === periodStart && c.t === windowStart)))
              continue;
            buckets[Math.min(6, Math.floor((at - c.t) / DAY))]! += c.price;
            credits += c.price;
          }
          expect(w.at(at, periodStart)).toEqual({ start: windowStart, end: at, credits, buckets });
        },
      ),
      { numRuns: 500 },
    );
  });
});
