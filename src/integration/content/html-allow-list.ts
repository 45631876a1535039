import { defaultSchema, type Schema } from "hast-util-sanitize";

/** An attribute's value: text, `null` when written without one, `undefined` when it is code (an MDX expression). */
export type AttributeValue = string | null | undefined;

export interface ElementInput {
  /** The name as written (`td`, `Meta`, `daybook-snippet`). */
  name: string;
  attributes: readonly { name: string; value: AttributeValue }[];
  /** MDX JSX, where a capitalised name is a component rather than an HTML element. */
  jsx: boolean;
}

export interface Finding {
  /** Errors stop the build; notes say what the build removes. */
  severity: "error" | "note";
  /** The attribute it is about (its index); absent when it is about the element. */
  attribute?: number;
  /** It is about the attribute's value, not its name. */
  atValue?: boolean;
  message: string;
  fix: string;
  /** What the build does: drop the element's tags (its content stays) or the attribute, or rewrite the attribute's value. */
  edit?: "drop" | { value: string };
}

/**
 * Elements that act rather than show: they run code, load or embed other pages, restyle the
 * site, redirect readers or send their input elsewhere. Each is an error with its own reason.
 */
const ACTING: Record<string, [why: string, fix: string]> = {
  script: ["and content cannot run scripts", "put code in a ```ts run block instead, or write `<script>` in backticks to show it as text"],
  style: ["and it would restyle the whole site", "remove it; the site's theme styles entries (use Markdown, or allowed attributes such as align)"],
  meta: ["and it can redirect every reader or change how the page behaves", "remove it; to send readers elsewhere, link to the page: [text](https://…)"],
  link: ["and it loads stylesheets or other resources into the page", "remove it; to point readers at a page, link to it: [text](https://…)"],
  base: ["and it changes where every link on the page points", "remove it and write full links instead"],
  iframe: ["and it embeds another page, which can run code", "link to the page instead: [title](https://…)"],
  frame: ["and it embeds another page, which can run code", "link to the page instead: [title](https://…)"],
  frameset: ["and it replaces the page with frames of other pages", "link to the pages instead: [title](https://…)"],
  object: ["and it embeds a plugin or another page, which can run code", "link to the file or page instead: [title](https://…)"],
  embed: ["and it embeds a plugin or another page, which can run code", "link to the file or page instead: [title](https://…)"],
  applet: ["and it embeds a plugin, which can run code", "link to it instead: [title](https://…)"],
  portal: ["and it embeds another page", "link to the page instead: [title](https://…)"],
  form: ["and it can send what readers type to another site", "remove it; link to the form's own page instead"],
  "daybook-snippet": ["written by hand: Daybook makes it from a ```ts run block, and a hand-written one could show one code and run another", "write a ```ts run block; Daybook makes the runnable snippet from it"],
};

const URL_FIX = "link to a page (https://… or /day/…) instead; to show code, put it in a ```ts run block or in backticks";
const NOTE_FIX = "GitHub's Markdown removes it too; delete it from the entry to silence this note";

// GitHub's Markdown sanitisation (hast-util-sanitize's defaultSchema), read as data. Its names
// are hast property names (`className`, `ariaLabel`), matched to attribute names by `key`.
const schema: Schema = defaultSchema;
const TAGS = new Set(schema.tagNames ?? []);
const PROTOCOLS = new Map(Object.entries(schema.protocols ?? {}).map(([name, list]) => [key(name), list ?? []]));
const ATTRIBUTES = new Map(
  Object.entries(schema.attributes ?? {}).map(([tag, definitions]) => [tag, new Map((definitions ?? []).map((d) => [key(typeof d === "string" ? d : d[0]), d]))]),
);

/** What GitHub's Markdown would do with one element an author wrote, and what Daybook refuses. */
export function judgeElement(element: ElementInput): Finding[] {
  const name = asciiLower(element.name);
  const shown = `<${element.name}>`;
  const acting = ACTING[name];
  if (acting) {
    const message = name === "script" ? "the content has a raw <script> tag, and content cannot run scripts" : `the content has a ${shown} element, ${acting[0]}`;
    return [{ severity: "error", message, fix: acting[1] }];
  }
  if (element.jsx && (element.name.includes(".") || !/^[a-z]/.test(element.name))) {
    return [{ severity: "error", message: `${shown} is an MDX component, and entries cannot import components, so the page cannot render it`, fix: "write Markdown or an allowed HTML element (lowercase, e.g. <details>) instead; to show the tag as text, put it in `backticks`" }];
  }
  const findings: Finding[] = [];
  const kept = TAGS.has(element.jsx ? element.name : name);
  if (!kept) findings.push({ severity: "note", message: `removed the ${shown} tags (their content stays): GitHub's Markdown does not allow this element`, fix: NOTE_FIX, edit: "drop" });
  element.attributes.forEach(({ name: written, value }, attribute) => {
    const finding = judgeAttribute(name, shown, written, value, kept);
    if (finding) findings.push({ ...finding, attribute });
  });
  return findings;
}

function judgeAttribute(tag: string, shown: string, written: string, value: AttributeValue, kept: boolean): Omit<Finding, "attribute"> | undefined {
  const name = asciiLower(written);
  if (/^on[a-z]/.test(name)) return { severity: "error", message: `the ${shown} element has an event handler attribute \`${written}\`, and content cannot run scripts`, fix: "remove the attribute; put interactive code in a ```ts run block instead" };
  if (name === "data-js") return { severity: "error", message: `the ${shown} element has a \`data-js\` attribute, which Daybook's snippet runner would run as code`, fix: "remove the attribute; write a ```ts run block for code readers can run" };
  const scheme = typeof value === "string" ? urlScheme(value) : undefined;
  if (scheme === "javascript" || scheme === "vbscript") return { severity: "error", atValue: true, message: `the content links to a ${scheme}: URL, which would run code when clicked`, fix: URL_FIX };
  if (!kept || value === undefined) return undefined; // a dropped element takes its attributes along; code is its own error
  const removed = `removed attribute ${written} from ${shown}`;
  const definitions = [ATTRIBUTES.get(tag)?.get(key(name)), ATTRIBUTES.get("*")?.get(key(name))].filter((d) => d !== undefined);
  if (definitions.length === 0) return { severity: "note", message: `${removed}: GitHub's Markdown does not keep it`, fix: NOTE_FIX, edit: "drop" };
  const protocols = PROTOCOLS.get(key(name));
  if (protocols && scheme !== undefined && !protocols.includes(scheme)) {
    return { severity: "note", message: `${removed}: GitHub's Markdown keeps only ${protocols.join(", ")} links there, not ${scheme}:`, fix: NOTE_FIX, edit: "drop" };
  }
  if (key(name) === "classname") {
    const tokens = (value ?? "").split(/\s+/).filter(Boolean);
    const allowed = tokens.filter((token) => definitions.some((d) => allows(d, token)));
    if (allowed.length === tokens.length) return undefined;
    const dropped = tokens.filter((t) => !allowed.includes(t)).join(" ");
    return allowed.length
      ? { severity: "note", message: `removed class "${dropped}" from ${shown}: GitHub's Markdown does not keep it`, fix: NOTE_FIX, edit: { value: allowed.join(" ") } }
      : { severity: "note", message: `${removed}: GitHub's Markdown does not keep the class "${dropped}"`, fix: NOTE_FIX, edit: "drop" };
  }
  if (!definitions.some((d) => allows(d, value ?? true))) return { severity: "note", message: `${removed}: GitHub's Markdown does not keep the value "${value}"`, fix: NOTE_FIX, edit: "drop" };
  return undefined;
}

/** A definition that lists values (`["type", "checkbox"]`) allows only those; a bare name allows any. */
function allows(definition: NonNullable<Schema["attributes"]>[string][number], value: string | true): boolean {
  if (typeof definition === "string" || definition.length < 2) return true;
  return definition.slice(1).some((allowed) => {
    if (allowed instanceof RegExp) return allowed.test(String(value));
    if (allowed === true) return true; // a boolean attribute: present is enough, whatever its value
    return String(allowed).toLowerCase() === String(value).toLowerCase();
  });
}

/** The URL scheme a browser would read from an attribute value (it ignores tabs and newlines, and leading spaces and controls). */
export function urlScheme(value: string): string | undefined {
  const url = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]!.toLowerCase();
}

/** `accept-charset`, `acceptCharset` → `acceptcharset`; `class` and `for` are `className` and `htmlFor` in hast. */
function key(name: string): string {
  const k = asciiLower(name).replace(/-/g, "");
  return k === "class" ? "classname" : k === "for" ? "htmlfor" : k;
}

/** HTML folds only ASCII letters (the Kelvin sign in `<linK>` does not make it a `<link>`). */
function asciiLower(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
