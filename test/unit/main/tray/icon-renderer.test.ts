import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { StateLevel } from '../../../../src-shared/ipc/snapshot';
import {
  LEVEL_COLOURS,
  TEXT_COLOURS,
  TrayIconCache,
  renderTrayIcon,
} from '../../../../src-main/tray/icon-renderer';
import type { TrayIconState } from '../../../../src-main/tray/tray-model';

/** Decodes with pngjs, an independent decoder: a broken encoder cannot pass by agreeing with itself. */
function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  const at = (x: number, y: number) => {
    const i = (y * image.width + x) * 4;
    return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
  };
  return { width: image.width, height: image.height, at, data: image.data };
}

const state = (percent: number | null, level: StateLevel = 'ok', dimmed = false): TrayIconState => ({
  percent,
  level,
  dimmed,
});
const colour = { size: 16, scale: 1, template: false };

/** The ink pixels as rows of '#' and '.', cropped to their bounding box. */
function inkRows(png: Buffer, ink: readonly number[]): string[] {
  const img = decode(png);
  const rows: string[] = [];
  for (let y = 0; y < img.height; y++) {
    let row = '';
    for (let x = 0; x < img.width; x++) {
      const [r, g, b, a] = img.at(x, y);
      row += a === 255 && r === ink[0] && g === ink[1] && b === ink[2] ? '#' : '.';
    }
    rows.push(row);
  }
  const inked = rows.map((r, y) => (r.includes('#') ? y : -1)).filter((y) => y >= 0);
  const cols = rows.flatMap((r) => [...r].map((c, x) => (c === '#' ? x : -1)).filter((x) => x >= 0));
  const [x0, x1, y0, y1] = [Math.min(...cols), Math.max(...cols), inked[0]!, inked.at(-1)!];
  return rows.slice(y0, y1 + 1).map((r) => r.slice(x0, x1 + 1));
}

describe('renderTrayIcon', () => {
  it.each([
    [16, 1, 16],
    [16, 2, 32],
    [22, 1, 22],
    [22, 2, 44],
    [32, 1, 32],
    [32, 2, 64],
  ])('renders %i pt at %ix as a %i px square PNG', (size, scale, px) => {
    const img = decode(renderTrayIcon(state(42), { size, scale, template: false }));
    expect([img.width, img.height]).toEqual([px, px]);
  });

  it.each(['ok', 'warn', 'critical', 'dry'] as const)('fills the badge with the %s colour', (level) => {
    const img = decode(renderTrayIcon(state(42, level), colour));
    // Left edge, middle row: inside the rounded square, clear of the digits.
    expect(img.at(0, 8)).toEqual([...LEVEL_COLOURS[level], 255]);
    expect(img.at(15, 8)).toEqual([...LEVEL_COLOURS[level], 255]);
  });

  it('uses four distinct colours for the four levels', () => {
    expect(new Set(Object.values(LEVEL_COLOURS).map((c) => c.join(','))).size).toBe(4);
  });

  it('draws the percent as readable digits: 93 at 16 px is the 3x5 glyphs at double size', () => {
    const rows = inkRows(renderTrayIcon(state(93, 'critical'), colour), TEXT_COLOURS.critical);
    const half = rows.filter((_, y) => y % 2 === 0).map((r) => [...r].filter((_, x) => x % 2 === 0).join(''));
    expect(half).toEqual(['###.###', '#.#...#', '###.###', '..#...#', '###.###']);
  });

  it('draws different digits for 7 % and 93 %', () => {
    const seven = decode(renderTrayIcon(state(7, 'critical'), colour));
    const ninetyThree = decode(renderTrayIcon(state(93, 'critical'), colour));
    expect(Buffer.compare(seven.data, ninetyThree.data)).not.toBe(0);
    expect(inkRows(renderTrayIcon(state(7, 'critical'), colour), TEXT_COLOURS.critical)).not.toEqual(
      inkRows(renderTrayIcon(state(93, 'critical'), colour), TEXT_COLOURS.critical),
    );
  });

  it('fits three digits at every size', () => {
    for (const size of [16, 22, 32]) {
      for (const scale of [1, 2]) {
        const rows = inkRows(
          renderTrayIcon(state(100, 'dry'), { size, scale, template: false }),
          TEXT_COLOURS.dry,
        );
        expect(rows[0]!.length).toBeLessThan(size * scale);
      }
    }
  });

  it('is crisp: away from the rounded corners every pixel is exactly the fill or the ink', () => {
    for (const [size, scale] of [
      [16, 1],
      [16, 2],
      [22, 1],
      [32, 2],
    ] as const) {
      const img = decode(renderTrayIcon(state(58, 'warn'), { size, scale, template: false }));
      const px = size * scale;
      const corner = Math.ceil(px * 0.22);
      const seen = new Set<string>();
      for (let y = corner; y < px - corner; y++)
        for (let x = 0; x < px; x++) seen.add(img.at(x, y).join(','));
      expect([...seen].sort()).toEqual(
        [[...LEVEL_COLOURS.warn, 255].join(','), [...TEXT_COLOURS.warn, 255].join(',')].sort(),
      );
    }
  });

  it('makes a monochrome template variant: black and alpha only, digits cut out', () => {
    const img = decode(renderTrayIcon(state(93, 'ok'), { size: 16, scale: 2, template: true }));
    const alphas = new Set<number>();
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const [r, g, b, a] = img.at(x, y);
        expect([r, g, b]).toEqual([0, 0, 0]);
        alphas.add(a!);
      }
    }
    expect(alphas.has(255)).toBe(true);
    // The digits are holes in the badge: transparent pixels in the middle band, away from the corners.
    let holes = 0;
    for (let y = 8; y < 24; y++) for (let x = 0; x < 32; x++) if (img.at(x, y)[3] === 0) holes++;
    expect(holes).toBeGreaterThan(20);
  });

  it('dims a stale badge: translucent and greyed', () => {
    const img = decode(renderTrayIcon(state(42, 'critical', true), colour));
    const [r, g, b, a] = img.at(0, 8);
    expect(a).toBeLessThan(255);
    expect([r, g, b]).not.toEqual([...LEVEL_COLOURS.critical]);
  });

  it('draws a dash before there is any data', () => {
    const rows = inkRows(renderTrayIcon(state(null), colour), TEXT_COLOURS.ok);
    expect(rows.every((r) => /^#+$/.test(r))).toBe(true);
  });
});

describe('TrayIconCache', () => {
  it('renders each badge once and keeps its size bounded', () => {
    const cache = new TrayIconCache(3);
    const first = cache.get(state(42), colour);
    expect(cache.get(state(42), colour)).toBe(first);
    expect(cache.size).toBe(1);
    cache.get(state(43), colour);
    cache.get(state(44), colour);
    cache.get(state(45), colour);
    expect(cache.size).toBe(3);
    expect(cache.get(state(42), colour)).not.toBe(first);
  });
});
