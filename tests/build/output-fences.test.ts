// `npm run snippets -- --update` on snippets whose output looks like Markdown, MDX or HTML, then a
// real build: the fences it writes keep every output as text, the check passes, the build
// succeeds, and each page shows each output exactly (as text, never as markup).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, cleanEnv, runNode, type BuildResult } from "../helpers/build-site.ts";
import { read } from "../helpers/html.ts";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";

/** Each snippet prints `output`; `code` builds it without a run of three backticks in the code fence. */
const PROBES: { code: string; output: string }[] = [
  { code: 'console.log(`${tick.repeat(3)}\\nnot code\\n${tick.repeat(3)}`);', output: "```\nnot code\n```" },
  { code: 'console.log(`${tick.repeat(4)}\\n${tick}{x}${tick} and {x}\\n${tick.repeat(5)}`);', output: "````\n`{x}` and {x}\n`````" },
  { code: 'console.log(`${tick}{x}`);', output: "`{x}" },
  { code: 'console.log("<script>alert(1)</script>\\n</code></pre>");', output: "<script>alert(1)</script>\n</code></pre>" },
  { code: 'console.log("---\\ntitle: x\\n---\\nimport x from \\"y\\"\\nexport const a = 1;");', output: '---\ntitle: x\n---\nimport x from "y"\nexport const a = 1;' },
  { code: 'console.log(`a\\rb\\r${tick.repeat(3)}\\r{x}`);', output: "a\rb\r```\r{x}" },
  { code: 'console.log("~~~\\n~~~~\\n<!-- c --> &amp; \\\\{ {/* c */}");', output: "~~~\n~~~~\n<!-- c --> &amp; \\{ {/* c */}" },
];

const entry = (day: number, fences: (i: number) => string) =>
  `---\ntitle: "Markup-like output ${day}"\nday: ${day}\ndate: 2026-02-0${day}\ntags: [queues]\nsummary: "Outputs that must stay text."\n---\n\nIntro.\n\n` +
  PROBES.map((p, i) => `\`\`\`ts run\nconst tick = "\`";\n${p.code}\n\`\`\`\n\n${fences(i)}`).join("") +
  `After the snippets.\n`;

/** The text of each baked output panel, decoded as a browser would read it. */
function bakedOutputs(html: string): string[] {
  const decode = (s: string) => s.replace(/&(lt|gt|quot|amp|#39|#10|#13);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&", "#39": "'", "#10": "\n", "#13": "\r" })[e]!);
  return [...html.matchAll(/<pre class="snippet-output-text"[^>]*><code>([^<]*)<\/code><\/pre>/g)].map((m) => decode(m[1]!));
}

describe("output fences written by --update, then built", () => {
  const content = mkdtempSync(path.join(tmpdir(), "daybook-fences-"));
  const files = { mdx: "days/004-markup-output.mdx", md: "days/005-markup-output.md" };
  const env = { ...cleanEnv(), DAYBOOK_CONTENT: content, DAYBOOK_CACHE: path.join(content, ".cache"), DAYBOOK_TODAY: "2026-11-23", FORCE_COLOR: "0" };
  let updated: { code: number; output: string };
  let again: { code: number; output: string };
  let check: { code: number; output: string };
  let build: BuildResult;

  beforeAll(async () => {
    cpSync("tests/fixtures/basic", content, { recursive: true });
    // Half the fences are stale, half are missing; the .md entry is the same in plain Markdown.
    writeFileSync(path.join(content, files.mdx), entry(4, (i) => (i % 2 ? "" : "```output\nstale\n```\n\n")));
    writeFileSync(path.join(content, files.md), entry(5, (i) => (i % 2 ? "~~~output\nstale\n~~~\n\n" : "")));
    updated = await runNode(["scripts/snippets.ts", "--update"], env);
    again = await runNode(["scripts/snippets.ts", "--update"], env);
    check = await runNode(["scripts/snippets.ts"], env);
    build = await buildSite({ content });
  });

  it("updates every fence once, with one summary line, and then finds them all up to date", () => {
    expect(updated.code, updated.output).toBe(0);
    expect(updated.output).toMatch(/^updated 14 output fences in 2 files \(.*004-markup-output\.mdx, .*005-markup-output\.md\); review the diff before committing; 16 snippets type-check, run and match their output \(\d+ run, \d+ from cache\)\.\n$/);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/^all output fences are up to date; 16 snippets type-check/);
    expect(check.code, check.output).toBe(0);
  });

  it("writes fences that read back as exactly the output", () => {
    for (const file of Object.values(files)) {
      const { snippets, problems } = extractSnippets(file, readFileSync(path.join(content, file), "utf8"));
      expect(problems).toEqual([]);
      expect(snippets.map((s) => s.output?.text)).toEqual(PROBES.map((p) => p.output));
    }
  });

  it("builds, and each page shows every output as text", () => {
    expect(build.code, build.output).toBe(0);
    for (const page of ["day/4/index.html", "day/5/index.html"]) {
      const html = read(build.outDir, page);
      expect(bakedOutputs(html)).toEqual(PROBES.map((p) => p.output));
      // Only inside attribute values (the code in data-js), never as an element.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toContain("<script>alert(1)</script>");
      expect(html).toContain("After the snippets.");
    }
  });
});
