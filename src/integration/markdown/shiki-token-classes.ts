import type { ShikiTransformer } from "shiki";
import type { Element, Root } from "hast";

/**
 * Shiki colours tokens with `style` attributes, which a strict Content-Security-Policy forbids.
 * This transformer turns every declaration Shiki writes (dual themes, `defaultColor: false`) into
 * a class whose rule lives in the site's stylesheet (see code-colour-css.ts):
 *   --shiki-light:#0550AE → l-0550ae      --shiki-dark-bg:#0D1117 → db-0d1117
 *   --shiki-light-font-style:italic → f-italic   (both themes agree on font styles)
 */
export function tokenClasses(declarations: string): string[] {
  const classes: string[] = [];
  for (const declaration of declarations.split(";")) {
    if (!declaration.trim()) continue;
    const [property = "", value = ""] = declaration.split(":").map((part) => part.trim());
    const match = /^--shiki-(light|dark)(-bg|-font-style|-font-weight|-text-decoration)?$/.exec(property);
    if (!match) throw new Error(`Shiki wrote a style Daybook does not map to a class: "${declaration.trim()}". Update src/integration/markdown/shiki-token-classes.ts.`);
    const [, theme, kind] = match;
    if (!kind || kind === "-bg") classes.push(`${theme![0]}${kind ? "b" : ""}-${colourKey(value)}`);
    // Font styles are the same in both themes (a unit test holds them to it); the light one speaks for both.
    else if (theme === "light") classes.push(...value.split(/\s+/).map((style) => `f-${style}`));
  }
  return classes;
}

/** `#0550AE` → `0550ae`; `#fff` → `ffffff`. */
export function colourKey(colour: string): string {
  const hex = colour.replace(/^#/, "").toLowerCase();
  if (!/^([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex)) throw new Error(`Shiki wrote a colour Daybook cannot name: "${colour}".`);
  return hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
}

/**
 * Shiki writes classes as a `class` string property, hast's own name is `className`: a node with
 * both would serialise two `class` attributes (browsers keep the first, so `.md` pages lost the
 * code box and the colours). Every node leaves here with one `className`.
 */
function convert(node: Element): void {
  const style = node.properties.style;
  const classes = [node.properties.class, node.properties.className].flatMap(classList);
  if (typeof style === "string") classes.push(...tokenClasses(style));
  const { class: _class, className: _className, style: _style, ...rest } = node.properties;
  node.properties = classes.length ? { className: classes, ...rest } : rest;
  for (const child of node.children) if (child.type === "element") convert(child);
}

function classList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
}

/** The transformer: the highlighted block carries classes and no `style` attribute. */
export const shikiTokenClasses: ShikiTransformer = {
  name: "daybook:token-classes",
  root(root: Root) {
    for (const child of root.children) if (child.type === "element") convert(child);
  },
};
