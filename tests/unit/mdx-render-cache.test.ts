// The build's cache of compiled MDX entries (src/integration/markdown/mdx-render-cache.ts): an
// entry is compiled again whenever anything its module is made from changes, and only then.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { cacheMdxRenders, MDX_PACK } from "../../src/integration/markdown/mdx-render-cache.ts";
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
  // The pack holds the modules of the last build alone.
  expect((await build()).compiled, "back to the first run, after a build that ran it otherwise").toBe(true);
  expect((await build()).compiled, "the same run again").toBe(false);
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

test("keeps every compiled entry in one file, reuses what survives of a pack cut short, and removes anything else in its folder", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-mdx-cache-"));
  const folder = path.join(work, "cache");
  const entries = ["001", "002", "003"].map((day) => path.join(work, `days/${day}.mdx`));
  /** One build of the three entries: which were compiled. */
  const build = async () => {
    const { processor, compiles } = fakeProcessor({});
    const cache = cacheMdxRenders(processor, { root: work, folder, fingerprint: "f1" });
    const renderer = await processor.createMdxRenderer();
    const codes = [];
    for (const entry of entries) codes.push((await renderer.process(`${ENTRY}${entry}\n`, entry, {})).code);
    await cache.prune();
    return { compiles: compiles.map((id) => path.basename(id)), codes };
  };

  // A file an earlier Daybook kept per entry, and a partial write, are gone after a build.
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "0123abcd.json"), "{}");
  writeFileSync(path.join(folder, `${MDX_PACK}.1-0-0.partial`), "half");
  const first = await build();
  expect(first.compiles).toEqual(["001.mdx", "002.mdx", "003.mdx"]);
  expect(readdirSync(folder)).toEqual([MDX_PACK]);
  expect(readFileSync(path.join(folder, MDX_PACK), "utf8").split("\n")).toHaveLength(4);

  const again = await build();
  expect(again).toEqual({ compiles: [], codes: first.codes });

  // A pack cut short (a disk that filled up): the entries whose lines are whole are reused.
  const pack = readFileSync(path.join(folder, MDX_PACK), "utf8");
  writeFileSync(path.join(folder, MDX_PACK), pack.slice(0, pack.lastIndexOf("\n", pack.length - 2) + 20));
  const cut = await build();
  expect(cut.compiles).toEqual(["003.mdx"]);
  expect(cut.codes).toEqual(first.codes);
  expect(readFileSync(path.join(folder, MDX_PACK), "utf8")).toBe(pack);
});

test("leaves the pack as it is when a build reused every module in it, and writes it when one changed", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-mdx-cache-"));
  const folder = path.join(work, "cache");
  const packFile = path.join(folder, MDX_PACK);
  const build = async (text: string) => {
    const { processor } = fakeProcessor({});
    const cache = cacheMdxRenders(processor, { root: work, folder, fingerprint: "f1" });
    const renderer = await processor.createMdxRenderer();
    for (const day of ["001", "002"]) await renderer.process(`${text}${day}\n`, path.join(work, `days/${day}.mdx`), {});
    await cache.prune();
  };
  await build(ENTRY);
  // Marked as written long ago: a rewrite would give it the time of now.
  const long = new Date(2000, 0, 1);
  utimesSync(packFile, long, long);
  await build(ENTRY);
  expect(statSync(packFile).mtimeMs).toBe(long.getTime());
  await build(`${ENTRY}More.\n`);
  expect(statSync(packFile).mtimeMs).toBeGreaterThan(long.getTime());
});
