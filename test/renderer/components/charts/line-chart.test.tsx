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
    expect(mark).toHaveTextContent('13,802 by the reset');
    // Each threshold keeps its own line and label: none squashed into one at the bottom.
    expect(screen.getAllByTestId('chart-threshold')).toHaveLength(3);
  });

  it('does not clip a projection that fits', () => {
    const fits = { ...projection, value: 950, low: 900, high: 1_100 };
    expect(lineChartAxis([800], thresholds, fits).clipFraction).toBeNull();
  });
});

describe('a small pool projected past its size', () => {
  // Base44 Builder's 250 message credits, 120 used by day 10 of 30, projected to 414.1 by the reset
  // (low 380, high 450), running dry on day 17. The axis: 1.5 × 250 = 375 rounds up to 400, so
  // 414.1 is past the top: clipped, and labelled in whole credits like every other figure.
  const lines = [
    { value: 125, label: '50%' },
    { value: 225, label: '90%' },
    { value: 250, label: '100%' },
  ];
  const projection = {
    fromIndex: 9,
    fromValue: 120,
    toIndex: 29,
    value: 414.1,
    low: 380,
    high: 450,
    crossing: { value: 250, label: 'runs dry Dec 17' },
  };
  const chart = () =>
    render(
      <LineChart
        title="Studio messages: use so far"
        summary="120 of 250 used."
        labels={Array.from({ length: 30 }, (_, i) => `Day ${i + 1}`)}
        values={Array.from({ length: 30 }, (_, i) => (i <= 9 ? 12 * (i + 1) : null))}
        lines={lines}
        projection={projection}
      />,
    );

  it('labels what it reaches by the reset in whole credits: 414, not 414.1', () => {
    chart();
    expect(lineChartAxis([120], lines, projection).top).toBe(400);
    expect(screen.getByTestId('chart-clipped')).toHaveTextContent('414 by the reset');
    expect(screen.getByTestId('chart-clipped')).not.toHaveTextContent('414.1');
  });

  it('marks where it crosses the pool’s 250 credits, inside the plot, with the day it runs dry', () => {
    chart();
    const mark = screen.getByTestId('chart-crossing');
    expect(mark).toHaveTextContent('runs dry Dec 17');
    // The default frame (360 wide, 180 high; plot 40-340 across, 12-156 down), axis 0-400.
    // y: 156 − 250/400 × 144 = 66. x: the line rises 294.1 from 120 over days 10-30 (x 133.1 to
    // 340); 250 is (250 − 120)/294.1 of the way: 133.1 + 0.44203 × 206.9 ≈ 224.6.
    expect(Number(mark.dataset['y'])).toBeCloseTo(66, 6);
    expect(Number(mark.dataset['x'])).toBeCloseTo(40 + (300 / 29) * 9 + (130 / 294.1) * ((300 / 29) * 20), 3);
  });

  it('keeps the pool’s size on the axis even when no threshold line is at 100 %', () => {
    // Only a 50 % threshold (125): 1.5 × 125 would make an axis of 200, under the pool's 250 and
    // the crossing; with the pool's size known the axis reaches 1.5 × 250 = 375 → 400.
    expect(lineChartAxis([120], lines.slice(0, 1), projection).top).toBe(400);
  });
});
