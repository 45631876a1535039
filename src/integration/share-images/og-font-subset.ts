// share-images/: a font cut down to the characters given, with HarfBuzz's subsetter (hb-subset,
// the WebAssembly build that the harfbuzzjs package ships).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface HbSubset {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** hb-subset's `--no-hinting`: drops the TrueType hinting programs (fpgm, prep, cvt and each glyph's instructions). */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

let harfbuzz: Promise<HbSubset> | undefined;

/** What subsetFont keeps and drops, for the caches' keys: a subset made otherwise is another file. */
export const SUBSET_SETTINGS = "layout features: all; hinting: none";

/** The subsetter itself: a subset made by another build of it may differ, so caches key on its bytes. */
export const HARFBUZZ_SUBSET_WASM = require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");

/**
 * `font` (a TrueType file) keeping only the glyphs `characters` need, with every layout feature
 * (kerning, ligatures, marks) for them, so text made of those characters shapes and draws as it
 * does with the whole font. Without hinting: resvg draws outlines unhinted, so the programs only
 * made the file larger (by about two fifths), and resvg reads the whole file for every glyph.
 */
export async function subsetFont(font: Uint8Array, characters: Iterable<string>): Promise<Buffer> {
  const hb = await (harfbuzz ??= loadHarfBuzz());
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("HarfBuzz could not start a font subset (out of memory?)");
  const data = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    // All layout features, as `hb-subset --layout-features='*'`: the default keeps only some.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const character of characters) hb.hb_set_add(unicodes, character.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error("HarfBuzz could not subset the share images' font");
    const result = hb.hb_face_reference_blob(subset);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), hb.hb_blob_get_length(result)));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    hb.hb_face_destroy(face);
    hb.hb_subset_input_destroy(input);
    hb.free(data);
  }
}

async function loadHarfBuzz(): Promise<HbSubset> {
  const wasm = readFileSync(HARFBUZZ_SUBSET_WASM);
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HbSubset;
  hb._initialize();
  return hb;
}
