import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-server/http/api-error';
import { decodeCursor, encodeCursor } from '../../../src-server/http/cursor';
import { FaultInjector } from '../../../src-server/http/faults';
import { parseRateLimit, RateLimiter } from '../../../src-server/http/rate-limiter';

describe('RateLimiter (token bucket per key)', () => {
  it.each([
    // max, windowMs, requests at t=0, then the wait reported
    [3, 60_000, 3, 20],
    [1, 1000, 1, 1],
    [10, 1000, 10, 1],
    [2, 3_600_000, 2, 1800],
  ])('max %i per %i ms: after %i requests the next waits %i s', (max, windowMs, burst, wait) => {
    const limiter = new RateLimiter({ max, windowMs, now: () => 0 });
    for (let i = 0; i < burst; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(wait);
    expect(limiter.take('b')).toBe(0);
  });

  it('refills continuously and never beyond max', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 2, windowMs: 10_000, now: () => now });
    limiter.take('a');
    limiter.take('a');
    now = 5_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(5);
    now = 1_000_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 5]);
  });

  it.each([
    ['100/60s', { max: 100, windowMs: 60_000 }],
    ['5/1', { max: 5, windowMs: 1000 }],
    ['1000/10m', { max: 1000, windowMs: 600_000 }],
    ['2/500ms', { max: 2, windowMs: 500 }],
    ['10/1h', { max: 10, windowMs: 3_600_000 }],
  ])('parses %s', (text, expected) => expect(parseRateLimit(text)).toEqual(expected));

  it.each(['100', 'fast', '/60s', '10/60d'])('refuses %s', (text) =>
    expect(() => parseRateLimit(text)).toThrow(/N\/DURATION/),
  );
});

describe('cursors', () => {
  const here = { databaseId: 'abc123', workspacePk: 4 };

  it('round-trips and looks opaque', () => {
    const cursor = encodeCursor({ ...here, seq: 98765 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, here)).toBe(98765);
  });

  it.each([
    '',
    'abc',
    encodeCursor({ ...here, seq: 1 }).slice(0, -3),
    Buffer.from('c1.abc123.4.x').toString('base64url'),
  ])('refuses a garbled cursor %j as a bad parameter', (cursor) => {
    const err = (() => {
      try {
        decodeCursor(cursor, here);
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect([err!.status, err!.code]).toEqual([400, 'invalid_parameter']);
  });

  it('says cursor_expired for another workspace or database', () => {
    for (const other of [
      { ...here, workspacePk: 5 },
      { ...here, databaseId: 'zzz999' },
    ]) {
      expect(() => decodeCursor(encodeCursor({ ...other, seq: 3 }), here)).toThrow(
        expect.objectContaining({ code: 'cursor_expired', status: 400 }),
      );
    }
  });
});

describe('FaultInjector', () => {
  it('is off by default and draws each kind in proportion, reproducibly', () => {
    expect(new FaultInjector().decide()).toBe('none');
    const draw = () => {
      const f = new FaultInjector({ error500: 0.2, slow: 0.1, cut: 0.3, seed: 3 });
      return Array.from({ length: 5000 }, () => f.decide());
    };
    const kinds = draw();
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('error')).toBeCloseTo(0.2, 1);
    expect(share('slow')).toBeCloseTo(0.1, 1);
    expect(share('cut')).toBeCloseTo(0.3, 1);
    expect(draw()).toEqual(kinds);
  });
});
