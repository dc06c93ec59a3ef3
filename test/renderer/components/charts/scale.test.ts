import { describe, expect, it } from 'vitest';
import { labelGroups } from '../../../../src-renderer/components/charts/axes';
import { labelIndexes, niceAxis, niceCeil, yScale } from '../../../../src-renderer/components/charts/scale';

describe('chart scales', () => {
  it.each([
    [0, 1],
    [0.7, 1],
    [1, 1],
    [1.3, 2],
    [2.2, 2.5],
    [3, 5],
    [520, 1000],
    [50_000, 50_000],
    [52_700, 100_000],
  ])('niceCeil(%d) = %d', (x, nice) => {
    expect(niceCeil(x)).toBe(nice);
  });

  it('builds round axes from a maximum', () => {
    expect(niceAxis(2_100)).toEqual({ top: 3_000, ticks: [0, 1_000, 2_000, 3_000] });
    expect(niceAxis(57_900)).toEqual({ top: 60_000, ticks: [0, 20_000, 40_000, 60_000] });
    expect(niceAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('maps values onto the plot upside down', () => {
    const y = yScale(100, 10, 110);
    expect(y(0)).toBe(110);
    expect(y(100)).toBe(10);
    expect(y(-5)).toBe(110);
  });

  it('prints at most the room of x labels, first and last always', () => {
    expect(labelIndexes(5, 7)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(30, 7)).toEqual([0, 5, 10, 15, 20, 25, 29]);
    expect(labelIndexes(31, 7)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(labelIndexes(0, 7)).toEqual([]);
  });

  it('gives lines too close to read apart one shared label', () => {
    expect(labelGroups([120, 60, 50, 40, 20])).toEqual([[0], [1, 2], [3], [4]]);
    expect(labelGroups([])).toEqual([]);
  });
});
