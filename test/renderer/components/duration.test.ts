import { describe, expect, it } from 'vitest';
import { durationParts } from '../../../src-shared/display/duration';
import { tickInterval } from '../../../src-renderer/components/duration';
import { formatDuration } from '../../../src-renderer/components/format';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [9 * D + 4 * H + 59 * M, '9d 4h'],
    [1 * D, '1d'],
    [4 * H + 12 * M + 30 * S, '4h 12m'],
    [3 * M + 5 * S, '3m 5s'],
    [42 * S, '42s'],
    [999, '0s'],
    [-5 * S, '0s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('keeps the two largest units only', () => {
    expect(durationParts(2 * D + 3 * H + 4 * M + 5 * S)).toEqual([
      { value: 2, unit: 'day' },
      { value: 3, unit: 'hour' },
    ]);
  });

  it('ticks every second under a day, every minute above', () => {
    expect(tickInterval(23 * H)).toBe(1000);
    expect(tickInterval(2 * D)).toBe(60_000);
  });
});
