import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { buildSite } from "../helpers/build-site.ts";
import { files } from "../helpers/output-files.ts";

describe("reproducible builds", () => {
  it("two clean builds of the same journal are byte-identical, graph and search index included", async () => {
    // The first is built once for several files (tests/helpers/sample-build-setup.ts), in another temporary folder.
    const first = inject("basicBuild");
    const second = await buildSite({ content: "tests/fixtures/basic" });
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const names = files(first.outDir);
    expect(files(second.outDir)).toEqual(names);
    expect(names).toContain("graph.json");
    expect(names.some((n) => n.startsWith("pagefind/"))).toBe(true);
    const different = names.filter((name) => !readFileSync(path.join(first.outDir, name)).equals(readFileSync(path.join(second.outDir, name))));
    expect(different).toEqual([]);
  });
});
