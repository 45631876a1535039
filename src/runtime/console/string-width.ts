/**
 * How many terminal columns a string takes, as Node's `getStringWidth` counts them for
 * `console.table` (ICU's East Asian Width in Node; here the East Asian ranges of Node's own
 * non-ICU fallback plus the Unicode properties ICU checks, which JavaScript regexps know).
 */
// eslint-disable-next-line no-control-regex
const ANSI = /(?:\u001B\][\s\S]*?(?:\u0007|\u001B\u005C|\u009C))|[\u001B\u009B][[\]()#;?]*(?:\d{1,4}(?:[;:]\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]/g;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const ZERO_WIDTH = /^(?:\p{Emoji_Modifier}|[\p{Cc}\p{Cf}\p{Me}\p{Mn}])$/u;

export function getStringWidth(text: string): number {
  const str = text.replace(ANSI, "");
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) return width + wideWidth(str.slice(i).normalize("NFC"));
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

function wideWidth(str: string): number {
  let width = 0;
  for (const char of str) {
    const code = char.codePointAt(0)!;
    if (isFullWidth(code) || EMOJI_PRESENTATION.test(char)) width += 2;
    else if (code === 0xad || !ZERO_WIDTH.test(char)) width += 1;
  }
  return width;
}

/** Wide and fullwidth code points (EastAsianWidth.txt), as listed by Node's fallback. */
function isFullWidth(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}
