import { markdownToMdast, mdxToMdast } from "satteri";
import { describe, expect, it } from "vitest";
import { rewriteOutputFences } from "../../src/integration/snippets/output-rewrite.ts";
import type { SnippetRun } from "../../src/integration/snippets/snippet-check.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import { inertString } from "../../src/integration/snippets/mdast-snippets.ts";

const runsFor = (text: string, outputs: string[]): SnippetRun[] =>
  extractSnippets("f.mdx", text).snippets.map((snippet, i) => ({ snippet, js: "", result: { output: outputs[i]! } }));
const update = (text: string, ...outputs: string[]) => rewriteOutputFences(text, runsFor(text, outputs));

/** Outputs that would be Markdown, MDX or HTML if they escaped their fence. */
const PROBES: [string, string][] = [
  ["three backticks", "```\nnot code\n```"],
  ["runs of four and five backticks", "````\n`{x}` and {x}\n`````"],
  ["an MDX expression", "{x}"],
  ["a backtick before an expression", "`{x}"],
  ["a script element", "<script>alert(1)</script>"],
  ["closing code and pre tags", "</code></pre>"],
  ["a frontmatter-like block", "---\ntitle: x\n---"],
  ["MDX ESM at the start of lines", 'import x from "y"\nexport const a = 1;'],
  ["lone carriage returns before fence lines", "a\rb\r```\r{x}\r~~~"],
  ["a line that is only tildes", "~~~"],
  ["longer tilde and backtick lines", "~~~~\n```"],
  ["indented fence-like lines", "   ```\n  ~~~~"],
  ["a comment, an entity and an escaped brace", "<!-- c --> &amp; \\{ {/* c */}"],
  ["nothing", ""],
];

/** Each starting point a fence is written from: none yet, a stale backtick fence, a stale tilde fence. */
const DOCS: [string, string][] = [
  ["a missing fence", "Intro.\n\n```ts run\nconsole.log(1);\n```\n\nAfter.\n"],
  ["a stale ``` fence", "Intro.\n\n```ts run\nconsole.log(1);\n```\n\n```output\nold\n```\n\nAfter.\n"],
  ["a stale ~~~ fence", "Intro.\n\n```ts run\nconsole.log(1);\n```\n\n~~~output\nold\n~~~\n\nAfter.\n"],
];

/** The document as the MDX (or Markdown) parser reads it: top-level node types, and the output fence's text. */
function parsed(text: string, mdx: boolean): { types: string[]; output: string | undefined } {
  const root = (mdx ? mdxToMdast : markdownToMdast)(text) as { children: { type: string; lang?: string; value?: string }[] };
  return { types: root.children.map((n) => n.type), output: root.children.find((n) => n.type === "code" && n.lang === "output")?.value };
}

describe("npm run snippets -- --update writes outputs that stay text", () => {
  describe.each(DOCS)("from %s", (_name, doc) => {
    it.each(PROBES)("%s", (_probe, output) => {
      const first = update(doc, output);
      expect(first.updated).toBe(1);
      expect(first.refused).toEqual([]);
      // Read back by Daybook: the same output, no problem, and a second update changes nothing.
      const { snippets, problems } = extractSnippets("f.mdx", first.text);
      expect(problems).toEqual([]);
      expect(snippets).toHaveLength(1);
      expect(snippets[0]!.output?.text).toBe(output);
      expect(update(first.text, output)).toEqual({ text: first.text, updated: 0, refused: [] });
      // Read by MDX and by Markdown: a paragraph, the code, the output as one code block, the paragraph after.
      for (const mdx of [true, false]) {
        expect(parsed(first.text, mdx)).toEqual({ types: ["paragraph", "code", "code", "paragraph"], output });
      }
      // Every byte outside the output fence is kept, and the fence is one character repeated.
      const head = "Intro.\n\n```ts run\nconsole.log(1);\n```\n\n";
      expect(first.text.startsWith(head) && first.text.endsWith("\n\nAfter.\n")).toBe(true);
      const fence = /^(`{3,}|~{3,})output\n([\s\S]*)\n\1$/.exec(first.text.slice(head.length, -"\n\nAfter.\n".length));
      expect(fence?.[2]).toBe(output);
    });
  });

  it.each([
    ["lengthens both lines of a fence that is too short, keeping its indentation and info", "```ts run\nx\n```\n\n  ```output  extra\nold\n ```  \n", ["```"], "```ts run\nx\n```\n\n  ````output  extra\n```\n ````  \n"],
    ["keeps a fence that is already longer", "```ts run\nx\n```\n\n`````output\nold\n`````\n", ["new"], "```ts run\nx\n```\n\n`````output\nnew\n`````\n"],
    ["keeps the tilde character of a tilde fence", "```ts run\nx\n```\n\n~~~output\nold\n~~~\n", ["~~~ and ```"], "```ts run\nx\n```\n\n~~~~output\n~~~ and ```\n~~~~\n"],
    ["lengthens a fence whose text is current but that a lone \\r line could close", "```ts run\nx\n```\n\n```output\na\r```\n```\n", ["a\r```"], "```ts run\nx\n```\n\n````output\na\r```\n````\n"],
    ["closes a fence that ran to the end of the file", "```ts run\nx\n```\n\n```output\nold\n", ["new"], "```ts run\nx\n```\n\n```output\nnew\n```\n"],
    ["closes an unclosed fence without adding a final newline", "```ts run\nx\n```\n\n```output", ["new"], "```ts run\nx\n```\n\n```output\nnew\n```"],
    ["adds a fence after a last line without a newline, keeping it without one", "```ts run\nx\n```", ["````"], "```ts run\nx\n```\n\n`````output\n````\n`````"],
    ["indents a new fence like its snippet", "  ```ts run\n  x\n  ```\n", ["1"], "  ```ts run\n  x\n  ```\n\n  ```output\n1\n  ```\n"],
  ])("%s", (_name, text, outputs, expected) => {
    expect(update(text, ...outputs).text).toBe(expected);
  });

  it("keeps CRLF line endings and a BOM while lengthening a fence", () => {
    const text = "\uFEFF---\r\ntitle: x\r\n---\r\n\r\n```ts run\r\nx\r\n```\r\n\r\n```output\r\nold\r\n```\r\n\r\nAfter.\r\n";
    expect(update(text, "```\n{x}").text).toBe("\uFEFF---\r\ntitle: x\r\n---\r\n\r\n```ts run\r\nx\r\n```\r\n\r\n````output\r\n```\r\n{x}\r\n````\r\n\r\nAfter.\r\n");
  });

  it("counts each fence it writes, across snippets", () => {
    const text = "```ts run\na\n```\n\n```output\n1\n```\n\n```ts run\nb\n```\n\n```ts run\nc\n```\n\n```output\nold\n```\n";
    const result = update(text, "1", "2", "3");
    expect(result.updated).toBe(2);
    expect(extractSnippets("f.mdx", result.text).snippets.map((s) => s.output?.text)).toEqual(["1", "2", "3"]);
  });

  it.each([
    ["a NUL character", "a\0b", /NUL character/],
    ["half a surrogate pair", "a\uD800b", /half of a UTF-16 surrogate pair/],
  ])("refuses an output with %s, leaves the file as it was and says where", (_name, output, message) => {
    const stale = "```ts run\nx\n```\n\n```output\nold\n```\n";
    expect(update(stale, output)).toEqual({ text: stale, updated: 0, refused: [{ file: "f.mdx", line: 5, message: expect.stringMatching(message), fix: expect.stringContaining("JSON.stringify") }] });
    const missing = "```ts run\nx\n```\n";
    expect(update(missing, output)).toMatchObject({ text: missing, updated: 0, refused: [{ line: 1 }] });
  });

  it("writes CRLF line endings in an output as plain line breaks, which read back equal", () => {
    const result = update("```ts run\nx\n```\n", "a\r\nb");
    expect(result).toMatchObject({ text: "```ts run\nx\n```\n\n```output\na\nb\n```\n", updated: 1, refused: [] });
  });

  it("writes a whole emoji (a surrogate pair) as it is", () => {
    expect(update("```ts run\nx\n```\n", "🙂").text).toBe("```ts run\nx\n```\n\n```output\n🙂\n```\n");
  });
});

describe("inertString (how the build bakes output into an MDX page)", () => {
  it.each(PROBES)("writes %s as a JS string with nothing Markdown or MDX could read", (_probe, output) => {
    for (const text of [output, `\`${output}\``, `${output}\u2028\uD800`]) {
      const literal = inertString(text);
      expect(literal).not.toMatch(/[`{}<>[\]*_~&!$|:\r\n\u2028\u2029]/);
      expect(JSON.parse(literal)).toBe(text);
    }
  });
});
