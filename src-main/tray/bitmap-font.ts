/** A fixed-width bitmap font: each glyph is `height` rows of `width` characters, '1' = ink. */
export interface BitmapFont {
  width: number;
  height: number;
  glyphs: Readonly<Record<string, readonly string[]>>;
}

/** 3x5 digits: the only font that fits two digits in a 16 px badge at double size. */
export const FONT_3X5: BitmapFont = {
  width: 3,
  height: 5,
  glyphs: {
    '0': ['111', '101', '101', '101', '111'],
    '1': ['010', '110', '010', '010', '111'],
    '2': ['111', '001', '111', '100', '111'],
    '3': ['111', '001', '111', '001', '111'],
    '4': ['101', '101', '111', '001', '001'],
    '5': ['111', '100', '111', '001', '111'],
    '6': ['111', '100', '111', '101', '111'],
    '7': ['111', '001', '010', '010', '010'],
    '8': ['111', '101', '111', '101', '111'],
    '9': ['111', '101', '111', '001', '111'],
    '-': ['000', '000', '111', '000', '000'],
  },
};

/** 5x7 digits: rounder shapes for the larger sizes where they fit. */
export const FONT_5X7: BitmapFont = {
  width: 5,
  height: 7,
  glyphs: {
    '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
    '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
    '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
    '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
    '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
    '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
    '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
    '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
    '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
    '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
    '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  },
};

/** A text laid out at an integer scale: crisp at every size because no pixel is ever resampled. */
export interface TextLayout {
  font: BitmapFont;
  scale: number;
  width: number;
  height: number;
}

/** Width and height of `text` at `scale`, with one font pixel between glyphs. */
export function measureText(
  font: BitmapFont,
  text: string,
  scale: number,
): { width: number; height: number } {
  const n = text.length;
  return { width: n === 0 ? 0 : (n * font.width + (n - 1)) * scale, height: font.height * scale };
}

/**
 * The largest rendering of `text` that fits the box: the candidate (font, integer scale) with the
 * tallest glyphs wins, the finer font on a tie. Null when nothing fits.
 */
export function fitText(
  text: string,
  boxWidth: number,
  boxHeight: number,
  fonts: readonly BitmapFont[] = [FONT_5X7, FONT_3X5],
): TextLayout | null {
  let best: TextLayout | null = null;
  for (const font of fonts) {
    for (let scale = 1; ; scale++) {
      const size = measureText(font, text, scale);
      if (size.width > boxWidth || size.height > boxHeight) break;
      if (!best || size.height > best.height) best = { font, scale, ...size };
    }
  }
  return best;
}
