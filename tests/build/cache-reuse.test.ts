// The kept build cache (.cache/daybook/, or DAYBOOK_CACHE) is what makes CI's deploy warm: the
// deploy workflow restores it into a fresh checkout. Here the first build's cache folder is copied
// to a new place, as CI's restore puts it into a fresh clone, and a second build into new output
// must take every share image and snippet result from it, by the build's own counts.
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cleanEnv, runAstroScript } from "../helpers/build-site.ts";

const FIXTURE = "tests/fixtures/basic";

function build(work: string, cache: string) {
  return runAstroScript(["scripts/build.ts"], {
    ...cleanEnv(),
    DAYBOOK_CONTENT: FIXTURE,
    DAYBOOK_OUT: path.join(work, "dist"),
    DAYBOOK_CACHE: cache,
    DAYBOOK_TODAY: "2026-11-23",
    DAYBOOK_BASE: "",
    DAYBOOK_SITE: "",
    ASTRO_TELEMETRY_DISABLED: "1",
    FORCE_COLOR: "0",
  });
}

const counts = (output: string) => ({
  images: /(\d+) share images \((\d+) rendered, (\d+) from cache\)/.exec(output)?.slice(1).map(Number),
  snippets: /(\d+) snippets checked \((\d+) run, (\d+) from cache\)/.exec(output)?.slice(1).map(Number),
});

describe("the build cache, copied to a fresh place", () => {
  it("gives a second build every share image and snippet result, and the same images", async () => {
    // The cold build: tests/fixtures/basic built by buildSite from an empty cache, with the same
    // settings as build() below (tests/helpers/sample-build-setup.ts builds it once for several files).
    const cold = inject("basicBuild");
    const first = path.dirname(cold.outDir);
    expect(cold.code, cold.output).toBe(0);
    const [images, rendered] = counts(cold.output).images ?? [];
    const [snippets, ran] = counts(cold.output).snippets ?? [];
    expect(images, cold.output).toBeGreaterThan(0);
    expect(rendered, "a cold build renders every share image").toBe(images);
    // Once each: the cards the build starts ahead (share-images-ahead.ts) are the ones the pages ask for.
    expect(images, "one share image per entry page, none drawn twice").toBe(readdirSync(path.join(first, "dist/og/day")).length);
    expect(snippets, cold.output).toBeGreaterThan(0);
    expect(ran, "a cold build runs every snippet").toBe(snippets);

    const second = mkdtempSync(path.join(tmpdir(), "daybook-cache-restored-"));
    cpSync(path.join(first, "cache"), path.join(second, "cache"), { recursive: true });
    const warm = await build(second, path.join(second, "cache"));
    expect(warm.code, warm.output).toBe(0);
    expect(counts(warm.output).images, warm.output).toEqual([images, 0, images]);
    expect(counts(warm.output).snippets, warm.output).toEqual([snippets, 0, snippets]);
    for (const png of readdirSync(path.join(first, "dist/og/day"))) {
      expect(readFileSync(path.join(second, "dist/og/day", png)).equals(readFileSync(path.join(first, "dist/og/day", png))), png).toBe(true);
    }
  });
});
