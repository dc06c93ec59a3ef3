import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The geometry of the SVG charts. The viewBox is as wide as the chart is on screen (one unit, one
 * CSS pixel), so the 11 px labels stay 11 px in the 380 px popover and do not grow in a wide window;
 * a fixed viewBox scaled them down to ~8 px in the popover.
 */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot area inside a frame, in the same units. */
export interface ChartPlot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}

/** The width charts are drawn at before they are measured (and in tests, where nothing is laid out). */
export const DEFAULT_CHART_WIDTH = 360;
const HEIGHT = 180;

export function chartFrame(width: number = DEFAULT_CHART_WIDTH): ChartFrame {
  // 20 px on the right: half of a centred 11 px "Dec 31" under the last day stays inside the chart.
  return { width, height: HEIGHT, left: 40, right: 20, top: 12, bottom: 24 };
}

export function chartPlot(frame: ChartFrame): ChartPlot {
  return {
    left: frame.left,
    right: frame.width - frame.right,
    top: frame.top,
    bottom: frame.height - frame.bottom,
    width: frame.width - frame.left - frame.right,
  };
}

/** How many x labels fit: an 11 px "Dec 31" needs ~50 px. */
export function labelRoom(plot: ChartPlot): number {
  return Math.max(2, Math.floor(plot.width / 50));
}

/** The figure's width in CSS pixels, followed as the window resizes. */
export function useChartWidth(): [React.RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(DEFAULT_CHART_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      // Rounded down: the drawing is never scaled below one unit per pixel (11 px stays ≥ 11 px).
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** A horizontal reference line, e.g. a threshold. */
export interface ReferenceLine {
  value: number;
  label: string;
}
