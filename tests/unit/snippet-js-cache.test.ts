// A warm snippet check takes each snippet's JavaScript from the cache instead of transpiling it
// again; the JavaScript is keyed by the code and the runtime's fingerprint, and code that does
// not transpile is never remembered, so its syntax error is reported on every check.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const entry = (code: string, output: string) => ({ path: "content/days/001-x.mdx", text: `# X\n\n\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n` });
const CODE = "const n: number = 6 * 7;\nconsole.log(n);";

test("a warm check reuses the cached JavaScript, which is the transpiler's, and never caches a syntax error", async () => {
  const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-js-cache-")), "snippets.json");
  const cold = await checkSnippets([entry(CODE, "42")], { root: ROOT, cacheFile });
  expect(cold.problems).toEqual([]);
  expect(cold.runs[0]!.js).toBe(transpileSnippet(CODE));
  const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, { js?: string }>;
  const jsKeys = Object.keys(stored).filter((k) => k.startsWith("js:"));
  expect(jsKeys).toHaveLength(1);
  expect(stored[jsKeys[0]!]!.js).toBe(transpileSnippet(CODE));

  // The warm check reads the JavaScript from the cache: a marked copy there is what it uses.
  stored[jsKeys[0]!]!.js = `${transpileSnippet(CODE)}\n// from the cache`;
  writeFileSync(cacheFile, JSON.stringify(stored));
  const warm = await checkSnippets([entry(CODE, "42")], { root: ROOT, cacheFile });
  expect(warm.runs[0]!.js).toContain("// from the cache");

  const broken = "const n = ;";
  for (let i = 0; i < 2; i++) {
    const report = await checkSnippets([entry(broken, "")], { root: ROOT, cacheFile });
    expect(report.problems.map((p) => p.message).join("\n")).toMatch(/syntax error in a runnable snippet|type error/);
  }
  expect(Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")) as object).filter((k) => k.startsWith("js:"))).toHaveLength(0);
}, 120_000);
