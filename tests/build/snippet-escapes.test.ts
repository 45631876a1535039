// A stranger's pull request holding every escape probe as runnable snippets, in an .mdx and an
// .md entry, built once by `npm run build` with a secret in the build's environment: the build
// must pass (every probe printed "blocked", as its output fence says), and nothing may leak into
// the site or onto the disk.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../helpers/build-site.ts";
import { ESCAPE_PROBES, probeSnippet, type EscapeProbe } from "../helpers/escape-probes.ts";

const SECRET = "daybook-build-secret-93c2e";

function entry(day: number, probes: EscapeProbe[], marker: string): string {
  const blocks = probes.map((probe) => {
    const code = probeSnippet(probe, marker);
    const blocked = (probe.route.match(/attempt\(/g) ?? []).length;
    return `## ${probe.name}\n\n\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n${Array(blocked).fill("blocked").join("\n")}\n\`\`\`\n`;
  });
  return `---\ntitle: "Escape probes ${day}"\nday: ${day}\ndate: 2026-02-0${day}\ntags: [retries]\nsummary: "Snippets that try to reach the build."\n---\n\n${blocks.join("\n")}`;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => path.join(dir, name)).filter((file) => statSync(file).isFile());
}

describe("building a journal whose snippets attack the build", () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-escapes-"));
  const content = path.join(work, "content");
  const marker = path.join(work, "escaped.txt");
  let build: BuildResult;

  beforeAll(async () => {
    cpSync(path.join(ROOT, "tests/fixtures/basic"), content, { recursive: true });
    const half = Math.ceil(ESCAPE_PROBES.length / 2);
    writeFileSync(path.join(content, "days/004-probes.mdx"), entry(4, ESCAPE_PROBES.slice(0, half), marker));
    writeFileSync(path.join(content, "days/005-probes.md"), entry(5, ESCAPE_PROBES.slice(half), marker));
    process.env.DAYBOOK_PROBE_SECRET = SECRET;
    try {
      build = await buildSite({ content });
    } finally {
      delete process.env.DAYBOOK_PROBE_SECRET;
    }
  });
  afterAll(() => delete process.env.DAYBOOK_PROBE_SECRET);

  it("builds: every probe printed what its output fence says", () => {
    expect(build.code, build.output).toBe(0);
  });

  it("publishes the probes' pages, showing only 'blocked'", () => {
    for (const day of [4, 5]) {
      const html = readFileSync(path.join(build.outDir, `day/${day}/index.html`), "utf8");
      const outputs = [...html.matchAll(/class="snippet-output-text"[^>]*><code>([^<]*)<\/code>/g)].map((m) => m[1]!.replaceAll("&#10;", "\n").trim());
      expect(outputs.length).toBeGreaterThan(5);
      for (const output of outputs) expect(output.split("\n").every((line) => line === "blocked"), output).toBe(true);
    }
  });

  it("leaks the build's secret into no published file", () => {
    const leaks = allFiles(build.outDir).filter((file) => readFileSync(file).includes(SECRET));
    expect(leaks).toEqual([]);
  });

  it("writes nothing outside the build's output", () => {
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(work)).toEqual(["content"]);
    expect(existsSync(path.join(ROOT, "public", "escaped.txt"))).toBe(false);
  });
});
