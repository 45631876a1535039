import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite, cleanEnv, runNode, type BuildResult } from "../helpers/build-site.ts";
import { read } from "../helpers/html.ts";

const FIXTURE = "tests/fixtures/basic";
const TODAY = "2026-02-03"; // the fixture's last entry (a draft) is dated 2026-02-01
const TITLE = "Sagas versus 2PC: what #1 costs 🚀";
const FILE = "days/004-sagas-versus-2pc-what-1-costs.mdx";

/** `npm run new -- …` as an author runs it, against a copy of the fixture journal and with no terminal. */
function runNew(content: string, args: string[], clock: Record<string, string> = { DAYBOOK_TODAY: TODAY }) {
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), DAYBOOK_CONTENT: content, FORCE_COLOR: "0", ...clock };
  if (!("DAYBOOK_TODAY" in clock)) delete env.DAYBOOK_TODAY;
  return runNode(["scripts/new.ts", ...args], env);
}

function listing(content: string): string[] {
  return ["days", "tags"].flatMap((folder) => readdirSync(path.join(content, folder)).map((f) => `${folder}/${f}`)).sort();
}

describe("npm run new, end to end", () => {
  let content: string;
  let created: { code: number; output: string };
  let build: BuildResult;

  beforeAll(async () => {
    content = mkdtempSync(path.join(tmpdir(), "daybook-new-"));
    cpSync(FIXTURE, content, { recursive: true });
    created = await runNew(content, [TITLE, "--tags", "retry,queues,backoff-jitter", "--create-tags"]);
    build = await buildSite({ content, today: TODAY });
  });

  it("writes the next day's entry and a stub for the new tag, and says what to do next", () => {
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain(`${FILE}\n`);
    expect(created.output).toContain("tags/backoff-jitter.md, a stub tag");
    for (const command of ["npm run dev", "npm run snippets -- --update", "npm run build"]) expect(created.output).toContain(command);

    const text = readFileSync(path.join(content, FILE), "utf8");
    expect(parse(text.split("---\n")[1]!)).toMatchObject({ title: TITLE, day: 4, date: TODAY, tags: ["retries", "queueing", "backoff-jitter"] });
    expect(text).toContain('```ts run\nconsole.log("hello from day 4");\n```\n\n```output\nhello from day 4\n```');
    expect(readFileSync(path.join(content, "tags/backoff-jitter.md"), "utf8")).toMatch(/^---\ntitle: "Backoff jitter"\n---\n.+\n$/);
  });

  it("refuses a used day number, a title-less call without a terminal and an unknown tag, writing nothing", async () => {
    const before = listing(content);
    const again = await runNew(content, ["Another one", "--tags", "retries", "--day", "4"]);
    expect(again.code).toBe(1);
    expect(again.output).toContain(`day 4 is already used by `);
    expect(again.output).toContain(FILE);
    expect(again.output).toMatch(/Nothing was written\.\s*$/);

    const untitled = await runNew(content, []);
    expect(untitled.code).toBe(1);
    expect(untitled.output).toContain("no title was given, and there is no terminal to ask for one");
    expect(untitled.output).toContain("Usage: npm run new");

    const typo = await runNew(content, ["Queues again", "--date", "2026-02-02", "--tags", "queuing"]);
    expect(typo.code).toBe(1);
    expect(typo.output).toContain('the tag "queuing" (did you mean "queueing"?) matches no tag id or alias');
    expect(typo.output).toContain("--create-tags");

    const future = await runNew(content, ["Tomorrow", "--date", "2026-02-04", "--tags", "queues"]);
    expect(future.code).toBe(1);
    expect(future.output).toContain("in the future");
    expect(listing(content)).toEqual(before);
  });

  // 23:30 UTC on 3 February is 08:30 on the 4th in Tokyo. Each run is a child process whose
  // machine zone (TZ) disagrees with the journal's, so only the journal's zone can explain the result.
  it("takes today in the journal's time zone across a UTC day boundary, whatever the machine's TZ", async () => {
    const now = "2026-02-03T23:30:00Z";
    const fresh = () => {
      const copy = mkdtempSync(path.join(tmpdir(), "daybook-new-tz-"));
      cpSync(FIXTURE, copy, { recursive: true });
      return copy;
    };

    // A journal in UTC, on a machine in Tokyo: the 4th is still tomorrow.
    const early = await runNew(fresh(), ["Morning in Tokyo", "--tags", "queues", "--date", "2026-02-04"], { DAYBOOK_NOW: now, TZ: "Asia/Tokyo" });
    expect(early.code, early.output).toBe(1);
    expect(early.output).toContain("--date 2026-02-04 is in the future (today is 2026-02-03 in UTC, the journal's time zone)");

    // A journal in Tokyo, on a CI machine in UTC: it is the 4th, and the entry passes the build's own date rule.
    const tokyo = await runNew(fresh(), ["Morning in Tokyo", "--tags", "queues"], { DAYBOOK_NOW: now, DAYBOOK_TIME_ZONE: "Asia/Tokyo", TZ: "UTC" });
    expect(tokyo.code, tokyo.output).toBe(0);
    expect(tokyo.output).toContain("day 4, 2026-02-04");
    expect(tokyo.output).not.toContain("✗");
  });

  it("builds a site that shows the new day on the home page, in the feed and in the archive", () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[(WARN|ERROR)\]/);

    const home = read(build.outDir, "index.html");
    expect(home).toContain(TITLE);
    expect(home).toContain('href="/day/4/"');
    expect(home).toContain("Days written: 3.");

    const rss = read(build.outDir, "rss.xml");
    expect(rss).toContain(`<title>Day 4: ${TITLE}</title>`);
    expect(rss).toContain("<link>http://localhost:4321/day/4/</link>");

    const archive = read(build.outDir, "archive/index.html");
    expect(archive).toContain("February 2026");
    expect(archive).toContain(TITLE);
    expect(archive).toContain('href="/day/4/"');

    expect(read(build.outDir, "day/4/index.html")).toContain("hello from day 4");
    expect(existsSync(path.join(build.outDir, "tags/backoff-jitter/index.html"))).toBe(true);
  });
});
