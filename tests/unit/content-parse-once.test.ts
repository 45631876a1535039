// The content rules read an entry's body through one parse: the code mask (code-ranges.ts) and the
// markup check (author-markup.ts) share the tree, which was parsed twice before, about a tenth of
// validating a long journal. The parser is counted, not timed.
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ mdx: 0, markdown: 0 }));
vi.mock("satteri", async (importOriginal) => {
  const real = await importOriginal<typeof import("satteri")>();
  return {
    ...real,
    mdxToMdast: (...args: Parameters<typeof real.mdxToMdast>) => (calls.mdx++, real.mdxToMdast(...args)),
    markdownToMdast: (...args: Parameters<typeof real.markdownToMdast>) => (calls.markdown++, real.markdownToMdast(...args)),
  };
});

const { checkContentSafety } = await import("../../src/integration/content/content-safety.ts");

const BODY = "Intro with `code` and $x$.\n\n```ts\nconst a = 1 < 2;\n```\n\n<div onclick=\"go()\">x</div>\n\n[a](javascript:alert(1))\n";

describe("content rules: one parse of the body", () => {
  beforeEach(() => {
    calls.mdx = 0;
    calls.markdown = 0;
  });

  it.each([
    [".mdx", true],
    [".md", false],
  ])("%s: parsed once, and every rule still reports", (_kind, mdx) => {
    const { problems } = checkContentSafety("content/days/001-x.mdx", BODY, { firstLine: 5, mdx });
    expect(mdx ? calls.mdx : calls.markdown).toBe(1);
    expect(mdx ? calls.markdown : calls.mdx).toBe(0);
    // The markup check (the handler) and a text rule over the masked body (the link) both ran.
    expect(problems.map((p) => [p.line, /onclick/.test(p.message) || /javascript: URL/.test(p.message)])).toEqual([
      [11, true],
      [13, true],
    ]);
  });

  it("MDX that does not parse: parsed once, masked by its text, and the syntax error reported", () => {
    const { problems } = checkContentSafety("content/days/001-x.mdx", "A {broken expression\n\n`{x}` is code.\n", { firstLine: 5, mdx: true });
    expect(calls.mdx).toBe(1);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.line === 5)).toBe(true);
  });
});
