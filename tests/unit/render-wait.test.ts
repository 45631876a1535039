import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { waitBeforeRendering } from "../../src/integration/markdown/render-wait.ts";
import { wrapRenderCalls } from "../../src/integration/markdown/renderer-wrap.ts";

/** A processor as Astro's Markdown processor makes renderers: each render records its file. */
function recordingProcessor(done: string[]) {
  return {
    createRenderer: async () => ({ render: async (_body: string, options: { fileURL?: URL }) => done.push(options.fileURL ? `md ${path.basename(options.fileURL.pathname)}` : "md ?") }),
    createMdxRenderer: async () => ({ process: async (_content: string, id: string) => done.push(`mdx ${path.basename(id)}`) }),
  };
}

/** A check that settles when told to. */
function pendingCheck() {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { settled: () => settled, settle };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("renders waiting for the snippet check", () => {
  const journal = "/journal";
  const entry = path.join(journal, "days/001-first.mdx");
  const markdownEntry = path.join(journal, "days/002-second.md");
  const tag = path.join(journal, "tags/retries.md");
  const isEntry = (file: string) => file === entry || file === markdownEntry;

  it("holds an entry's Markdown and MDX renders until the check settles, and lets other files render at once", async () => {
    const done: string[] = [];
    const processor = recordingProcessor(done);
    const check = pendingCheck();
    waitBeforeRendering(processor, check.settled, isEntry);
    const markdown = await processor.createRenderer();
    const mdx = await processor.createMdxRenderer();
    const renders = [
      mdx.process("", entry),
      markdown.render("", { fileURL: pathToFileURL(markdownEntry) }),
      markdown.render("", { fileURL: pathToFileURL(tag) }),
    ];
    await tick();
    expect(done).toEqual(["md retries.md"]);
    check.settle();
    await Promise.all(renders);
    expect(done.slice(1).sort()).toEqual(["md 002-second.md", "mdx 001-first.mdx"]);
  });

  it("holds a render whose file it cannot tell", async () => {
    const done: string[] = [];
    const processor = recordingProcessor(done);
    const check = pendingCheck();
    waitBeforeRendering(processor, check.settled, () => false);
    const markdown = await processor.createRenderer();
    const render = markdown.render("", {});
    await tick();
    expect(done).toEqual([]);
    check.settle();
    await render;
    expect(done).toEqual(["md ?"]);
  });

  it("waits before a render wrapper applied earlier reads the registry (the MDX cache's key)", async () => {
    const done: string[] = [];
    const processor = recordingProcessor(done);
    const check = pendingCheck();
    const readAt: string[] = [];
    wrapRenderCalls(processor, "createMdxRenderer", "process", async (call, args) => {
      readAt.push(`read with ${done.length} renders done`);
      return call(...args);
    });
    let settledYet = false;
    waitBeforeRendering(processor, () => check.settled().then(() => void (settledYet = true)), isEntry);
    const mdx = await processor.createMdxRenderer();
    const render = mdx.process("", entry);
    await tick();
    expect(readAt).toEqual([]);
    check.settle();
    await render;
    expect(settledYet).toBe(true);
    expect(readAt).toEqual(["read with 0 renders done"]);
    expect(done).toEqual(["mdx 001-first.mdx"]);
  });
});
