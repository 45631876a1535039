import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import type { Journal } from "../../src/integration/content/journal-validate.ts";
import { ROOT, TODAY, fixtureRepo, importInto, type ImportRun } from "./import-fixtures.ts";

/**
 * Each fixture layout (about 30 notes) imported into an empty content folder with the real
 * command: the result passes the journal validator and the snippet check, and each rule shows
 * in the entries it wrote.
 */
interface Imported {
  run: ImportRun;
  content: string;
  journal: Journal;
  entry: (day: number) => { data: Record<string, unknown>; body: string; file: string };
}

async function importLayout(layout: "til" | "jekyll" | "daily"): Promise<Imported> {
  const source = fixtureRepo(layout);
  const content = path.join(mkdtempSync(path.join(tmpdir(), "daybook-import-content-")), "content");
  const run = await importInto(content, [source]);
  const journal = loadJournal({ ...daybookSettings({ DAYBOOK_CONTENT: content }, ROOT) }, TODAY);
  const entry = (day: number) => {
    const file = readdirSync(path.join(content, "days")).find((f) => f.startsWith(`${String(day).padStart(3, "0")}-`) && f.endsWith(".md"))!;
    const text = readFileSync(path.join(content, "days", file), "utf8");
    const [, yaml = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    return { data: parse(yaml) as Record<string, unknown>, body, file };
  };
  return { run, content, journal, entry };
}

function expectValidJournal(imported: Imported, entries: number) {
  expect(imported.run.code, imported.run.stderr).toBe(0);
  expect(imported.journal.problems).toEqual([]);
  expect(imported.journal.entries).toHaveLength(entries);
  const days = imported.journal.entries.map((e) => e.data.day);
  expect(days).toEqual(Array.from({ length: entries }, (_, i) => i + 1));
  const dates = imported.journal.entries.map((e) => e.data.date);
  expect(dates).toEqual([...dates].sort()); // day numbers follow date order
  // Astro reads frontmatter as YAML 1.1, where a plain 2024-05-01 title would be a date.
  for (const entry of imported.journal.entries) {
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(ROOT, entry.file), "utf8"))![1]!;
    const data = parse(yaml, { version: "1.1" }) as Record<string, unknown>;
    expect([typeof data.title, typeof data.summary, typeof data.date, typeof data.day], entry.file).toEqual(["string", "string", "string", "number"]);
  }
}

async function expectSnippetsPass(imported: Imported) {
  const files = imported.journal.entries.map((e) => ({ path: e.file, text: readFileSync(path.join(ROOT, e.file), "utf8") }));
  const report = await checkSnippets(files, { root: ROOT, cacheFile: path.join(imported.content, "..", "snippets.json"), cpuBudgetMs: 60_000 });
  expect(report.problems).toEqual([]);
}

describe("a TIL repository of topic folders", () => {
  let til: Imported;
  beforeAll(async () => {
    til = await importLayout("til");
  });

  it("becomes a valid journal whose fences are just code", async () => {
    expectValidJournal(til, 28);
    await expectSnippetsPass(til);
  });

  it("dates notes by the commit that added them, following a rename, unless the frontmatter says otherwise", () => {
    const byTitle = new Map(til.journal.entries.map((e) => [e.data.title, e.data]));
    expect(byTitle.get("Postgres pub/sub with LISTEN and NOTIFY")?.date).toBe("2023-11-02");
    expect(byTitle.get("Two checkouts with worktrees")?.date).toBe(byTitle.get("Bisect a regression")?.date);
    expect(byTitle.get("Two checkouts with worktrees")?.date).not.toBe("2024-11-11");
  });

  it("makes each topic a tag with a readable title, and gives a note outside any topic the default tag", () => {
    expect(readFileSync(path.join(til.content, "tags/postgresql.md"), "utf8")).toMatch(/title: "PostgreSQL"/);
    expect(readFileSync(path.join(til.content, "tags/css.md"), "utf8")).toMatch(/title: "CSS"/);
    const scratch = til.journal.entries.find((e) => e.data.title === "A note without a topic")!;
    expect(scratch.data.tags).toEqual(["notes"]);
    const reflog = til.journal.entries.find((e) => e.data.title === "The reflog remembers")!;
    expect(reflog.data.tags).toEqual(["git", "recovery"]);
  });

  it("takes the title from the first heading and removes it; the summary from the first paragraph", () => {
    const bisect = til.journal.entries.find((e) => e.data.title === "Bisect a regression")!;
    const { body, data } = til.entry(bisect.data.day);
    expect(body).not.toContain("# Bisect a regression");
    expect(data.summary).toBe("git bisect halves the range of suspect commits on every step, so forty commits take about six tries.");
    expect(data.redirectFrom).toEqual(["/git/bisect-a-regression"]);
  });

  it("rewrites links between notes to entry files and copies images beside their entry", () => {
    const blame = til.journal.entries.find((e) => e.data.title === "Skip formatting commits in blame")!;
    const bisect = til.journal.entries.find((e) => e.data.title === "Bisect a regression")!;
    expect(til.entry(blame.data.day).body).toContain(`[bisect](./${til.entry(bisect.data.day).file}#finishing)`);
    const grid = til.entry(til.journal.entries.find((e) => e.data.title === "Name grid areas")!.data.day);
    const stem = grid.file.replace(/\.md$/, "");
    expect(grid.body).toContain(`![Grid areas sketched as boxes](./${stem}/grid.png "A two-column page grid")`);
    expect(existsSync(path.join(til.content, "days", stem, "grid.png"))).toBe(true);
    const jq = til.entry(til.journal.entries.find((e) => e.data.title === "Filter JSON with jq")!.data.day);
    expect(jq.body).toContain(`<img src="./${jq.file.replace(/\.md$/, "")}/terminal.png" alt="terminal">`);
  });

  it("turns a YouTube player into a link and reports, at file:line, what it could not carry over", () => {
    const motion = til.entry(til.journal.entries.find((e) => e.data.title === "Respect reduced motion")!.data.day);
    expect(motion.body).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Video on YouTube: Motion and accessibility talk</a>');
    expect(motion.body).not.toContain("<iframe");
    expect(til.run.stdout).toMatch(/til\/http\/cors-preflight\.md:10\n\s+· the link \.\.\/http\/not-here\.md points at nothing/);
    expect(til.run.stdout).toMatch(/til\/vim\/global-command\.md:9\n\s+· the image \.\.\/\.\.\/outside-the-folder\.png leads outside the imported folder/);
    expect(til.run.stdout).toMatch(/til\/vim\/text-objects\.md:7\n\s+· the image images\/missing\.png is not in the imported folder/);
    expect(til.run.stdout).toMatch(/til\/git\/rebase-onto\.markdown:5\n\s+· images\/rebase-onto\.png: alt text "rebase onto"/);
    expect(til.run.stdout).toMatch(/til\/README\.md\n\s+· not imported: a repository file/);
  });
});

describe("a Jekyll site", () => {
  let jekyll: Imported;
  const post = (title: string) => jekyll.entry(jekyll.journal.entries.find((e) => e.data.title === title)!.data.day);
  beforeAll(async () => {
    jekyll = await importLayout("jekyll");
  });

  it("becomes a valid journal of its posts and drafts, not its pages", async () => {
    expectValidJournal(jekyll, 28);
    await expectSnippetsPass(jekyll);
    expect(jekyll.run.stdout).toMatch(/jekyll\/about\.md\n\s+· not imported: a Jekyll page/);
    expect(post("Half written").data.draft).toBe(true);
    expect(post("Blameless postmortems").data.draft).toBe(true); // published: false
  });

  it("records the default permalink with categories, a custom one and redirect_from", () => {
    expect(post("Little's law").data.redirectFrom).toEqual(["/queueing/2019/02/17/little-law.html"]);
    expect(post("A post with its own address").data.redirectFrom).toEqual(["/notes/own-address/", "/old/own-address.html"]);
    expect(post("Half written").data.redirectFrom).toBeUndefined();
  });

  it("converts post_url, highlight, baseurl, relative_url and a link to an old permalink", () => {
    expect(post("Utilisation and waiting").body).toContain(`Compare with [Little's law](./${post("Little's law").file}).`);
    expect(post("Jitter").body).toContain("```ruby\nsleep(rand * base * 2**attempt)\n```");
    expect(post("Utilisation and waiting").body).toMatch(/!\[latency\]\(\.\/003-utilisation-and-waiting\/latency\.png\)/);
    expect(post("Queues in pictures").body).toContain('alt="Queue length at three loads"');
    expect(post("Cache-aside").body).toContain(`[the stampede post](./${post("Cache stampedes").file})`);
    expect(post("Cache-aside").data.summary).toBe("Read through the cache, fill it on a miss.");
  });

  it("converts kramdown maths and escapes dollar signs", () => {
    const little = post("Little's law").body;
    expect(little).toContain("reads $L = \\lambda W$ inside");
    expect(little).toContain("$$\nL = \\lambda \\cdot W\n$$");
    expect(little).toContain("At \\$5 a request and $\\lambda = 20$ per second");
  });

  it("reports Liquid it left, and turns a Vimeo player and a gist into links", () => {
    expect(jekyll.run.stdout).toMatch(/_posts\/2019-06-02-circuit-breakers\.md:9\n\s+· the Liquid \{% include note\.html/);
    expect(post("Timeouts everywhere").body).toContain('<a href="https://vimeo.com/76979871">Video on Vimeo</a>');
    expect(post("Load shedding").body).toContain('<a href="https://gist.github.com/someone/0123456789abcdef">');
    expect(post("Load shedding").body).not.toContain("<script");
  });
});

describe("Obsidian daily notes", () => {
  let daily: Imported;
  const note = (title: string) => daily.entry(daily.journal.entries.find((e) => e.data.title === title)!.data.day);
  beforeAll(async () => {
    daily = await importLayout("daily");
  });

  it("becomes a valid journal dated by file name, without the note dated after today", async () => {
    expectValidJournal(daily, 29);
    await expectSnippetsPass(daily);
    expect(daily.journal.entries.find((e) => e.data.title === "Far future")).toBeUndefined();
    expect(daily.run.stdout).toMatch(/Daily\/2099-01-01\.md\n\s+· not imported: dated 2099-01-01, after today/);
    expect(note("Sourdough").data.date).toBe("2024-04-28"); // `created:`
  });

  it("tags daily notes from their frontmatter, or with the default tag", () => {
    expect(note("2024-05-06").data.tags).toEqual(["queueing", "life-errands"]);
    expect(note("2024-05-14").data.tags).toEqual(["rye"]);
    expect(note("2024-05-01").data.tags).toEqual(["notes"]);
    expect(note("Notes of 2024-05-09").data.summary).toBe("Baked rolls for a neighbour.");
  });

  it("turns [[links]] and ![[embeds]] into Markdown, and a vault's notes get no old address", () => {
    expect(note("2024-05-05").body).toContain(`See [the first attempt](./${note("2024-05-02").file}).`);
    expect(note("2024-05-04").body).toContain(`[Sourdough](./${note("Sourdough").file})`);
    expect(note("2024-05-02").body).toContain(`![loaf crumb](./${note("2024-05-02").file.replace(/\.md$/, "")}/loaf-crumb.png)`);
    expect(note("2024-05-18").body).toContain("Notes in Flour comparison, which");
    expect(daily.run.stdout).toMatch(/Daily\/2024-05-18\.md:5\n\s+· the link \[\[Flour comparison\]\] names no imported note/);
    expect(note("Sourdough").data.redirectFrom).toBeUndefined();
  });
});
