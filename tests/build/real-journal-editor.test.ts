import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";
import { REAL_JOURNAL_BASE } from "../helpers/sample-build-setup.ts";
import { SNIPPET_WEB_LIB } from "../../src/runtime/typecheck-options.ts";
import { snippetWebLib } from "../../src/integration/snippets/snippet-web-lib.ts";

const require = createRequire(import.meta.url);

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
    // The page fetches the worker's files under the base path too; the worker loads the compiler relative to itself.
    const nearBaseFiles = new RegExp(`${REAL_JOURNAL_BASE.replace(/\//g, "\\/")}.{0,40}\\/editor\\/typecheck-files\\.json`);
    expect(nearBaseFiles.test(editor[0]!), `${REAL_JOURNAL_BASE} before /editor/typecheck-files.json`).toBe(true);
    expect(read("editor/typecheck-worker.js")).toContain('"typescript.js"');
  });

  it("is the same TypeScript the build type-checks with, with the same library files and daybook/sim sources", () => {
    expect(read("editor/typescript.js")).toContain(`"${ts.version}"`);
    const files = JSON.parse(read("editor/typecheck-files.json")) as { libs: Record<string, string>; sim: Record<string, string>; globals: string[]; absent: string[] };
    for (const lib of ["lib.es2025.d.ts", "lib.esnext.temporal.d.ts", "lib.es5.d.ts"]) expect(files.libs[lib]).toBe(readFileSync(path.join(path.dirname(require.resolve("typescript")), lib), "utf8"));
    // The Web APIs: the build's own cut of the worker library, not the whole of it, nor the DOM's.
    expect(files.libs[SNIPPET_WEB_LIB]).toBe(snippetWebLib().text);
    expect(files.absent).toEqual(snippetWebLib().absent);
    expect(Object.keys(files.libs)).not.toContain("lib.webworker.d.ts");
    expect(Object.keys(files.libs)).not.toContain("lib.dom.d.ts");
    expect(files.sim["index.ts"]).toBe(readFileSync("src/sim/index.ts", "utf8"));
    // The realm check's globals: what snippets have, and not a worker's own.
    expect(files.globals).toEqual(expect.arrayContaining(["console", "URL", "setTimeout"]));
    expect(files.globals).not.toContain("self");
    // The worker script itself is small (it starts before the compiler and the files arrive).
    expect(read("editor/typecheck-worker.js").length).toBeLessThan(50_000);
  });
});
