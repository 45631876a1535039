import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevJournal } from "../../src/integration/dev/dev-journal.ts";
import { JournalCheckThread } from "../../src/integration/dev/journal-check-thread.ts";
import { registeredLinkTargets, registerLinkTargets } from "../../src/integration/links/link-targets.ts";
import { waitBeforeRendering } from "../../src/integration/markdown/render-wait.ts";
import { loadJournal } from "../../src/integration/journal-load.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";
import { lookupRun } from "../../src/integration/snippets/snippet-registry.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The dev journal on a copy of tests/fixtures/basic (two entries with a snippet each, one a draft). */
describe("the dev journal's re-checks", () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-dev-journal-"));
  const content = path.join(work, "content");
  const first = path.join(content, "days/001-first-day.mdx");
  const settings = daybookSettings({ DAYBOOK_CONTENT: content }, ROOT);
  const open = () => new DevJournal(settings, () => loadJournal(settings));
  let journal: DevJournal;
  const cacheBefore = process.env.DAYBOOK_CACHE;

  beforeAll(async () => {
    cpSync(path.resolve(import.meta.dirname, "../fixtures/basic"), content, { recursive: true });
    process.env.DAYBOOK_CACHE = path.join(work, "cache");
    journal = open();
    await journal.refresh();
  });

  afterAll(async () => {
    await journal.close();
    if (cacheBefore === undefined) delete process.env.DAYBOOK_CACHE;
    else process.env.DAYBOOK_CACHE = cacheBefore;
  });

  it("checks every snippet at start, and knows each entry's by its day", () => {
    expect(journal.lastCheck).toMatchObject({ snippets: 2, ran: 2 });
    expect(journal.problems()).toEqual([]);
    expect(journal.snippetsOfDay(1).map((s) => s.view.line)).toEqual([17]);
  });

  it("runs only the saved entry's changed snippet, and a render waits for it", async () => {
    const code = 'const utilisation = 0.8;\nconsole.log(`${utilisation * 100}% busy: wait ≈ ${(utilisation / (1 - utilisation)).toFixed(1)} service times`);\nconsole.log("<b>not bold</b>");';
    writeFileSync(first, readFileSync(first, "utf8").replace(/const utilisation = 0\.95;[\s\S]*?console\.log\("<b>not bold<\/b>"\);/, code));
    // A renderer, as Astro's Markdown processor makes it, records what the registry held when it ran.
    const seen: (string | undefined)[] = [];
    const processor = { createRenderer: async () => ({ render: async () => seen.push(lookupRun(code)?.result.output) }) };
    waitBeforeRendering(processor, () => journal.snippetsSettled());
    const renderer = await processor.createRenderer();
    const checking = journal.refresh();
    await renderer.render();
    expect(seen).toEqual(["80% busy: wait ≈ 4.0 service times\n<b>not bold</b>"]);
    await checking;
    expect(journal.lastCheck).toMatchObject({ snippets: 1, ran: 1 });
    const [live] = journal.snippetsOfDay(1);
    expect(live!.view).toMatchObject({ outOfDate: true, acceptable: true });
    expect(live!.view.diff).toContain("+ 80% busy: wait ≈ 4.0 service times");
  });

  it("takes an entry whose prose changed from the cache, and leaves unchanged entries alone", async () => {
    writeFileSync(first, readFileSync(first, "utf8").replace("A first entry.", "A first entry, reworded."));
    await journal.refresh();
    expect(journal.lastCheck).toMatchObject({ snippets: 1, ran: 0 });
    await journal.refresh();
    expect(journal.lastCheck).toMatchObject({ snippets: 0, ran: 0 });
  });

  it("lets saves that come before a queued re-check starts share it, and not the ones after", async () => {
    const first = journal.refresh();
    expect(journal.refresh()).toBe(first);
    await first;
    const next = journal.refresh();
    expect(next).not.toBe(first);
    await next;
  });

  it("reports a problem on the next re-check and drops it once fixed", async () => {
    const text = readFileSync(first, "utf8");
    writeFileSync(first, text.replace("tags: [queues]", "tags: [queuez]"));
    await journal.refresh();
    expect(journal.problems().map((p) => [p.file.endsWith("001-first-day.mdx"), p.line, p.message])).toContainEqual([true, 5, 'the tag "queuez" matches no tag id or alias in content/tags/']);
    writeFileSync(first, text);
    await journal.refresh();
    expect(journal.problems().filter((p) => p.message.includes("queuez"))).toEqual([]);
  });

  it("reads a saved entry alone, and every entry when the saved file is one it does not know", async () => {
    const second = path.join(content, "days/002-second-day.md");
    const text = readFileSync(second, "utf8");
    writeFileSync(second, text.replace(/console\.log\(/, "console.log('read again');\nconsole.log("));
    // Told that the first entry was saved, the re-check reads that file only and misses the second's change.
    await journal.refresh(first);
    expect(journal.lastCheck).toMatchObject({ snippets: 0, ran: 0 });
    // A file it has not seen (a new entry) makes it read them all.
    writeFileSync(path.join(content, "days/004-new.mdx"), readFileSync(first, "utf8").replace("day: 1", "day: 4"));
    await journal.refresh(path.join(content, "days/004-new.mdx"));
    expect(journal.lastCheck.snippets).toBeGreaterThanOrEqual(2);
    expect(journal.snippetsOfDay(2)[0]!.view.outOfDate).toBe(true);
    writeFileSync(second, text);
    rmSync(path.join(content, "days/004-new.mdx"));
    await journal.refresh();
    expect(journal.snippetsOfDay(4)).toEqual([]);
  });

  it("never reads through a saved entry that became a symbolic link", async () => {
    const second = path.join(content, "days/002-second-day.md");
    const text = readFileSync(second, "utf8");
    const secret = path.join(work, "secret.md");
    writeFileSync(secret, text.replace(/console\.log\(/, "console.log('SECRET-BEHIND-LINK');\nconsole.log("));
    rmSync(second);
    symlinkSync(secret, second);
    try {
      await journal.refresh(second);
      expect(journal.snippetsOfDay(2)).toEqual([]);
      expect(JSON.stringify(journal.problems())).not.toContain("SECRET-BEHIND-LINK");
      expect(journal.problems().some((p) => p.file.endsWith("002-second-day.md") && p.message.includes("symbolic link"))).toBe(true);
    } finally {
      rmSync(second);
      writeFileSync(second, text);
      await journal.refresh();
    }
    expect(journal.snippetsOfDay(2)).not.toEqual([]);
  });

  it("moves a snippet's problems along when a save only adds prose above it, where a check from scratch puts them", async () => {
    const text = readFileSync(first, "utf8");
    const ofFirst = (on: DevJournal) => on.problems().filter((p) => p.file.endsWith("001-first-day.mdx"));
    // An output that differs from its fence (a problem at the fence), then a type error (one in the code).
    for (const checked of [text.replace(/const utilisation = [\d.]+;/, "const utilisation = 0.5;"), text.replace(/const utilisation = [\d.]+;/, "const utilisation: string = 0.5;")]) {
      writeFileSync(first, checked);
      await journal.refresh(first);
      const before = ofFirst(journal);
      expect(before.length).toBeGreaterThan(0);
      writeFileSync(first, checked.replace("## Waiting grows fast", "Two more\nlines.\n\n## Waiting grows fast"));
      await journal.refresh(first);
      expect(journal.lastCheck.ran).toBe(0);
      expect(ofFirst(journal).map((p) => p.line)).toEqual(before.map((p) => p.line! + 3));
      const fresh = open();
      try {
        await fresh.refresh();
        expect(ofFirst(journal)).toEqual(ofFirst(fresh));
        expect(journal.snippetsOfDay(1).map((s) => s.view)).toEqual(fresh.snippetsOfDay(1).map((s) => s.view));
      } finally {
        await fresh.close();
      }
    }
    writeFileSync(first, text);
    await journal.refresh(first);
    expect(ofFirst(journal).filter((p) => p.message.includes("string"))).toEqual([]);
  });

  it("lets a render, and the next save's snippets, go ahead of a validation still running", async () => {
    const text = readFileSync(first, "utf8");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let validations = 0;
    const slow = new DevJournal(settings, async () => {
      if (validations++ > 0) await gate;
      return loadJournal(settings);
    });
    try {
      await slow.refresh();
      const saves = ["const utilisation = 0.6;", "const utilisation = 0.7;"].map((line) => text.replace(/const utilisation = [\d.]+;/, line));
      const checks: Promise<void>[] = [];
      for (const saved of saves) {
        writeFileSync(first, saved);
        checks.push(slow.refresh(first));
        // The snippets of this save are registered while the validation (of the first save) waits.
        await slow.snippetsSettled();
        const code = saved.slice(saved.indexOf("const utilisation"), saved.indexOf('console.log("<b>not bold</b>");') + 'console.log("<b>not bold</b>");'.length);
        expect(lookupRun(code)?.result.output).toContain(`${Math.round(Number(/0\.\d/.exec(code)![0]) * 100)}% busy`);
      }
      expect(validations).toBe(2);
      let settled = false;
      void slow.settled().then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      release();
      await Promise.all(checks);
      expect(validations).toBe(3);
    } finally {
      await slow.close();
      writeFileSync(first, text);
      await journal.refresh(first);
    }
  });

  it("validates in a worker thread as on the main thread, and registers the link targets there", async () => {
    const thread = new JournalCheckThread(settings);
    try {
      registerLinkTargets({ ...registeredLinkTargets()!.targets, pages: new Map() }, ROOT);
      const inThread = await thread.check();
      expect(registeredLinkTargets()?.targets.pages.size).toBeGreaterThan(0);
      expect(inThread).toEqual(loadJournal(settings));
    } finally {
      await thread.close();
    }
  });

  it("keeps every entry's cached results through partial re-checks, so a restart runs nothing", async () => {
    const restarted = open();
    await restarted.refresh();
    await restarted.close();
    expect(restarted.lastCheck).toMatchObject({ snippets: 2, ran: 0 });
  });
});
