/**
 * One output everywhere: the same probes run as snippets in a build's snippet host and in the
 * real sandbox worker in Chromium (through a sample page's own Run), and their outputs must match
 * byte for byte: the set of globals, the Web APIs' behaviour, messages and printing, and the bits
 * of the Math functions on a few thousand seeded inputs.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SnippetPool } from "../../src/integration/snippets/snippet-pool.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { API_PROBES, GLOBALS_PROBE, mathProbe } from "../helpers/realm-probes.ts";
import { useSampleSite } from "../helpers/sample-site-session.ts";
import { pageEvaluate, runSnippetAt } from "../helpers/snippet-runs.ts";

/** Generous limits: a probe is never stopped for being slow, on any machine. */
const TIMEOUT_MS = 30_000;

describe("the realm at build and in Chromium", () => {
  const session = useSampleSite();
  const pool = new SnippetPool({ size: 1 });
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await session.browser.newContext();
    page = await context.newPage();
    await page.goto(`${session.site.url}day/16/`);
  });
  afterAll(async () => {
    await context?.close();
    pool.close();
  });

  async function both(code: string): Promise<{ build: string; browser: string }> {
    const js = transpileSnippet(code);
    const build = (await pool.run(js, TIMEOUT_MS)).output;
    const browser = (await runSnippetAt(pageEvaluate(page), 0, js, TIMEOUT_MS)).output;
    return { build, browser };
  }

  test("the same globals, defined the same way, and none of the worker's own", async () => {
    const { build, browser } = await both(GLOBALS_PROBE);
    // Chromium's worker global inherits two constants of the old FileSystem API that no one can delete (WebIDL constants are not configurable).
    const undeletable = /^(PERSISTENT|TEMPORARY) number inherited$/m;
    expect(browser.split("\n").filter((line) => undeletable.test(line))).toEqual(["PERSISTENT number inherited", "TEMPORARY number inherited"]);
    expect(browser.split("\n").filter((line) => !undeletable.test(line)).join("\n")).toBe(build);
    expect(build).not.toMatch(/^present:/m);
    expect(build).toMatch(/^fetch function /m);
    expect(build).toMatch(/^MessageChannel function /m);
    expect(build).toMatch(/^crypto object /m);
  });

  test("Math functions give the same bits on a few thousand seeded inputs", async () => {
    const { build, browser } = await both(mathProbe(400));
    expect(build.split("\n")).toHaveLength(26);
    expect(browser).toBe(build);
  });

  test.each(Object.keys(API_PROBES))("%s behaves and prints the same", async (name) => {
    const { build, browser } = await both(API_PROBES[name]!);
    expect(build).not.toMatch(/snippet never finished|interfered|stopped/);
    expect(browser).toBe(build);
  });
});
