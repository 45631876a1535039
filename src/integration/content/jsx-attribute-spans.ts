export interface AttributeSpan {
  /** Offset of the attribute's name (or of the `{` of a spread). */
  name: number;
  /** Offset of its value (after a quote, or at `{`); the name's offset when it has none. */
  value: number;
}

/**
 * Where each attribute of the JSX opening tag at `start` (its `<`) is written. The MDX parser
 * gives elements positions but not their attributes; this reads the tag again to find them, in
 * the order the parser lists them. Returns an empty list for a tag it cannot follow.
 */
export function jsxAttributeSpans(source: string, start: number): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  let i = skipSpace(source, start + 1);
  while (i < source.length && !/[\s/>{]/.test(source[i]!)) i++; // the element's name
  for (;;) {
    i = skipSpace(source, i);
    const c = source[i];
    if (c === undefined || c === "/" || c === ">") return spans;
    if (c === "{") {
      spans.push({ name: i, value: i });
      i = braceEnd(source, i);
      continue;
    }
    const name = i;
    while (i < source.length && !/[\s=/>{]/.test(source[i]!)) i++;
    if (i === name) return [];
    const afterName = skipSpace(source, i);
    if (source[afterName] !== "=") {
      spans.push({ name, value: name });
      continue;
    }
    const value = skipSpace(source, afterName + 1);
    const quote = source[value];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, value + 1);
      if (close < 0) return [];
      spans.push({ name, value: value + 1 });
      i = close + 1;
    } else if (quote === "{") {
      spans.push({ name, value });
      i = braceEnd(source, value);
    } else {
      return [];
    }
  }
}

/** Skips whitespace and JavaScript comments. */
function skipSpace(source: string, i: number): number {
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end + 1;
    } else {
      return i;
    }
  }
}

/** The offset just after the `}` that closes the `{` at `open`, skipping strings. */
function braceEnd(source: string, open: number): number {
  let depth = 0;
  let quote = "";
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return source.length;
}
