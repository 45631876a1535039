import { readdirSync, readFileSync } from "node:fs";
import { bundledThemes, codeToHast, type ThemeRegistration } from "shiki";
import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { CODE_THEMES } from "../../src/integration/markdown/code-themes.ts";
import { codeColourCss } from "../../src/integration/markdown/code-colour-css.ts";
import { colourKey, shikiTokenClasses, tokenClasses } from "../../src/integration/markdown/shiki-token-classes.ts";

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === "element" ? [child, ...elements(child)] : []));
}

/** Every fenced block of the sample journal plus a spread of other languages authors use. */
function blocks(): { lang: string; code: string }[] {
  const found: { lang: string; code: string }[] = [];
  for (const name of readdirSync("content/days")) {
    const text = readFileSync(`content/days/${name}`, "utf8");
    for (const m of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) if (m[1] !== "output") found.push({ lang: m[1]!, code: m[2]! });
  }
  found.push(
    { lang: "sql", code: "SELECT id, 'x' FROM t WHERE n > 3; -- note" },
    { lang: "diff", code: "- old line\n+ new line\n@@ -1,2 +1,2 @@" },
    { lang: "md", code: "# Heading\n*italic* **bold** [link](x)\n~~gone~~" },
    { lang: "bash", code: 'echo "$HOME" | grep -E "^/" && exit 1' },
    { lang: "json", code: '{ "a": [1, true, null] }' },
    { lang: "yaml", code: "key: value # comment\nlist: [a, b]" },
  );
  return found;
}

describe("Shiki output as classes (no style attributes, so a strict CSP holds)", () => {
  it("maps each declaration Shiki writes to a class", () => {
    expect(tokenClasses("--shiki-light:#0550AE;--shiki-dark:#79C0FF")).toEqual(["l-0550ae", "d-79c0ff"]);
    expect(tokenClasses("--shiki-light-bg:#fff;--shiki-dark-bg:#0d1117")).toEqual(["lb-ffffff", "db-0d1117"]);
    expect(tokenClasses("--shiki-light-font-style:italic underline;--shiki-dark-font-style:italic underline")).toEqual(["f-italic", "f-underline"]);
    expect(() => tokenClasses("color:red")).toThrow(/does not map to a class.*shiki-token-classes/);
    expect(() => colourKey("rgb(1,2,3)")).toThrow(/cannot name/);
  });

  it("both themes give tokens the same font styles (so one class speaks for both)", async () => {
    const fontStyles = async (theme: string) => {
      const loaded = (await bundledThemes[theme as keyof typeof bundledThemes]()).default as ThemeRegistration;
      return (loaded.tokenColors ?? []).filter((rule) => rule.settings.fontStyle).map((rule) => [rule.scope, rule.settings.fontStyle]);
    };
    expect(await fontStyles(CODE_THEMES.dark)).toEqual(await fontStyles(CODE_THEMES.light));
  });

  it("every class in highlighted code has a rule in the stylesheet, and no style attribute is left", async () => {
    const css = await codeColourCss();
    const defined = new Set([...css.matchAll(/\.((?:l|d|lb|db|f)-[a-z0-9-]+)\{/g)].map((m) => m[1]!));
    const used = new Set<string>();
    let tokens = 0;
    for (const { lang, code } of blocks()) {
      const root = await codeToHast(code, { lang, themes: CODE_THEMES, defaultColor: false, transformers: [shikiTokenClasses] });
      for (const element of elements(root)) {
        expect(element.properties.style).toBeUndefined();
        for (const name of (element.properties.className as string[] | undefined) ?? []) if (/^(l|d|lb|db|f)-/.test(name)) used.add(name), tokens++;
      }
    }
    expect(tokens).toBeGreaterThan(500);
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });
});
