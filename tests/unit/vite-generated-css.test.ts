// The generated stylesheets' Vite plugin: its hooks' filters let through every stylesheet the
// site imports (the ids src/virtual-modules.d.ts declares) and nothing else, so the bundler
// skips the plugin for its other modules without a stylesheet going missing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedCss } from "../../src/integration/styles/vite-generated-css.ts";

type FilteredHook = { filter: { id: RegExp }; handler: (id: string) => unknown };
const plugin = generatedCss() as unknown as { resolveId: FilteredHook; load: FilteredHook };
const declared = [...readFileSync(new URL("../../src/virtual-modules.d.ts", import.meta.url), "utf8").matchAll(/declare module "(virtual:daybook\/[^"]+\.css)"/g)].map((m) => m[1]!);

describe("generatedCss", () => {
  it("declares the stylesheets it serves", () => {
    expect(declared).toEqual(["virtual:daybook/code-colours.css", "virtual:daybook/graph.css"]);
  });

  it.each(declared)("resolves and loads %s through its filters", async (id) => {
    expect(plugin.resolveId.filter.id.test(id)).toBe(true);
    const resolved = plugin.resolveId.handler(id) as string;
    expect(resolved).toBe(`\0${id}`);
    expect(plugin.load.filter.id.test(resolved)).toBe(true);
    const css = await plugin.load.handler(resolved);
    expect(typeof css).toBe("string");
    expect(css as string).toMatch(/\{[^}]*:[^}]*\}/);
  });

  it("filters out every other module, so the bundler never calls it for them", () => {
    for (const id of ["/src/styles/site.css", "virtual:daybook/other.js", "\0virtual:astro:content", "virtual:daybook/code-colours.css?inline", "x-virtual:daybook/graph.css"]) {
      expect(plugin.resolveId.filter.id.test(id), id).toBe(false);
      expect(plugin.load.filter.id.test(id), id).toBe(false);
    }
    expect(plugin.load.filter.id.test("virtual:daybook/graph.css"), "an unresolved id").toBe(false);
  });
});
