// The golden queries: what a reader types and which page must come first, on the real Pagefind
// index of the sample journal's build. Queries name stable concepts (entry titles and topics),
// never sample prose; code queries take their expected day from the sample's own snippet code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";

/** [query, the paths that may come first]: one path for a query with one right answer. */
const GOLDEN: [string, string[]][] = [
  ["idempotency", ["/day/2/"]],
  ["idempotency key", ["/day/2/"]],
  ["arrives twice", ["/day/2/"]],
  ["timeouts", ["/day/3/"]],
  ["jitter", ["/day/4/"]],
  ["exponential backoff", ["/day/4/"]],
  ["retry storm", ["/day/4/"]],
  ["circuit breaker", ["/day/5/"]],
  ["half-open", ["/day/5/"]],
  ["partial writes", ["/day/6/"]],
  ["write skew", ["/day/7/"]],
  ["isolation levels", ["/day/7/"]],
  ["query plans", ["/day/8/"]],
  ["B-trees", ["/day/8/"]],
  ["utilisation", ["/day/9/"]],
  ["load shedding", ["/day/10/"]],
  ["outbox", ["/day/11/"]],
  ["at-least-once delivery", ["/day/11/"]],
  ["cache-aside", ["/day/12/"]],
  ["replication lag", ["/day/13/"]],
  ["read your own writes", ["/day/13/"]],
  ["Amdahl", ["/day/14/"]],
  ["power of two choices", ["/day/15/"]],
  ["least connections", ["/day/15/"]],
  ["two-phase commit", ["/day/16/"]],
  ["presumed abort", ["/day/16/", "/tags/two-phase-commit/"]],
  ["sagas", ["/day/17/"]],
  ["distributed monolith", ["/day/18/"]],
  ["CORS", ["/day/19/"]],
  ["security basics", ["/day/20/"]],
  // Typos: Pagefind falls back to the longest indexed word that starts the query word.
  ["idempotncy", ["/day/2/"]],
  ["replicaton lag", ["/day/13/"]],
  // Aliases from content/tags: "2pc" is Two-phase commit, "read replicas" is Replication.
  ["2pc", ["/day/16/", "/day/17/", "/tags/two-phase-commit/"]],
  ["read replicas", ["/day/13/", "/tags/replication/"]],
];

/** Words that are in no entry: the answer is "No results" and the closest tags, never pages with a variable `k` or `x`. */
const NO_RESULTS = ["kubernetes", "xyzzy", "zookeeper", "akka", "quorum"];

/** Identifiers that appear only in snippet code; the expected days are read from the sample's `ts` fences. */
const IDENTIFIERS = ["createSim", "createLocks", "cooldownMs", "seqPageCost", "getCoalesced", "undoWithRetry", "guessesPerSecond", "whereParam"];

function samplePages(): { day: number; code: string; output: string; text: string }[] {
  const dir = "content/days";
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => {
      const text = readFileSync(path.join(dir, f), "utf8");
      const draft = /^draft:\s*true/m.test(text);
      return { day: draft ? -1 : Number(/^day:\s*(\d+)/m.exec(text)![1]), code: [...text.matchAll(/```ts[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n"), output: [...text.matchAll(/```output[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n"), text };
    })
    .filter((p) => p.day > 0);
}

/** An entry's frontmatter, lower-cased: its title and summary are shown on the home, archive and tag pages too. */
const frontmatter = (text: string) => (text.split(/^---$/m)[1] ?? "").toLowerCase();

/** A word of five or more letters that only one entry's output fence has: baked output must be searchable too. */
function outputOnlyWord(pages: ReturnType<typeof samplePages>): [string, number] | undefined {
  // Tag pages are searchable too: a word a tag's description uses is not only in that output.
  const tagText = readdirSync("content/tags")
    .map((f) => readFileSync(path.join("content/tags", f), "utf8").toLowerCase())
    .join("\n");
  const candidates = pages.flatMap((p) => [...new Set(p.output.match(/\b[a-z]{5,}\b/g) ?? [])].map((w) => [w, p.day] as [string, number]));
  return candidates
    .sort(([a], [b]) => a.localeCompare(b))
    .find(([word, day]) => pages.filter((p) => p.text.toLowerCase().includes(word)).length === 1 && pages.every((p) => !p.code.toLowerCase().includes(word)) && !tagText.includes(word) && !frontmatter(pages.find((p) => p.day === day)!.text).includes(word));
}

describe("search answers the golden queries on the sample journal", () => {
  const session = useSampleSite();
  const errors: string[] = [];
  let page: Page;
  let cdp: CDPSession;
  let bytes = 0;

  beforeAll(async () => {
    page = recordErrors(await session.browser.newPage(), errors);
    // Bytes as Chromium's network layer counts them (the test server does not compress, and Pagefind's files are gzip already).
    cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    cdp.on("Network.loadingFinished", (event) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(session.site.url);
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog[open] input[type=search]").waitFor();
  });

  /** Types a query; the result paths in order, and the status sentence. */
  async function search(query: string): Promise<{ paths: string[]; status: string; tags: string[] }> {
    await page.locator("dialog.search-dialog input[type=search]").fill(query);
    const status = page.locator("dialog.search-dialog .search-status");
    const quoted = `“${query}”`;
    await expect.poll(async () => (await status.textContent())?.includes(quoted), { timeout: 60_000 }).toBe(true);
    const paths = await page.locator("dialog.search-dialog .search-results a.search-result-title").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const tags = await page.locator("dialog.search-dialog .search-suggest a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return { paths, status: (await status.textContent())!, tags };
  }

  it.each(GOLDEN)("“%s” finds %j first", async (query, expected) => {
    const { paths } = await search(query);
    expect(expected, `results: ${paths.join(", ")}`).toContain(paths[0]);
  });

  it.each(NO_RESULTS)("“%s” says No results and offers the closest tags", async (query) => {
    const { paths, status, tags } = await search(query);
    expect(paths).toEqual([]);
    expect(status).toMatch(new RegExp(`^No results for “${query}”`));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
  });

  it("offers the tag a misspelt topic is closest to", async () => {
    const { tags } = await search("bakpresure xyzzy");
    expect(tags[0]).toBe("/tags/backpressure/");
  });

  it("drops a word no entry has and answers for the others", async () => {
    const { paths, status } = await search("akka outbox");
    expect(paths[0]).toBe("/day/11/");
    expect(status).toContain("No day mentions “akka”");
  });

  it.each(IDENTIFIERS)("finds the snippet code identifier %s", async (identifier) => {
    const days = samplePages()
      .filter((p) => p.code.includes(identifier))
      .map((p) => `/day/${p.day}/`);
    expect(days, `${identifier} is no longer in any snippet of the sample journal: pick another identifier`).not.toEqual([]);
    const { paths } = await search(identifier);
    expect(days, `results: ${paths.join(", ")}`).toContain(paths[0]);
  });

  it("finds a word that only a snippet's baked output has", async () => {
    const found = outputOnlyWord(samplePages());
    expect(found, "no word of five letters is unique to one entry's output").toBeDefined();
    const [word, day] = found!;
    // Among the results (a page using another form of the word, which the index stems alike, may rank above it).
    expect((await search(word)).paths, word).toContain(`/day/${day}/`);
  });

  it("excerpts hold the entry's text, not its date or reading time", async () => {
    await search("jitter");
    const excerpts = await page.locator("dialog.search-dialog .search-excerpt").allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\bmin read\b|\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
  });

  it("fetches at most 40 KB for a later two-word query", async () => {
    await search("coordinator");
    await page.waitForTimeout(300);
    for (const query of ["retry timeout", "latency reliability", "replication consistency"]) {
      bytes = 0;
      await search(query);
      await page.waitForTimeout(300); // excerpts' fragments finish after the status line
      expect(bytes, `“${query}” fetched ${bytes} bytes`).toBeLessThanOrEqual(40 * 1024);
    }
  });

  it("logged no errors", () => {
    expect(errors).toEqual([]);
  });
});
