import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart, lineChartAxis } from '../../../../src-renderer/components/charts/line-chart';

const thresholds = [
  { value: 500, label: '50%' },
  { value: 900, label: '90%' },
  { value: 1000, label: '100%' },
];

describe('the cumulative chart with a projection many times the pool', () => {
  // A Free pool of 1,000 at 800 used on day 10, projected to 13,802 by the reset (demand past the pool).
  const projection = { fromIndex: 9, fromValue: 800, toIndex: 29, value: 13_802, low: 11_000, high: 16_500 };

  it('keeps the axis near the pool (1.5 × 1,000 rounds up to 1,500) instead of 16,500', () => {
    const axis = lineChartAxis([100, 800], thresholds, projection);
    expect(axis.top).toBe(1_500);
    // The dashed line leaves the plot where 800 + t × (13,802 − 800) = 1,500: t = 700 / 13,002.
    expect(axis.clipFraction).toBeCloseTo(700 / 13_002, 6);
  });

  it('draws an arrow at the top with what the projection reaches by the reset', () => {
    render(
      <LineChart
        title="Side project: use so far"
        summary="800 of 1,000 used."
        labels={Array.from({ length: 30 }, (_, i) => `Day ${i + 1}`)}
        values={Array.from({ length: 30 }, (_, i) => (i <= 9 ? 80 * (i + 1) : null))}
        lines={thresholds}
        projection={projection}
      />,
    );
    const mark = screen.getByTestId('chart-clipped');
    expect(mark).toHaveAttribute('data-value', '13802');
    expect(mark).toHaveTextContent('13.8K by the reset');
    // Each threshold keeps its own line and label: none squashed into one at the bottom.
    expect(screen.getAllByTestId('chart-threshold')).toHaveLength(3);
  });

  it('does not clip a projection that fits', () => {
    const fits = { ...projection, value: 950, low: 900, high: 1_100 };
    expect(lineChartAxis([800], thresholds, fits).clipFraction).toBeNull();
  });
});
