import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";
import { REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";

/**
 * The snippet editor's files in a build under a base path (the shared real-journal build): the
 * type checker is published beside the site, found under the base path, and is the build's own
 * compiler with the build's library files and `daybook/sim`.
 */
describe("the editor's type checker under a base path", () => {
  const build = inject("realJournalBuild");
  const read = (file: string) => readFileSync(path.join(build.outDir, file), "utf8");

  it("publishes the worker and the compiler, and the editor asks for them under the base path", () => {
    const chunks = readdirSync(path.join(build.outDir, "_astro")).filter((f) => f.endsWith(".js"));
    const editor = chunks.map((f) => read(`_astro/${f}`)).filter((text) => text.includes("typecheck-worker.js"));
    expect(editor.length).toBe(1);
    // The worker's address is made from the base path (import.meta.env.BASE_URL) next to it; a boolean keeps a failure's message short.
    const nearBase = new RegExp(`${REAL_JOURNAL_BASE.replace(/\//g, "\\/")}.{0,40}\\/editor\\/typecheck-worker\\.js`);
    expect(nearBase.test(editor[0]!), `${REAL_JOURNAL_BASE} before /editor/typecheck-worker.js`).toBe(true);
    // The worker loads the compiler relative to itself, so the base path carries over.
    expect(read("editor/typecheck-worker.js")).toContain('"typescript.js"');
  });

  it("is the same TypeScript the build type-checks with, with the same library files and daybook/sim sources", () => {
    expect(read("editor/typescript.js")).toContain(`"${ts.version}"`);
    const worker = read("editor/typecheck-worker.js");
    for (const lib of ["lib.es2025.d.ts", "lib.esnext.temporal.d.ts", "lib.webworker.d.ts", "lib.es5.d.ts"]) expect(worker).toContain(`"${lib}"`);
    expect(worker).toContain("createSim");
    expect(worker).not.toContain('"lib.dom.d.ts"');
  });
});
