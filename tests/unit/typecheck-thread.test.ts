// The dev server's snippet type-checks run in a thread of their own, and the server's own thread
// never loads TypeScript: importing the site's config does not, and neither does a dev check.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { TypecheckThread } from "../../src/integration/dev/typecheck-thread.ts";
import type { Snippet } from "../../src/integration/snippets/snippet-extract.ts";
import { typecheckSnippets } from "../../src/integration/snippets/snippet-typecheck.ts";
import { checkSnippets, type SnippetReport } from "../../src/integration/snippets/snippet-check.ts";
import { checkJournalSnippets, snippetCacheFile } from "../../src/integration/snippets/journal-snippets.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import type { Journal } from "../../src/integration/content/journal-validate.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const snippet = (code: string, line = 10): Snippet => ({ file: "content/days/001-x.mdx", line, code, meta: { timeout: 2000, throws: false }, closeIndex: line + code.split("\n").length });

describe("TypecheckThread", () => {
  const thread = new TypecheckThread(ROOT);
  afterAll(() => thread.close());

  test("reports what the build's type-check reports, at the author's lines", async () => {
    const snippets = [
      snippet('const n: number = "one";\nconsole.log(n);'),
      snippet("const s: string = 'fine';\nconsole.log(s.toUpperCase());", 30),
      snippet("self.postMessage(1);", 50),
      snippet('import { createSim } from "daybook/sim";\nimport { show } from "daybook/show";\nconst sim: number = createSim;\nshow.nothing();', 70),
      snippet("enum Colour { Red }\nconsole.log(Colour.Red);", 90),
    ];
    const inThread = await thread.check(snippets);
    // The thread leaves out the helper library's own diagnostics (the build checks it): none here.
    expect(inThread).toEqual(typecheckSnippets(snippets, ROOT));
    expect(inThread.map((p) => p.line)).toEqual([91, 11, 51, 73, 74]);
    expect(inThread[1]!.message).toMatch(/Type 'string' is not assignable to type 'number'/);
  });

  test("checks in order, and a stopped thread fails its checks, then the next check starts another", async () => {
    const [a, b] = await Promise.all([thread.check([snippet("const a: number = 1;")]), thread.check([snippet("const b: number = 'b';")])]);
    expect(a).toEqual([]);
    expect(b).toHaveLength(1);
    const pending = thread.check([snippet("const c = 1;")]);
    await thread.close();
    // Closed before or after it answered: either way the promise settles, and nothing hangs.
    await pending.then(
      (problems) => expect(problems).toEqual([]),
      (error: Error) => expect(error.message).toMatch(/type-check thread stopped/),
    );
    expect(await thread.check([snippet("let d: boolean = 0;")])).toHaveLength(1);
  }, 60_000);
});

describe("a build's snippet check in the thread", () => {
  const entry = (i: number) => ["---", `title: Entry ${i}`, "---", "", "```ts run", `console.log({ entry: ${i}, square: ${i} * ${i} });`, "```", "", "```output", `{ entry: ${i}, square: ${i * i} }`, "```", ""].join("\n");
  const files = Array.from({ length: 12 }, (_, i) => ({ path: `content/days/${String(i + 1).padStart(3, "0")}-x.mdx`, text: entry(i + 1) }));

  test("is the build's check, and feeds the snippet hosts while this thread is blocked", async () => {
    const thread = new TypecheckThread(ROOT);
    try {
      const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-thread-check-")), "snippets.json");
      const checking = thread.checkSnippets({ files, cacheFile });
      // This thread now blocks, as a build's main thread does while Vite compiles: a host waiting
      // for it to hand out the next snippet would wait until it is free, and the check would not
      // end. The check ends by saving its cache. (Bounded, so that a check fed from here fails
      // the test rather than hanging it; a loaded machine only makes the wait longer.)
      const until = Date.now() + 240_000;
      while (!existsSync(cacheFile) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      expect(existsSync(cacheFile)).toBe(true);
      const report = await checking;
      expect(report.problems).toEqual([]);
      expect(report.ran).toBe(12);
      // What the check in this thread gives, run for run.
      const here = await checkSnippets(files, { root: ROOT, cacheFile: path.join(path.dirname(cacheFile), "here.json") });
      expect(report.runs.map((r) => [r.snippet.file, r.result.output])).toEqual(here.runs.map((r) => [r.snippet.file, r.result.output]));
      expect(report.runs[11]!.result.output).toBe("{ entry: 12, square: 144 }");
    } finally {
      await thread.close();
    }
  }, 300_000);

  test("is where a build's check runs when the build has the thread", async () => {
    const settings = daybookSettings({}, ROOT);
    const asked: unknown[] = [];
    const report: SnippetReport = { runs: [], problems: [], ran: 0, hostCpuMs: 0 };
    const thread = { checkSnippets: async (check: unknown) => (asked.push(check), report) } as unknown as TypecheckThread;
    expect(await checkJournalSnippets(settings, {} as Journal, { includeDrafts: false, typecheck: thread, sources: files })).toBe(report);
    expect(asked).toEqual([{ files, cacheFile: snippetCacheFile(settings), cpuBudgetMs: settings.snippetCpuBudgetMs }]);
  });
});

/** Runs `code` (an ES module, importing the checkout's files from `${ROOT_URL}`) in a fresh Node process; returns its stdout. */
function inFreshProcess(code: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "daybook-probe-")), "probe.mjs");
  writeFileSync(file, code);
  const run = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", env: { ...process.env, DAYBOOK_CONTENT: "tests/fixtures/basic" }, timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

const ROOT_URL = pathToFileURL(ROOT).href;
const TYPESCRIPT_LOADED = `import { createRequire } from "node:module"; const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.endsWith("/typescript/lib/typescript.js"));`;

test("importing the site's config does not load TypeScript", () => {
  expect(inFreshProcess(`${TYPESCRIPT_LOADED} await import("${ROOT_URL}/astro.config.mjs"); console.log(loaded());`)).toBe("false");
  // The probe itself can see it loaded.
  expect(inFreshProcess(`${TYPESCRIPT_LOADED} const { typecheckSnippets } = await import("${ROOT_URL}/src/integration/snippets/snippet-typecheck.ts"); typecheckSnippets([{ file: "x.mdx", line: 1, code: "export {};", meta: { timeout: 2000, throws: false }, closeIndex: 2 }], process.cwd()); console.log(loaded());`)).toBe("true");
}, 120_000);

test("a dev check type-checks in its thread: the snippet's type error is reported, and TypeScript stays out of the server's thread", () => {
  const out = inFreshProcess(`${TYPESCRIPT_LOADED}
    import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
    import { tmpdir } from "node:os";
    import path from "node:path";
    const work = mkdtempSync(path.join(tmpdir(), "daybook-typecheck-thread-"));
    cpSync("tests/fixtures/basic", path.join(work, "content"), { recursive: true });
    process.env.DAYBOOK_CACHE = path.join(work, "cache");
    const entry = path.join(work, "content/days/001-first-day.mdx");
    writeFileSync(entry, readFileSync(entry, "utf8").replace("const utilisation = 0.95;", "const utilisation: string = 0.95;"));
    const { daybookSettings } = await import("${ROOT_URL}/src/integration/daybook-settings.ts");
    const { loadJournal } = await import("${ROOT_URL}/src/integration/journal-load.ts");
    const { DevJournal } = await import("${ROOT_URL}/src/integration/dev/dev-journal.ts");
    const settings = daybookSettings({ DAYBOOK_CONTENT: path.join(work, "content") }, process.cwd());
    const journal = new DevJournal(settings, () => loadJournal(settings));
    // The dev server's threads do not keep a process alive (the server does): this timer stands in for it.
    const alive = setInterval(() => {}, 1000);
    await journal.refresh();
    clearInterval(alive);
    console.log(JSON.stringify({ problems: journal.problems().filter((p) => /TS2322/.test(p.message)).map((p) => p.line), loaded: loaded() }));
    await journal.close();`);
  expect(JSON.parse(out.split("\n").at(-1)!)).toEqual({ problems: [expect.any(Number)], loaded: false });
}, 120_000);
