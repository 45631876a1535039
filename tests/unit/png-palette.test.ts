// The share images' indexed-colour encoder (src/integration/share-images/png-palette.ts): the
// pixels it is given, exactly, as a PNG every decoder reads, or nothing when it cannot.
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { palettePng } from "../../src/integration/share-images/png-palette.ts";

/** An opaque RGBA image whose pixel i has colour colour(i). */
function image(width: number, height: number, colour: (i: number) => [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set(colour(i), i * 4);
  return rgba;
}
const decode = async (png: Uint8Array) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

describe("palettePng", () => {
  it("encodes every pixel exactly, as an indexed image of the right size", async () => {
    // 256 colours in no particular order, in runs and alone, across rows of odd width.
    const shade = (i: number) => Math.floor(i / 3) % 256;
    const rgba = image(37, 23, (i) => [shade(i), (shade(i) * 13) % 256, (shade(i) * 29) % 256, 255]);
    expect(new Set(Array.from({ length: 37 * 23 }, (_, i) => shade(i))).size).toBe(256);
    const png = palettePng(rgba, 37, 23, zlib)!;
    const decoded = await decode(png);
    expect([decoded.info.width, decoded.info.height]).toEqual([37, 23]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(rgba))).toBe(true);
    expect((await sharp(png).metadata()).isPalette).toBe(true);
  });

  it("encodes rows that repeat the row above, as a card's margins do, exactly", async () => {
    // Rows 0-2 alike, row 3 different, rows 4-5 like row 3, row 6 like row 0 again.
    const kind = (row: number) => (row <= 2 || row === 6 ? 0 : 1);
    const rgba = image(9, 7, (i) => (kind(Math.floor(i / 9)) === 0 ? [255, 255, 255, 255] : i % 2 ? [29, 78, 216, 255] : [13, 17, 23, 255]));
    const decoded = await decode(palettePng(rgba, 9, 7, zlib)!);
    expect(Buffer.from(decoded.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it("gives the same bytes for the same pixels", () => {
    const rgba = image(64, 8, (i) => (i % 9 < 3 ? [13, 17, 23, 255] : [255, 255, 255, 255]));
    expect(Buffer.compare(palettePng(rgba, 64, 8, zlib)!, palettePng(rgba.slice(), 64, 8, zlib)!)).toBe(0);
  });

  it("declines an image of more than 256 colours", () => {
    expect(palettePng(image(257, 1, (i) => [i % 256, i >> 8, 0, 255]), 257, 1, zlib)).toBeUndefined();
    expect(palettePng(image(256, 1, (i) => [i, 0, 0, 255]), 256, 1, zlib)).toBeDefined();
  });

  it("declines an image with a pixel that is not opaque, transparent black included", () => {
    expect(palettePng(image(4, 4, (i) => (i === 9 ? [10, 10, 10, 128] : [255, 255, 255, 255])), 4, 4, zlib)).toBeUndefined();
    expect(palettePng(image(4, 4, (i) => (i === 15 ? [0, 0, 0, 0] : [255, 255, 255, 255])), 4, 4, zlib)).toBeUndefined();
  });

  it("works on pixels that start partway into their buffer, as resvg's copies may", async () => {
    const rgba = image(5, 5, (i) => (i % 2 ? [1, 2, 3, 255] : [200, 100, 50, 255]));
    const offset = new Uint8Array(rgba.length + 8);
    offset.set(rgba, 8);
    const decoded = await decode(palettePng(offset.subarray(8), 5, 5, zlib)!);
    expect(Buffer.from(decoded.data).equals(Buffer.from(rgba))).toBe(true);
  });
});
