import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { read } from "../helpers/html.ts";
import { DEV_ACCEPT_PATH, DEV_EVENT, DEV_STATE_PATH, DEV_TOKEN_HEADER } from "../../src/client/dev/dev-protocol.ts";

/**
 * The dev loop's controls exist only in `npm run dev`: a build of pages with runnable snippets
 * (days 80 and 81 of the real-journal fixture) carries no Accept output control, no token, no
 * dev endpoint and no dev script, in its HTML or in any script it ships.
 */
describe("a build has none of the dev loop", () => {
  const build = inject("realJournalBuild");
  const published = readdirSync(build.outDir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(html|js|mjs)$/.test(f));

  it("publishes the snippet pages, with their baked output", () => {
    for (const day of [80, 81]) {
      const html = read(build.outDir, `day/${day}/index.html`);
      expect(html).toContain("<daybook-snippet");
      expect(html).toMatch(/<code>25\s*<\/code>/);
    }
  });

  it.each([
    ["the Accept output control", "Accept output"],
    ["the token header", DEV_TOKEN_HEADER],
    ["the state endpoint", DEV_STATE_PATH],
    ["the accept endpoint", DEV_ACCEPT_PATH],
    ["the HMR event", DEV_EVENT],
    ["the problems panel", "daybook-dev-problems"],
    ["the dev client", "startDevClient"],
  ])("has no trace of %s in any page or script", (_what, needle) => {
    expect(published.length).toBeGreaterThan(10);
    const found = published.filter((file) => readFileSync(path.join(build.outDir, file), "utf8").includes(needle));
    expect(found).toEqual([]);
  });

  it("has no 64-hex-digit token in the snippet pages", () => {
    for (const day of [80, 81]) expect(read(build.outDir, `day/${day}/index.html`)).not.toMatch(/\b[0-9a-f]{64}\b/);
  });
});
