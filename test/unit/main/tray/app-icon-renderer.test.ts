import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS } from '../../../../src-main/tray/icon-renderer';
import { renderAppIcon } from '../../../../src-main/tray/app-icon-renderer';

describe('renderAppIcon', () => {
  it('draws the gauge on an opaque rounded square with transparent corners', () => {
    const img = renderAppIcon(256);
    const at = (x: number, y: number) => [...img.data.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4)];
    expect([img.width, img.height]).toEqual([256, 256]);
    expect(at(0, 0)[3]).toBe(0);
    expect(at(128, 30)[3]).toBe(255);
    // The gauge's green start (left of centre) and its white hub (centre).
    expect(at(Math.round(256 * 0.235), Math.round(256 * 0.53))).toEqual([...LEVEL_COLOURS.ok, 255]);
    expect(at(128, Math.round(256 * 0.53))).toEqual([0xf8, 0xfa, 0xfc, 255]);
  });
});
