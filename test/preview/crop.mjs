// Dev-only: crops a PNG to look at one part of a tall screenshot. node test/preview/crop.mjs IN OUT X Y W H
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const [input, output, x, y, w, h] = process.argv.slice(2);
const src = PNG.sync.read(readFileSync(input));
const [X, Y] = [Number(x), Number(y)];
const W = Math.min(Number(w), src.width - X);
const H = Math.min(Number(h), src.height - Y);
const out = new PNG({ width: W, height: H });
PNG.bitblt(src, out, X, Y, W, H, 0, 0);
writeFileSync(output, PNG.sync.write(out));
