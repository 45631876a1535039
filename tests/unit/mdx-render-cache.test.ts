// The build's cache of compiled MDX entries (src/integration/markdown/mdx-render-cache.ts): an
// entry is compiled again whenever anything its module is made from changes, and only then.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { cacheMdxRenders } from "../../src/integration/markdown/mdx-render-cache.ts";
import { registerRuns } from "../../src/integration/snippets/snippet-registry.ts";
import type { SnippetRun } from "../../src/integration/snippets/snippet-check.ts";

const SNIPPET = "const total: number = 1 + 1;\nconsole.log(total);";
const ENTRY = `Some prose.\n\n\`\`\`ts run\n${SNIPPET}\n\`\`\`\n`;

/** A processor like Astro's, whose MDX renderer counts its compiles and says what it compiled from. */
function fakeProcessor(options: Record<string, unknown>) {
  const compiles: string[] = [];
  const processor = {
    options,
    async createMdxRenderer() {
      return {
        async process(content: string, id: string, frontmatter: unknown) {
          compiles.push(id);
          return { code: `/* ${id} ${JSON.stringify(frontmatter)} */ ${JSON.stringify(content)}`, map: null, astroMetadata: { propagation: "none", scripts: [] } };
        },
      };
    },
  };
  return { processor, compiles };
}

const run = (output: string): SnippetRun => ({ snippet: { file: "x.mdx", line: 3, code: SNIPPET, meta: { timeout: 2000, throws: false }, closeIndex: 6 }, js: "js", result: { output, error: undefined } as unknown as SnippetRun["result"] });

test("reuses a compiled entry only while its text, path, frontmatter, runs, processor options and fingerprint are the same", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-mdx-cache-"));
  const root = path.join(work, "site");
  const contentRoot = path.join(root, "content");
  mkdirSync(path.join(contentRoot, "days"), { recursive: true });
  const folder = path.join(work, "cache");
  const entry = path.join(contentRoot, "days/001.mdx");
  registerRuns([run("2\n")]);

  /** One build: compiles `entry` as Vite would, and says whether it was compiled (false: reused) and what it got. */
  const build = async (change: { content?: string; id?: string; frontmatter?: unknown; options?: Record<string, unknown>; fingerprint?: string } = {}) => {
    const { processor, compiles } = fakeProcessor(change.options ?? { daybookMarkdown: "a", published: { digest: "1" } });
    const cache = cacheMdxRenders(processor, { root, folder, fingerprint: change.fingerprint ?? "f1" });
    const renderer = await processor.createMdxRenderer();
    const compiled = await renderer.process(change.content ?? ENTRY, change.id ?? entry, change.frontmatter ?? { title: "One" });
    await cache.flush();
    expect(cache.counts()).toEqual(compiles.length ? { compiled: 1, reused: 0 } : { compiled: 0, reused: 1 });
    return { compiled: compiles.length === 1, code: compiled.code, prune: () => cache.prune() };
  };

  const first = await build();
  expect(first.compiled).toBe(true);
  const again = await build();
  expect(again).toMatchObject({ compiled: false, code: first.code });

  expect((await build({ content: `${ENTRY}More.\n` })).compiled, "the text").toBe(true);
  expect((await build({ id: path.join(contentRoot, "days/002.mdx") })).compiled, "the path").toBe(true);
  expect((await build({ frontmatter: { title: "Two" } })).compiled, "the frontmatter").toBe(true);
  expect((await build({ options: { daybookMarkdown: "b", published: { digest: "1" } } })).compiled, "the Markdown plugins").toBe(true);
  expect((await build({ options: { daybookMarkdown: "a", published: { digest: "2" } } })).compiled, "the link targets").toBe(true);
  expect((await build({ fingerprint: "f2" })).compiled, "Daybook's source or the settings").toBe(true);
  registerRuns([run("3\n")]);
  expect((await build()).compiled, "a snippet's run").toBe(true);
  registerRuns([run("2\n")]);
  expect((await build()).compiled, "back to the first run").toBe(false);
  // A new file (a new entry, a picture) recompiles nothing: an entry's links and images to files
  // that exist are published as written, and one to a missing file stops the build earlier.
  writeFileSync(path.join(contentRoot, "days/002.mdx"), ENTRY);
  expect((await build()).compiled, "a new file").toBe(false);

  // Pruning keeps exactly what the last build used.
  const last = await build();
  expect(last.compiled).toBe(false);
  await last.prune();
  expect(readdirSync(folder)).toHaveLength(1);
  expect((await build()).compiled).toBe(false);
});

test("a compiled module that cannot be written fails the build when it waits for the writes, and nothing is left half-written", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-mdx-cache-"));
  // The cache folder's place is taken by a file: every write fails.
  const folder = path.join(work, "cache");
  writeFileSync(folder, "not a folder");
  const { processor, compiles } = fakeProcessor({});
  const cache = cacheMdxRenders(processor, { root: work, folder, fingerprint: "f1" });
  const renderer = await processor.createMdxRenderer();
  // The compile itself is not held up by the write.
  const compiled = await renderer.process(ENTRY, path.join(work, "001.mdx"), {});
  expect(compiled.code).toContain("001.mdx");
  expect(compiles).toHaveLength(1);
  await expect(cache.flush()).rejects.toThrow(/cache/);
  await expect(cache.prune()).rejects.toThrow(/cache/);
  expect(readdirSync(work)).toEqual(["cache"]);
});
