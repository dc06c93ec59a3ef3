import type { RgbaImage } from './png-encoder';
import { LEVEL_COLOURS, type Rgb } from './icon-renderer';

const TOP: Rgb = [0x1e, 0x29, 0x3b];
const BOTTOM: Rgb = [0x0f, 0x17, 0x2a];
const TRACK: Rgb = [0x33, 0x41, 0x55];
const WHITE: Rgb = [0xf8, 0xfa, 0xfc];

/** The gauge sweeps 270° clockwise from bottom-left, open at the bottom, and shows 70 % used. */
const START_DEG = 225;
const SWEEP_DEG = 270;
const SHOWN = 0.7;
const CENTRE = { x: 0.5, y: 0.53 };

type Paint = { colour: Rgb; alpha: number } | null;

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** What covers the point (u, v) of the unit square, top layer first. */
function paintAt(u: number, v: number, inset: number): Paint {
  const radius = 0.2;
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.min(Math.max(u, lo), hi);
  const cy = Math.min(Math.max(v, lo), hi);
  if ((u - cx) ** 2 + (v - cy) ** 2 > radius * radius) return null;

  const dx = u - CENTRE.x;
  const dy = CENTRE.y - v;
  const r = Math.hypot(dx, dy);
  const angle = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
  const needleAngle = ((START_DEG - SHOWN * SWEEP_DEG) * Math.PI) / 180;
  const tip = { x: CENTRE.x + 0.25 * Math.cos(needleAngle), y: CENTRE.y - 0.25 * Math.sin(needleAngle) };

  if (r <= 0.055 || segmentDistance(u, v, CENTRE.x, CENTRE.y, tip.x, tip.y) <= 0.022)
    return { colour: WHITE, alpha: 1 };
  if (r >= 0.22 && r <= 0.31) {
    const along = ((((START_DEG - angle) % 360) + 360) % 360) / SWEEP_DEG;
    if (along <= 1) {
      if (along <= 0.5) return { colour: LEVEL_COLOURS.ok, alpha: 1 };
      if (along <= SHOWN) return { colour: LEVEL_COLOURS.warn, alpha: 1 };
      return { colour: TRACK, alpha: 1 };
    }
  }
  const t = (v - inset) / (1 - 2 * inset);
  return {
    colour: [0, 1, 2].map((i) => Math.round(TOP[i]! * (1 - t) + BOTTOM[i]! * t)) as unknown as Rgb,
    alpha: 1,
  };
}

/**
 * The application icon (Dock, taskbar, installers): a gauge on a dark rounded square, drawn at any
 * size from geometry so every size is sharp. The square leaves a margin like the macOS icon grid.
 */
export function renderAppIcon(px: number): RgbaImage {
  const samples = px >= 256 ? 2 : 4;
  const inset = px <= 48 ? 0.04 : 0.09;
  const data = new Uint8Array(px * px * 4);
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const paint = paintAt((x + (sx + 0.5) / samples) / px, (y + (sy + 0.5) / samples) / px, inset);
          if (!paint) continue;
          r += paint.colour[0];
          g += paint.colour[1];
          b += paint.colour[2];
          a += 1;
        }
      }
      const i = (y * px + x) * 4;
      if (a > 0) {
        data[i] = Math.round(r / a);
        data[i + 1] = Math.round(g / a);
        data[i + 2] = Math.round(b / a);
        data[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return { width: px, height: px, data };
}

/** The sizes written to resources/icons: 1024 for macOS and as the master, the Linux set, 256 for Windows. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
