import { describe, expect, it } from 'vitest';
import { labelGroups } from '../../../../src-renderer/components/charts/axes';
import {
  labelIndexes,
  niceAxis,
  niceCeil,
  placeXLabels,
  xLabelPlacement,
  yScale,
  besideLabelPlacement,
} from '../../../../src-renderer/components/charts/scale';

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

  it('drops the label before the last when the two would print over each other', () => {
    const days = Array.from({ length: 31 }, (_, i) => `Dec ${i + 1}`);
    // The window's chart: 570 px wide, a 520 px plot from x = 40, room for 10 labels, so days
    // 1, 5, ..., 29 and 31. Days 29 and 31 are 2 × 520 / 30 = 34.7 px apart, less than one ~39 px
    // label: "Dec 29" goes, "Dec 25" stays (104 px before the last).
    const wide = (i: number) => 40 + (i * 520) / 30;
    expect(placeXLabels(days, 10, wide, 570).map((l) => days[l.index])).toEqual([
      'Dec 1',
      'Dec 5',
      'Dec 9',
      'Dec 13',
      'Dec 17',
      'Dec 21',
      'Dec 25',
      'Dec 31',
    ]);
    // The popover's chart: a 270 px plot, room for 5, days 1, 9, 17, 25 and 30 of 30: 25 and 30
    // are 5 × 270 / 29 = 46.6 px apart, room enough for two ~39 px labels: all five print.
    const narrow = (i: number) => 40 + (i * 270) / 29;
    expect(placeXLabels(days.slice(0, 30), 5, narrow, 330).map((l) => l.index)).toEqual([0, 8, 16, 24, 29]);
  });

  it('keeps an x label inside the chart at its edges', () => {
    // "Dec 31" is ~39 px wide: centred at 335 of a 340 px chart it would end at 354 and be cut.
    expect(xLabelPlacement(335, 'Dec 31', 340)).toEqual({ x: 339, anchor: 'end' });
    expect(xLabelPlacement(10, 'Dec 1', 340)).toEqual({ x: 1, anchor: 'start' });
    expect(xLabelPlacement(170, 'Dec 15', 340)).toEqual({ x: 170, anchor: 'middle' });
  });

  it('gives lines too close to read apart one shared label', () => {
    expect(labelGroups([120, 60, 50, 40, 20])).toEqual([[0], [1, 2], [3], [4]]);
    expect(labelGroups([])).toEqual([]);
  });
});

describe('besideLabelPlacement', () => {
  // "300,289 by the reset" is 20 characters, ~130 px at 6.5 px each.
  const text = '300,289 by the reset';
  it('puts a label after its point where it fits in the chart', () => {
    expect(besideLabelPlacement(60, text, 300)).toEqual({ x: 66, anchor: 'start' });
  });
  it('puts it before its point where it would run past the right edge (a 300 px popover chart)', () => {
    // 184 + 6 + 130 = 320 > 299: before the point, ending at 178, starting at 48.
    expect(besideLabelPlacement(184, text, 300)).toEqual({ x: 178, anchor: 'end' });
  });
});
