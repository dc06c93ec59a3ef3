/** The shared geometry of the SVG charts, in viewBox units. */
export const FRAME = { width: 360, height: 170, left: 38, right: 8, top: 10, bottom: 22 } as const;

export const PLOT = {
  left: FRAME.left,
  right: FRAME.width - FRAME.right,
  top: FRAME.top,
  bottom: FRAME.height - FRAME.bottom,
  width: FRAME.width - FRAME.left - FRAME.right,
} as const;

/** A horizontal reference line, e.g. a threshold. */
export interface ReferenceLine {
  value: number;
  label: string;
}
