// share-images/: a card's pixels as an indexed-colour PNG. A card is opaque and holds a few dozen
// colours (white, the accent, the text colours and their anti-aliased blends), so one byte per
// pixel says it all: a third of the data resvg's RGBA encoder compresses, half its file size,
// and the same pixels (tests/unit/png-palette.test.ts decodes both and compares).
//
// Self-contained on purpose: the share-image workers run this function's own source text
// (og-render-pool.ts), so it may use only its parameters and JavaScript's and Node's globals.

/** The part of node:zlib this needs, passed in so that the function has no imports. */
export interface PaletteZlib {
  crc32(data: Uint8Array, value?: number): number;
  deflateSync(data: Uint8Array, options: { strategy: number }): Uint8Array;
  constants: { Z_RLE: number };
}

/**
 * The PNG of `rgba` (tiny-skia's pixel order: R, G, B, A per pixel, row by row), or undefined when
 * a pixel is not opaque or there are more than 256 colours: the caller then uses resvg's encoder.
 * Premultiplied and straight alpha agree on opaque pixels, so the colours are the pixels' own.
 */
export function palettePng(rgba: Uint8Array, width: number, height: number, zlib: PaletteZlib): Buffer | undefined {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  // Each row is a filter byte (0: none, as the PNG specification advises for indexed images)
  // and one palette index per pixel.
  const rows = new Uint8Array(height * (width + 1));
  const palette = new Uint32Array(256);
  // A small open-addressing table from colour to index, consulted once per run of one colour
  // along a row; a Map was three times slower here. 0 (transparent black) marks an empty slot.
  const keys = new Uint32Array(1024);
  const indices = new Uint8Array(1024);
  let colours = 0;
  let p = 0;
  let o = 0;
  const rowBytes = width * 4;
  for (let y = 0; y < height; y++) {
    // Most of a card's rows repeat the row above (the margins around the text): one native
    // comparison, and the indices are copied instead of looked up pixel by pixel.
    if (y > 0 && Buffer.compare(rgba.subarray(p * 4, p * 4 + rowBytes), rgba.subarray(p * 4 - rowBytes, p * 4)) === 0) {
      rows.copyWithin(o, o - width - 1, o);
      o += width + 1;
      p += width;
      continue;
    }
    rows[o++] = 0;
    const rowEnd = p + width;
    while (p < rowEnd) {
      // The rest of a text row is mostly runs of the background between glyphs: each run's colour
      // is looked up once and its indices written at once (a third less time than pixel by pixel).
      const colour = pixels[p]!;
      let end = p + 1;
      while (end < rowEnd && pixels[end] === colour) end++;
      let slot = Math.imul(colour, 0x9e3779b1) >>> 22;
      while (keys[slot] !== colour && keys[slot] !== 0) slot = (slot + 1) & 1023;
      if (keys[slot] === 0) {
        // Little-endian words: alpha is the top byte.
        if (colours === 256 || colour >>> 24 !== 255) return undefined;
        keys[slot] = colour;
        indices[slot] = colours;
        palette[colours++] = colour;
      }
      const index = indices[slot]!;
      if (end - p > 16) {
        rows.fill(index, o, o + end - p);
        o += end - p;
      } else for (let k = p; k < end; k++) rows[o++] = index;
      p = end;
    }
  }
  const plte = new Uint8Array(colours * 3);
  for (let i = 0; i < colours; i++) {
    plte[i * 3] = palette[i]! & 255;
    plte[i * 3 + 1] = (palette[i]! >>> 8) & 255;
    plte[i * 3 + 2] = (palette[i]! >>> 16) & 255;
  }
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type 3: indexed
  const chunk = (type: string, data: Uint8Array): Uint8Array[] => {
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, data.length);
    for (let i = 0; i < 4; i++) head[4 + i] = type.charCodeAt(i);
    const crc = new Uint8Array(4);
    new DataView(crc.buffer).setUint32(0, zlib.crc32(data, zlib.crc32(head.subarray(4))));
    return [head, data, crc];
  };
  // Run-length deflate: a fifth larger than zlib's default level for these images, in a third
  // of its time, and it has no hash tables, so its bytes depend on the pixels alone.
  const compressed = zlib.deflateSync(rows, { strategy: zlib.constants.Z_RLE });
  return Buffer.concat([
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    ...chunk("IHDR", header),
    ...chunk("PLTE", plte),
    ...chunk("IDAT", compressed),
    ...chunk("IEND", new Uint8Array(0)),
  ]);
}
