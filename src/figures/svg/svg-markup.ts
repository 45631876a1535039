/** Small helpers for writing SVG as text: escaped content, fixed-precision coordinates, no styles. */
import { escapeXml } from "../../lib/escape-xml.ts";

/** A coordinate to one decimal, spelled the same in every engine (`String` of a double is specified). */
export const px = (n: number): string => String(Math.round(n * 10) / 10 || 0);

/** An element with attributes (values escaped; undefined ones left out) and raw inner markup. */
export function el(name: string, attrs: Readonly<Record<string, string | number | undefined>>, inner?: string): string {
  let open = `<${name}`;
  for (const key in attrs) {
    const value = attrs[key];
    if (value !== undefined) open += ` ${key}="${typeof value === "number" ? px(value) : escape(value)}"`;
  }
  return inner === undefined ? `${open}/>` : `${open}>${inner}</${name}>`;
}

// Most strings (class names, path data, numbers) need no escaping: skip the copy for them.
const SPECIAL = /[&<>"']/;
const escape = (value: string): string => (SPECIAL.test(value) ? escapeXml(value) : value);

/** A `<text>` element whose content is escaped text. */
export function text(x: number, y: number, content: string, cls: string, anchor?: "start" | "middle" | "end"): string {
  return el("text", { x, y, class: cls, "text-anchor": anchor }, escape(content));
}

/** At most `max` characters (code points, never half a pair), ending in `…` when cut. The full text is in the data table. */
export function clip(content: string, max: number): string {
  const chars = Array.from(content);
  return chars.length <= max ? content : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/** A width guess for text in the figure's 12 px font, without measuring (measuring differs by browser and font). */
export const textWidth = (content: string): number => Array.from(content).length * 7;
