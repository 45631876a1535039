import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv, runAstroScript } from "../helpers/build-site.ts";

const FIXTURE = "tests/fixtures/basic";
const ENTRY = "days/001-first-day.mdx";

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixtureCopy(): string {
  const content = mkdtempSync(path.join(tmpdir(), "daybook-check-fixture-"));
  cpSync(FIXTURE, content, { recursive: true });
  copies.push(content);
  return content;
}

/** `npm run check`'s script exactly as an author runs it, on another content folder. */
function check(content: string) {
  return runAstroScript(["scripts/check.ts"], { ...cleanEnv(), DAYBOOK_CONTENT: content, DAYBOOK_TODAY: "2026-11-23", DAYBOOK_BASE: "", DAYBOOK_SITE: "", FORCE_COLOR: "0" });
}

/** 1-based number of the first line of `text` that satisfies `test`. */
function lineOf(text: string, test: (line: string) => boolean): number {
  return text.split("\n").findIndex(test) + 1;
}

describe("npm run check", () => {
  // This is also the project's type-check gate: "astro check ✓" means `astro check` found no error,
  // warning or hint anywhere in the project (src/, scripts/, tests/), not only in the journal.
  it("passes on a journal without problems and says what it checked", async () => {
    const { code, output } = await check(fixtureCopy());
    expect(code, output).toBe(0);
    expect(output).toMatch(/Summary:\n  journal ✓\n  snippets ✓\n  astro check ✓\n  build ✓\n  links ✓ \(\d+ links on 11 pages\)\n/);
    expect(output).toContain("Nothing was written to your content, dist/ or caches");
    expect(output).toContain("Everything checks out.");
  });

  it("reports a broken link and an outdated snippet output in one run, each at its file and line", async () => {
    const content = fixtureCopy();
    const file = path.join(content, ENTRY);
    const planted = readFileSync(file, "utf8")
      .replace("More text.", "More text, and [gone](/day/99/) too.")
      .replace("95% busy: wait ≈ 19.0 service times\n<b>", "95% busy: wait ≈ 20.0 service times\n<b>");
    writeFileSync(file, planted);

    const { code, output } = await check(content);
    expect(code, output).not.toBe(0);

    const linkLine = lineOf(planted, (l) => l.includes("[gone](/day/99/)"));
    const linkColumn = planted.split("\n")[linkLine - 1]!.indexOf("/day/99/") + 1;
    expect(output).toContain(
      `${ENTRY}:${linkLine}:${linkColumn}\n  ✗ the link "/day/99/" leads nowhere: /day/99/ is not in the built site\n  → the page /day/99/ does not exist; link to an existing day or remove the link`,
    );
    const fenceLine = lineOf(planted, (l) => l === "```output");
    expect(output).toMatch(new RegExp(`${ENTRY.replace(/\./g, "\\.")}:${fenceLine}\\n  ✗ the snippet's output differs from its \`\`\`output fence[^]*?- 95% busy: wait ≈ 20\\.0[^]*?\\+ 95% busy: wait ≈ 19\\.0`));
    expect(output).toMatch(/  snippets: 1 problem\n  astro check ✓\n  build ✓ \(built with the snippets' actual output, so the links could be checked\)\n  links: 1 problem /);
    expect(output).toContain("2 problems to fix before committing.");
    expect(readFileSync(file, "utf8"), "the check must not touch the author's files").toBe(planted);
  });
});
