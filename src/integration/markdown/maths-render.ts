import temml from "temml";
import { htmlToHast } from "satteri";
import type { Element, ElementContent } from "hast";
import { translateMathStyle } from "./maths-style-classes.ts";

export interface RenderedMaths {
  /** The `<math>` element, with classes and MathML attributes where Temml wrote `style`. */
  math: Element;
  /** Declarations left out because no class carries them (see maths-style-classes.ts). */
  dropped: string[];
}

/** The largest size, in ems, a length written in TeX may give (`\rule`, `\kern`, `\hspace`, `\raisebox`). */
export const MAX_SIZE_EM = 20;
/** Ems per unit, at TeX's 10 pt font (near enough to cap a length). */
const EMS: Record<string, number> = { em: 1, ex: 0.43, pt: 0.1, bp: 0.1, px: 1 / 16, pc: 1.2, mm: 0.2845, cm: 2.845, in: 7.227 };
const LENGTH_ATTRIBUTES = ["width", "height", "depth", "voffset", "lspace", "rspace", "minsize", "maxsize"];

/**
 * TeX to MathML at build time with Temml: no script on the page, the browser lays the maths out.
 * Throws Temml's own error (with the position in the TeX) when the TeX does not parse. `trust`
 * stays off, so `\href`, `\includegraphics` and `\html…` are errors, never links or images.
 */
export function renderMaths(tex: string, display: boolean): RenderedMaths {
  const html = temml.renderToString(tex, { displayMode: display, throwOnError: true, trust: false });
  const root = htmlToHast(html, { fragment: true }) as { children: ElementContent[] };
  const math = root.children.find((child): child is Element => child.type === "element" && child.tagName === "math");
  if (!math) throw new Error(`Temml returned no <math> element for "${tex.slice(0, 40)}"`);
  const dropped: string[] = [];
  withoutStyles(math, dropped);
  return { math, dropped };
}

function withoutStyles(node: Element, dropped: string[]): void {
  const { style, ...properties } = node.properties;
  // Temml's maxSize option leaves \rule alone: `\rule{9999em}{9999em}` would paint over the page.
  for (const name of LENGTH_ATTRIBUTES) if (typeof properties[name] === "string") properties[name] = cappedLength(properties[name]);
  if (typeof style === "string") {
    const translated = translateMathStyle(style);
    const classes = Array.isArray(properties.className) ? properties.className.map(String) : [];
    if (classes.length || translated.classes.length) properties.className = [...classes, ...translated.classes];
    Object.assign(properties, translated.attributes);
    dropped.push(...translated.dropped);
  }
  node.properties = properties;
  for (const child of node.children) if (child.type === "element") withoutStyles(child, dropped);
}

function cappedLength(value: string): string {
  const m = /^\s*(-?[\d.]+)\s*([a-z]+)\s*$/i.exec(value);
  const ems = m && EMS[m[2]!.toLowerCase()] !== undefined ? Number(m[1]) * EMS[m[2]!.toLowerCase()]! : undefined;
  return ems !== undefined && Math.abs(ems) > MAX_SIZE_EM ? `${Math.sign(ems) * MAX_SIZE_EM}em` : value;
}

/** Temml's message without its position marker lines, for a note: `Undefined control sequence: \foo`. */
export function mathsErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(Temml|KaTeX) parse error: /, "").split("\n")[0]!.replace(/ at position \d+:?\s*$/, "").trim();
}
