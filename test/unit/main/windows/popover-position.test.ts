import { describe, expect, it } from 'vitest';
import { popoverPosition, taskbarEdge, type Rect } from '../../../../src-main/windows/popover-position';

const size = { width: 380, height: 560 };
const display: Rect = { x: 0, y: 0, width: 1920, height: 1080 };

describe('popoverPosition', () => {
  it.each([
    {
      name: 'macOS menu bar at the top: below the bar, centred on the icon',
      tray: { x: 1500, y: 0, width: 24, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      expected: { edge: 'top', x: 1322, y: 29 },
    },
    {
      name: 'macOS with a Dock taller than the menu bar: still the menu bar',
      tray: { x: 1500, y: 0, width: 24, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 975 },
      expected: { edge: 'top', x: 1322, y: 29 },
    },
    {
      name: 'Windows taskbar at the bottom: above the bar',
      tray: { x: 1700, y: 1050, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      expected: { edge: 'bottom', x: 1522, y: 476 },
    },
    {
      name: 'taskbar on the left: beside it, centred on the icon vertically',
      tray: { x: 10, y: 900, width: 24, height: 24 },
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
      expected: { edge: 'left', x: 64, y: 516 },
    },
    {
      name: 'taskbar on the right',
      tray: { x: 1880, y: 300, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1860, height: 1080 },
      expected: { edge: 'right', x: 1476, y: 32 },
    },
    {
      name: 'icon near the right end of a top bar: clamped inside the work area',
      tray: { x: 1900, y: 0, width: 20, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      expected: { edge: 'top', x: 1536, y: 29 },
    },
    {
      name: 'icon near the left end of a bottom taskbar: clamped to the left edge',
      tray: { x: 2, y: 1050, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      expected: { edge: 'bottom', x: 4, y: 476 },
    },
    {
      name: 'icon low on a left taskbar: clamped above the bottom',
      tray: { x: 10, y: 1060, width: 24, height: 20 },
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
      expected: { edge: 'left', x: 64, y: 516 },
    },
    {
      name: 'auto-hidden taskbar (work area = display): the edge nearest the icon',
      tray: { x: 1700, y: 1056, width: 24, height: 24 },
      workArea: display,
      expected: { edge: 'bottom', x: 1522, y: 516 },
    },
  ])('$name', ({ tray, workArea, expected }) => {
    expect(popoverPosition({ trayBounds: tray, windowSize: size, displayBounds: display, workArea })).toEqual(
      expected,
    );
  });

  it('works on a second display with negative coordinates', () => {
    const left: Rect = { x: -1440, y: 0, width: 1440, height: 900 };
    const placed = popoverPosition({
      trayBounds: { x: -200, y: 870, width: 24, height: 24 },
      windowSize: size,
      displayBounds: left,
      workArea: { x: -1440, y: 0, width: 1440, height: 860 },
    });
    expect(placed).toEqual({ edge: 'bottom', x: -384, y: 296 });
    expect(placed.x + size.width).toBeLessThanOrEqual(0);
  });

  it('stays inside the work area for any icon position on any edge', () => {
    const workAreas: Rect[] = [
      { x: 0, y: 25, width: 1920, height: 1055 },
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 60, y: 0, width: 1860, height: 1080 },
      { x: 0, y: 0, width: 1860, height: 1080 },
    ];
    for (const workArea of workAreas) {
      for (let x = 0; x < 1920; x += 97) {
        for (let y = 0; y < 1080; y += 89) {
          const p = popoverPosition({
            trayBounds: { x, y, width: 24, height: 24 },
            windowSize: size,
            displayBounds: display,
            workArea,
          });
          expect(p.x).toBeGreaterThanOrEqual(workArea.x);
          expect(p.y).toBeGreaterThanOrEqual(workArea.y);
          expect(p.x + size.width).toBeLessThanOrEqual(workArea.x + workArea.width);
          expect(p.y + size.height).toBeLessThanOrEqual(workArea.y + workArea.height);
        }
      }
    }
  });

  it('returns whole pixels', () => {
    const p = popoverPosition({
      trayBounds: { x: 1500.5, y: 0, width: 23, height: 22 },
      windowSize: { width: 381, height: 560 },
      displayBounds: display,
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    });
    expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });
});

describe('taskbarEdge', () => {
  it('uses the inset that holds the icon', () => {
    expect(
      taskbarEdge({ x: 900, y: 2, width: 20, height: 20 }, display, {
        x: 0,
        y: 30,
        width: 1920,
        height: 1050,
      }),
    ).toBe('top');
    expect(
      taskbarEdge({ x: 5, y: 500, width: 20, height: 20 }, display, {
        x: 48,
        y: 0,
        width: 1872,
        height: 1080,
      }),
    ).toBe('left');
  });
});
