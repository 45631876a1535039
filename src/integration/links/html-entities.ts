/**
 * Decodes the character references an attribute value can hold (`&amp;`, `&#47;`, `&#x2F;`,
 * `&colon;`…), as a browser does before it reads the URL. Only the named references that can
 * matter in a URL are known; any other is left as written.
 */
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  colon: ":", sol: "/", bsol: "\\", num: "#", quest: "?", equals: "=", percnt: "%", period: ".",
  comma: ",", semi: ";", excl: "!", commat: "@", lpar: "(", rpar: ")", plus: "+", dollar: "$",
  lowbar: "_", hyphen: "-", dash: "-", Tab: "\t", NewLine: "\n", tilde: "~",
};

/** Legacy names a browser decodes even without the `;` (in an attribute, only when not followed by `=` or a letter or digit). */
const LEGACY = new Set(["amp", "lt", "gt", "quot", "nbsp"]);

export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g, (whole, dec, hex, name, semi, offset: number, all: string) => {
    if (dec !== undefined || hex !== undefined) return fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16));
    const char = NAMED[name as string];
    if (char === undefined) return whole;
    if (semi) return char;
    const next = all[offset + whole.length] ?? "";
    return LEGACY.has(name) && !/[=A-Za-z0-9]/.test(next) ? char : whole;
  });
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}
