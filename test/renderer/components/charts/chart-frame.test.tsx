import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart } from '../../../../src-renderer/components/charts/bar-chart';
import { chartFrame, chartPlot, labelRoom } from '../../../../src-renderer/components/charts/chart-frame';

afterEach(() => vi.unstubAllGlobals());

describe('chart geometry', () => {
  it('draws at the width the chart has on screen, so 11 px labels stay 11 px', () => {
    let notify: () => void = () => undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    let width = 330; // the popover: 380 minus the screen's and the card's padding
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
      () => ({ width, height: 0, x: 0, y: 0, top: 0, left: 0, right: width, bottom: 0 }) as DOMRect,
    );
    const labels = Array.from({ length: 30 }, (_, i) => `Nov ${i + 1}`);
    render(
      <BarChart
        title="Daily use"
        summary="30 days"
        labels={labels}
        series={[{ name: 'Used', values: labels.map(() => 10) }]}
      />,
    );
    const svg = screen.getByRole('img', { name: /Daily use/ });
    expect(svg).toHaveAttribute('viewBox', '0 0 330 180');
    // 330 - 40 - 20 = 270 px of plot: five 50-px labels (the first and the last among them).
    expect(svg.querySelectorAll('text.chart-x-label')).toHaveLength(5);

    width = 700; // the window grows: more room, more labels, same 11 px
    act(() => notify());
    expect(svg).toHaveAttribute('viewBox', '0 0 700 180');
    expect(svg.querySelectorAll('text.chart-x-label').length).toBeGreaterThan(5);
  });

  it('gives each label ~50 px and never fewer than two', () => {
    expect(labelRoom(chartPlot(chartFrame(330)))).toBe(5);
    expect(labelRoom(chartPlot(chartFrame(100)))).toBe(2);
  });
});
