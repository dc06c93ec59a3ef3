import type { StateLevel } from '../../src-shared/ipc/snapshot';
import { fitText, type TextLayout } from './bitmap-font';
import { encodePng, type RgbaImage } from './png-encoder';
import type { TrayIconState } from './tray-model';

export type Rgb = readonly [number, number, number];

/** Badge fill by level; the popover's bars use the same hues. */
export const LEVEL_COLOURS: Readonly<Record<StateLevel, Rgb>> = {
  ok: [0x2f, 0x9e, 0x44],
  warn: [0xf0, 0x8c, 0x00],
  critical: [0xe0, 0x31, 0x31],
  dry: [0x7f, 0x1d, 0x1d],
};

/** Digits are white, except on amber where white is unreadable (contrast 2.4:1). */
export const TEXT_COLOURS: Readonly<Record<StateLevel, Rgb>> = {
  ok: [0xff, 0xff, 0xff],
  warn: [0x1b, 0x1b, 0x1b],
  critical: [0xff, 0xff, 0xff],
  dry: [0xff, 0xff, 0xff],
};

const GREY: Rgb = [0x9a, 0xa0, 0xa6];
/** Dimmed badges keep a hint of their hue but read as "not current". */
export const DIMMED_ALPHA = 150;

export interface IconOptions {
  /** Size in points: 16 (macOS, Windows), 22 (Linux panels), 32 (Windows high-DPI taskbar). */
  size: number;
  /** Device pixels per point: 1, or 2 for @2x. */
  scale: number;
  /** macOS template image: black and alpha only, so the menu bar tints it for light and dark. */
  template: boolean;
}

/** The tray icon size in points a platform expects. */
export function trayIconSize(platform: NodeJS.Platform): number {
  return platform === 'linux' ? 22 : 16;
}

function blend(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i]! * (1 - t) + b[i]! * t)) as unknown as Rgb;
}

/** Coverage (0-1) of a pixel by a rounded square, from 4x4 samples: smooth corners, sharp edges. */
function roundedCoverage(x: number, y: number, px: number, radius: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const fx = x + (sx + 0.5) / 4;
      const fy = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(fx, radius), px - radius);
      const cy = Math.min(Math.max(fy, radius), px - radius);
      if ((fx - cx) ** 2 + (fy - cy) ** 2 <= radius * radius) inside++;
    }
  }
  return inside / 16;
}

function inkMask(text: string, layout: TextLayout, px: number): Uint8Array {
  const mask = new Uint8Array(px * px);
  const left = Math.floor((px - layout.width) / 2);
  const top = Math.floor((px - layout.height) / 2);
  const { font, scale } = layout;
  [...text].forEach((ch, i) => {
    const glyph = font.glyphs[ch];
    if (!glyph) return;
    const gx = left + i * (font.width + 1) * scale;
    glyph.forEach((row, ry) => {
      for (let rx = 0; rx < font.width; rx++) {
        if (row[rx] !== '1') continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) mask[(top + ry * scale + dy) * px + gx + rx * scale + dx] = 1;
        }
      }
    });
  });
  return mask;
}

/** The badge's text: the whole percent, or a dash before there is any data. */
export function badgeText(state: TrayIconState): string {
  return state.percent === null ? '-' : String(Math.max(0, Math.min(999, Math.floor(state.percent))));
}

/** Draws the badge: a rounded square filled by level with the percent in a bitmap font. */
export function renderTrayIconImage(state: TrayIconState, options: IconOptions): RgbaImage {
  const px = Math.round(options.size * options.scale);
  const pad = Math.max(1, Math.round(px / 16));
  const text = badgeText(state);
  const layout = fitText(text, px - 2 * pad, px - 2 * pad);
  const mask = layout ? inkMask(text, layout, px) : new Uint8Array(px * px);
  const radius = px * 0.22;
  const fill: Rgb = options.template
    ? [0, 0, 0]
    : state.dimmed
      ? blend(LEVEL_COLOURS[state.level], GREY, 0.6)
      : LEVEL_COLOURS[state.level];
  const ink: Rgb = TEXT_COLOURS[state.dimmed ? 'ok' : state.level];
  const fillAlpha = state.dimmed ? DIMMED_ALPHA : 255;
  const data = new Uint8Array(px * px * 4);
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      const coverage = roundedCoverage(x, y, px, radius);
      const i = (y * px + x) * 4;
      const inked = mask[y * px + x] === 1;
      if (options.template) {
        // Template: the digits are cut out of the black badge, so the menu bar shows through them.
        data[i + 3] = inked ? 0 : Math.round(coverage * fillAlpha);
        continue;
      }
      const [r, g, b] = inked ? ink : fill;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = inked ? 255 : Math.round(coverage * fillAlpha);
    }
  }
  return { width: px, height: px, data };
}

/** The badge as PNG bytes, ready for nativeImage.createFromBuffer. */
export function renderTrayIcon(state: TrayIconState, options: IconOptions): Buffer {
  return encodePng(renderTrayIconImage(state, options));
}

/**
 * Renders once per distinct badge: the tray redraws every minute and after every sync, while the
 * badge changes a few times a day. The cache is bounded so a long session cannot grow it without end.
 */
export class TrayIconCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly maxEntries = 128) {}

  get(state: TrayIconState, options: IconOptions): Buffer {
    const key = `${badgeText(state)}|${state.level}|${state.dimmed}|${options.size}|${options.scale}|${options.template}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const png = renderTrayIcon(state, options);
    this.entries.set(key, png);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return png;
  }

  get size(): number {
    return this.entries.size;
  }
}
