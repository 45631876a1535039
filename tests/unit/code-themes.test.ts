import { readdirSync, readFileSync } from "node:fs";
import { codeToTokens } from "shiki";
import { describe, expect, it } from "vitest";
import { CODE_THEMES } from "../../src/integration/markdown/code-themes.ts";
import { contrast } from "../helpers/contrast.ts";

const hex6 = (c: string) => (c.length === 4 ? `#${[...c.slice(1)].map((x) => x + x).join("")}` : c.slice(0, 7)).toLowerCase();

/** Every fenced block in the sample journal, so the check covers the tokens readers really see. */
function sampleBlocks(): { lang: string; code: string }[] {
  const blocks: { lang: string; code: string }[] = [];
  for (const name of readdirSync("content/days")) {
    const text = readFileSync(`content/days/${name}`, "utf8");
    // `output` fences are not highlighted by Shiki (the build shows them as plain text).
    for (const m of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) if (m[1] !== "output") blocks.push({ lang: m[1]!, code: m[2]! });
  }
  return blocks;
}

describe("code themes", () => {
  const blocks = sampleBlocks();
  it("the sample journal has code to check", () => expect(blocks.length).toBeGreaterThan(5));

  it.each(Object.entries(CODE_THEMES))("every %s token reaches WCAG AA contrast (4.5:1)", async (_mode, theme) => {
    const failures = new Set<string>();
    for (const { lang, code } of blocks) {
      const result = await codeToTokens(code, { lang: lang as "ts", theme });
      for (const line of result.tokens) {
        for (const token of line) {
          if (!token.content.trim()) continue;
          const fg = hex6(token.color ?? result.fg!);
          const ratio = contrast(fg, hex6(result.bg!));
          if (ratio < 4.5) failures.add(`${fg} on ${result.bg} (${ratio.toFixed(2)}): ${token.content}`);
        }
      }
    }
    expect([...failures]).toEqual([]);
  });
});
