/** Approximate label widths, so labels can be placed without measuring text in a browser. */

/** Font size (px) of graph labels; the SVG sets it on its root element. */
export const LABEL_FONT_SIZE = 12;

const narrow = new Set("fijlrtI.,:;'!|()[] ");
const wide = new Set("mwMW@%");

/**
 * Width in px of `text` at `fontSize` in a typical sans-serif face. It is an estimate
 * (within about 15% for Latin text), slightly generous so placed labels rarely touch.
 */
export function estimateTextWidth(text: string, fontSize = LABEL_FONT_SIZE): number {
  let ems = 0;
  for (const c of text) {
    if (narrow.has(c)) ems += 0.32;
    else if (wide.has(c)) ems += 0.86;
    else if (c >= "A" && c <= "Z") ems += 0.68;
    else if (c.charCodeAt(0) > 0x2e7f) ems += 1;
    else ems += 0.56;
  }
  return ems * fontSize;
}
