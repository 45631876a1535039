import { cpSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "vitest";
import { buildSite } from "../helpers/build-site.ts";
const FM = (day: number) => `---\ntitle: "Probe"\nday: ${day}\ndate: 2026-02-05\ntags: [retries]\nsummary: "Probe."\n---\n\n`;
const cases: Record<string, string> = {
  unclosedJsx: "Intro.\n\n<div>\n\nSome text\n",
  bareLt: "Intro.\n\nWhen a < b we wait.\n",
  htmlComment: "Intro.\n\n<!-- todo -->\n\nText.\n",
  undefinedVar: "Intro.\n\nValue: {undefinedVariable}\n",
  throwing: 'Intro.\n\nValue: {(() => { throw new Error("boom") })()}\n',
};
for (const [name, body] of Object.entries(cases)) {
  it(name, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "probe-"));
    cpSync("/work/main/tests/fixtures/basic", dir, { recursive: true });
    writeFileSync(path.join(dir, "days/004-probe.mdx"), FM(4) + body);
    const t = Date.now();
    const r = await buildSite({ content: dir });
    console.log(`=== ${name} code=${r.code} ms=${Date.now() - t} page=${existsSync(path.join(r.outDir, "day/4/index.html"))}\n${r.output.slice(-2500)}`);
  }, 180000);
}
