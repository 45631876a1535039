/**
 * One output everywhere. Every snippet of the parity journal (tests/fixtures/parity) prints, byte
 * for byte, what its ```output fence says: at build, in a machine set to German in New York; after
 * Run in Chromium, in French in Tokyo; and in plain Node (UTC, en-US, no Daybook runtime), except
 * where a documented reason (tests/helpers/node-differences.ts) says what may differ and why.
 * The fences were written by `npm run snippets -- --update` and reviewed by eye.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { extractSnippets } from "../../src/integration/snippets/snippet-extract.ts";
import { lineDiff } from "../../src/integration/snippets/text-diff.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { buildSite, ROOT, type BuildResult } from "../helpers/build-site.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { compareWithNode, NODE_REASONS, type NodeReasonName } from "../helpers/node-differences.ts";
import { runInPlainNode } from "../helpers/plain-node.ts";
import { recordErrors } from "../helpers/sample-site-session.ts";
import { serveStatic, type StaticSite } from "../helpers/static-server.ts";

const FIXTURE = "tests/fixtures/parity";
/**
 * Neither English nor UTC, and a zone with summer time, for the build process. The snippet hosts
 * start with an empty environment, so snippet code sees the machine's defaults, not these.
 */
const BUILD_ENV = { TZ: "America/New_York", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" };
/** Another language and zone again for the reader; Chromium's own language as well as the page's. */
const BROWSER = { args: ["--lang=fr-FR"], context: { locale: "fr-FR", timezoneId: "Asia/Tokyo" } };
/** What the runtime pins to, so plain Node can agree with it. */
const NODE_ENV = { TZ: "UTC", LANG: "en_US.UTF-8" };

/** Snippets (by title) that print something else in plain Node, and the documented reasons why; every other snippet must match exactly. */
const NODE_DIFFERS: Record<string, NodeReasonName[]> = {
  "Logging errors shows snippet lines": ["stack format"],
  "console.trace": ["stack format"],
  "Promise combinators": ["stack format"],
  "An uncaught error with a cause chain": ["error line format"],
  "An uncaught AggregateError": ["error line format"],
  "Throwing a string": ["error line format"],
  "Rejecting with an object": ["error line format"],
  "An unhandled rejection": ["error line format"],
  "Warnings from count and time": ["process warnings"],
  "time, timeLog and timeEnd": ["virtual time"],
  "Virtual time: Date and performance.now": ["virtual time"],
  "The current date in the reader's locale": ["virtual time"],
  "Zero and one millisecond timers": ["Node's timer clamp"],
  Intervals: ["real timers under load"],
  "Seeded Math.random and crypto": ["seeded random"],
};

interface FixtureSnippet {
  day: number;
  file: string;
  title: string;
  code: string;
  fence: string;
  throws: boolean;
}

function fixtureSnippets(): FixtureSnippet[] {
  const dir = path.join(FIXTURE, "days");
  return readdirSync(path.join(ROOT, dir))
    .sort()
    .flatMap((name) => {
      const file = `${dir}/${name}`;
      const text = readFileSync(path.join(ROOT, file), "utf8");
      const day = Number(/^day: (\d+)$/m.exec(text)![1]);
      return extractSnippets(file, text).snippets.map((s) => ({ day, file: `${file}:${s.line}`, title: s.meta.title ?? "", code: s.code, fence: s.output?.text ?? "(no output fence)", throws: s.meta.throws }));
    });
}

const SNIPPETS = fixtureSnippets();
const label = (s: FixtureSnippet) => `"${s.title}" (${s.file})`;
/** Invisible and look-alike spaces as escapes, so a diff between U+0020 and U+2009 can be read. */
const visible = (text: string) => text.replace(/[\u00a0\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/g, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
const showDiff = (expected: string, actual: string) => lineDiff(visible(expected), visible(actual));
const diffReport = (what: string, rows: { snippet: FixtureSnippet; expected: string; actual: string }[]) =>
  rows.map(({ snippet, expected, actual }) => `${label(snippet)}, ${what}:\n${showDiff(expected, actual)}`).join("\n\n");

/** Filled in as the tests run, for the summary. */
const tally = { chromium: undefined as number | undefined, node: undefined as number | undefined, documented: 0 };

afterAll(() => {
  const m = SNIPPETS.length;
  const show = (n: number | undefined) => (n === undefined ? `?/${m} (not run)` : `${n}/${m}`);
  console.log(`parity: build = Chromium for ${show(tally.chromium)} snippets; build = Node for ${show(tally.node)} (${tally.documented} documented differences)`);
});

test("the parity journal covers enough, names each snippet once, and documents differences only for snippets it has", () => {
  expect(SNIPPETS.length).toBeGreaterThanOrEqual(45);
  const titles = SNIPPETS.map((s) => s.title);
  expect(titles.filter((t, i) => !t || titles.indexOf(t) !== i)).toEqual([]);
  expect(Object.keys(NODE_DIFFERS).filter((t) => !titles.includes(t))).toEqual([]);
  expect(SNIPPETS.filter((s) => s.fence === "(no output fence)").map(label)).toEqual([]);
  for (const reasons of Object.values(NODE_DIFFERS)) for (const r of reasons) expect(NODE_REASONS[r].why).toBeTruthy();
});

describe("plain Node (TZ=UTC, LANG=en_US.UTF-8) prints what the build printed", () => {
  test("every snippet, except for documented reasons", async () => {
    const runs = await mapLimit(SNIPPETS, 4, (s) => runInPlainNode(transpileSnippet(s.code), { env: NODE_ENV, timeoutMs: 60_000 }));
    const failures: string[] = [];
    let agree = 0;
    SNIPPETS.forEach((snippet, i) => {
      const run = runs[i]!;
      const reasons = NODE_DIFFERS[snippet.title] ?? [];
      // The fence is the build's output: the build below fails if they differ.
      const { problem, normalised } = compareWithNode(snippet.fence, run.timedOut ? `${run.output}\n(plain Node timed out)` : run.output, reasons);
      if (!problem) {
        agree++;
        return;
      }
      const diff = normalised.build === normalised.node ? "" : `\n${showDiff(normalised.build, normalised.node)}`;
      failures.push(`${label(snippet)}: ${problem}${reasons.length ? " (after normalising both)" : ""}${diff}`);
    });
    tally.node = agree;
    tally.documented = SNIPPETS.filter((s) => NODE_DIFFERS[s.title]).length;
    expect(failures.length, `Node differs from the build (- build, + Node):\n\n${failures.join("\n\n")}`).toBe(0);
  }, 300_000);
});

describe("the build (German, New York) and Run in Chromium (French, Tokyo)", () => {
  let build: BuildResult;
  let site: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    build = await buildSite({ content: FIXTURE, env: BUILD_ENV });
    expect(build.code, build.output).toBe(0);
    site = await serveStatic(build.outDir);
    browser = await launchChromium(BROWSER.args);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  interface PageRun {
    snippet: FixtureSnippet;
    baked: string;
    fresh: string;
    status: string;
  }
  let runs: Promise<{ runs: PageRun[]; errors: string[]; environment: unknown[] }> | undefined;

  /** Opens each entry and presses Run on each snippet in turn, reading the baked output first. */
  function runAll() {
    runs ??= (async () => {
      const context = await browser.newContext(BROWSER.context);
      const errors: string[] = [];
      const results: PageRun[] = [];
      let environment: unknown[] = [];
      try {
        for (const day of [...new Set(SNIPPETS.map((s) => s.day))]) {
          const page = recordErrors(await context.newPage(), errors);
          await page.goto(`${site.url}day/${day}/`);
          environment = await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().locale, Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(0).getTimezoneOffset()]);
          const onPage = SNIPPETS.filter((s) => s.day === day);
          const elements = page.locator("daybook-snippet");
          expect(await elements.count(), `day ${day}`).toBe(onPage.length);
          for (const [i, snippet] of onPage.entries()) {
            const element = elements.nth(i);
            const output = element.locator(".snippet-output-text");
            const status = element.locator(".snippet-status");
            const baked = (await output.textContent()) ?? "";
            await element.locator("[data-action=run]").click();
            await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^(Ran|Failed|Stopped|Not run|Could not|Run isn't)/);
            results.push({ snippet, baked, fresh: (await output.textContent()) ?? "", status: (await status.textContent()) ?? "" });
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
      return { runs: results, errors, environment };
    })();
    return runs;
  }

  test("Chromium really is French and in Tokyo", async () => {
    const { environment } = await runAll();
    expect(environment).toEqual(["fr-FR", "fr-FR", "Asia/Tokyo", -540]);
  }, 600_000);

  test("each page shows its fence's output, baked at build", async () => {
    const { runs } = await runAll();
    const wrong = runs.filter((r) => r.baked !== r.snippet.fence).map((r) => ({ snippet: r.snippet, expected: r.snippet.fence, actual: r.baked }));
    expect(wrong.length, `baked output differs from the fence (- fence, + page):\n\n${diffReport("page", wrong)}`).toBe(0);
  }, 600_000);

  test("Run in Chromium prints the baked output and the fence, byte for byte", async () => {
    const { runs, errors } = await runAll();
    const wrong = runs.filter((r) => r.fresh !== r.baked || r.fresh !== r.snippet.fence);
    tally.chromium = runs.length - wrong.length;
    const report = diffReport("after Run in Chromium", wrong.map((r) => ({ snippet: r.snippet, expected: r.snippet.fence, actual: r.fresh })));
    expect(wrong.length, `Chromium differs from the build (- build, + Chromium):\n\n${report}`).toBe(0);
    const statuses = runs.filter((r) => !new RegExp(`^${r.snippet.throws ? "Failed" : "Ran"} in \\d+ ms$`).test(r.status));
    expect(statuses.map((r) => `${label(r.snippet)}: ${r.status}`)).toEqual([]);
    expect(runs).toHaveLength(SNIPPETS.length);
    expect(errors).toEqual([]);
  }, 600_000);
});

/** `fn` over `items` with at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
