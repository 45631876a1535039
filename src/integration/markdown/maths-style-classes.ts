/**
 * Temml writes some of its layout as `style` attributes, which the site's Content-Security-Policy
 * forbids (the browser would drop them and log a violation). Each declaration Temml can write is
 * turned into a class with the same rule in src/styles/maths.css, a colour into MathML's own
 * `mathcolor` attribute, and `display:block math` is left to `display="block"` (the browser's own
 * rule for it). A declaration not listed (an `\arraystretch` or `\raisebox` length the author
 * chose) is dropped: the maths still reads, and `npm run check` notes where.
 */

/** Every declaration that has a class, as Temml writes them (see temml.mjs `.style.`). */
export const MATH_STYLE_DECLARATIONS = [
  "text-align:left",
  "width:100%",
  "width:50%",
  "width:7.5%",
  "width:90%",
  "height:1em",
  "left:0.1em",
  "math-depth:0",
  "padding:0",
  "padding:3pt",
  "padding:0.3em",
  "padding:0.5ex 0.1em 0 0",
  "padding-top:0",
  "padding-bottom:0",
  ...["0", "0em", "0pt", "1em", "0.4em", "0.25em", "0.1389em", "0.0400em", "0.2em", "5.9776pt"].flatMap((v) => [`padding-left:${v}`, `padding-right:${v}`]),
  "border:1px solid",
  ...["0.15em double", "0.06em solid", "0.06em dashed"].flatMap((v) => ["top", "bottom", "left", "right"].map((side) => `border-${side}:${v}`)),
] as const;

/** `padding-left:0.4em` → `tml-padding-left-0_4em`: a valid class name, one per declaration. */
export function mathStyleClass(declaration: string): string {
  return `tml-${declaration.replace(/%/g, "pc").replace(/[^a-z0-9-]+/gi, "_").replace(/^_|_$/g, "")}`;
}

const CLASSES = new Map<string, string>(MATH_STYLE_DECLARATIONS.map((d) => [d, mathStyleClass(d)]));
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

export interface TranslatedStyle {
  classes: string[];
  /** MathML attributes that carry the same meaning (`mathcolor`). */
  attributes: Record<string, string>;
  /** Declarations with no class, left out of the page. */
  dropped: string[];
}

/** A `style` attribute's value as classes and MathML attributes. */
export function translateMathStyle(style: string): TranslatedStyle {
  const out: TranslatedStyle = { classes: [], attributes: {}, dropped: [] };
  for (const raw of style.split(";")) {
    const [property = "", ...rest] = raw.split(":");
    const name = property.trim().toLowerCase();
    const value = rest.join(":").trim().replace(/\s+/g, " ");
    if (!name) continue;
    const declaration = `${name}:${value}`;
    if (name === "display" && value === "block math") continue;
    if (name === "color" && value === "undefined") continue; // Temml copies an unset colour
    else if (name === "color" && COLOUR.test(value)) out.attributes.mathcolor = value;
    else if (CLASSES.has(declaration)) out.classes.push(CLASSES.get(declaration)!);
    else out.dropped.push(declaration);
  }
  return out;
}

/** The stylesheet rules for the classes (src/styles/maths.css holds exactly these). */
export function mathStyleRules(): string[] {
  return MATH_STYLE_DECLARATIONS.map((d) => `.${mathStyleClass(d)} { ${d}; }`);
}
