/** A rectangle in screen coordinates (Electron's Rectangle shape). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the taskbar or menu bar sits on the display. */
export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export interface PopoverPlacementInput {
  /** The tray icon's bounds; on Linux Electron may report zeros, pass the cursor as a 1x1 rect then. */
  trayBounds: Rect;
  windowSize: { width: number; height: number };
  /** The display's full bounds and its work area (bounds minus taskbar, dock and menu bar). */
  displayBounds: Rect;
  workArea: Rect;
  /** Space between the popover and the taskbar or screen edge. */
  gap?: number;
}

export interface PopoverPlacement {
  x: number;
  y: number;
  edge: TaskbarEdge;
}

/**
 * The edge the taskbar is on: the inset of the work area that holds the tray icon (the macOS menu
 * bar even when the Dock is taller, the Windows taskbar wherever it is docked). When the icon is in
 * no inset (a taskbar that hides itself, or the cursor standing in for missing bounds), the display
 * edge nearest the icon.
 */
export function taskbarEdge(trayBounds: Rect, displayBounds: Rect, workArea: Rect): TaskbarEdge {
  const cx = trayBounds.x + trayBounds.width / 2;
  const cy = trayBounds.y + trayBounds.height / 2;
  if (cy < workArea.y) return 'top';
  if (cy >= workArea.y + workArea.height) return 'bottom';
  if (cx < workArea.x) return 'left';
  if (cx >= workArea.x + workArea.width) return 'right';
  const distances: [TaskbarEdge, number][] = [
    ['top', cy - displayBounds.y],
    ['bottom', displayBounds.y + displayBounds.height - cy],
    ['left', cx - displayBounds.x],
    ['right', displayBounds.x + displayBounds.width - cx],
  ];
  return distances.sort((a, b) => a[1] - b[1])[0]![0];
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Places the popover next to the tray icon, against the taskbar: below a top menu bar (macOS), above
 * a bottom taskbar (Windows), beside a left or right one, centred on the icon along the bar, then
 * clamped inside the work area so it never spills off screen or under the bar.
 */
export function popoverPosition(input: PopoverPlacementInput): PopoverPlacement {
  const { trayBounds, windowSize, displayBounds, workArea } = input;
  const gap = input.gap ?? 4;
  const edge = taskbarEdge(trayBounds, displayBounds, workArea);
  const cx = trayBounds.x + trayBounds.width / 2;
  const cy = trayBounds.y + trayBounds.height / 2;
  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = cx - windowSize.width / 2;
      y = workArea.y + gap;
      break;
    case 'bottom':
      x = cx - windowSize.width / 2;
      y = workArea.y + workArea.height - windowSize.height - gap;
      break;
    case 'left':
      x = workArea.x + gap;
      y = cy - windowSize.height / 2;
      break;
    case 'right':
      x = workArea.x + workArea.width - windowSize.width - gap;
      y = cy - windowSize.height / 2;
      break;
  }
  return {
    edge,
    x: Math.round(clamp(x, workArea.x + gap, workArea.x + workArea.width - windowSize.width - gap)),
    y: Math.round(clamp(y, workArea.y + gap, workArea.y + workArea.height - windowSize.height - gap)),
  };
}

/** True when Electron gave no usable tray bounds (Linux AppIndicator reports an empty rectangle). */
export function hasUsableBounds(bounds: Rect): boolean {
  return bounds.width > 0 && bounds.height > 0;
}
