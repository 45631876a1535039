import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build, transform, version as esbuildVersion } from "esbuild";
import { SNIPPET_GLOBALS } from "../../runtime/realm.ts";
import { SNIPPET_LIBS, SNIPPET_WEB_LIB } from "../../runtime/typecheck-options.ts";
import type { TypecheckFiles } from "../../client/snippets/typecheck-protocol.ts";
import { SHOW_ENTRY, SIM_ENTRY } from "./snippet-typecheck.ts";
import { snippetWebLib } from "./snippet-web-lib.ts";
import { typescriptVersion } from "./typescript-lazy.ts";
import { CLASSIC_SCRIPT_OPTIONS } from "./runner-bundle.ts";
import { projectCacheDir } from "../daybook-cache.ts";
import { writeFileWhole } from "../write-whole.ts";

const require = createRequire(import.meta.url);
const TS_LIB = path.dirname(require.resolve("typescript"));

/**
 * The editor's type-check worker (src/client/snippets/typecheck-worker.ts) as one classic
 * script, served at `/editor/typecheck-worker.js`; the page starts it when a reader first
 * presses Edit. It is small (the files below are fetched beside it), so it starts at once.
 */
export async function bundleTypecheckWorker(root = process.cwd()): Promise<string> {
  const result = await build({ entryPoints: [path.join(root, "src/client/snippets/typecheck-worker.ts")], ...CLASSIC_SCRIPT_OPTIONS });
  return result.outputFiles[0]!.text;
}

/**
 * What the worker checks against, served at `/editor/typecheck-files.json` and fetched while
 * the compiler loads: the files the build's Program reads too (the library files SNIPPET_LIBS
 * names, with every file they reference, and `daybook/sim`'s sources) and the globals a
 * snippet's realm has, for the build's realm check, and those the web library leaves out.
 */
export function typecheckFiles(root = process.cwd()): TypecheckFiles {
  return { libs: libraryFiles(), sim: simFiles(root), show: showFiles(root), globals: [...SNIPPET_GLOBALS], absent: snippetWebLib().absent };
}

/**
 * The `typescript` package the build type-checks with, minified for the page (3.6 MB, ~1 MB
 * gzipped, instead of 9 MB). Minifying takes seconds, so the result is kept in the project's
 * cache folder (not `DAYBOOK_CACHE`'s: every build of this checkout shares it), keyed by the
 * TypeScript and esbuild versions: it depends on nothing else.
 */
export async function typescriptForPage(root = process.cwd()): Promise<string> {
  const version = typescriptVersion();
  const key = createHash("sha256").update(`${version}\0${esbuildVersion}`).digest("hex").slice(0, 16);
  const file = path.join(projectCacheDir(root), "daybook-editor", `typescript-${key}.min.js`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    // Not made yet: make it below.
  }
  const { code } = await transform(readFileSync(path.join(TS_LIB, "typescript.js"), "utf8"), { minify: true, legalComments: "none", target: "es2022" });
  // Parallel builds may race here: each puts a whole file in place.
  writeFileWhole(file, code);
  return code;
}

/** SNIPPET_LIBS (the web library made by snippet-web-lib.ts) and the library files they reference (`/// <reference lib="…" />`), by file name. */
export function libraryFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (name: string) => {
    if (name in files) return;
    const text = name === SNIPPET_WEB_LIB ? snippetWebLib().text : readFileSync(path.join(TS_LIB, name), "utf8");
    files[name] = text;
    for (const m of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"/gm)) add(`lib.${m[1]!.toLowerCase()}.d.ts`);
  };
  for (const name of SNIPPET_LIBS) add(name);
  return files;
}

/** `daybook/sim`'s TypeScript sources, by file name: the page resolves the same code the build does. */
function simFiles(root: string): Record<string, string> {
  const dir = path.join(root, path.dirname(SIM_ENTRY));
  return Object.fromEntries(readdirSync(dir).filter((name) => name.endsWith(".ts")).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

/** `daybook/show`'s type sources: show-module.ts and the src/figures files it imports, by file name (its `../sim/` imports are in simFiles). */
function showFiles(root: string): Record<string, string> {
  const dir = path.join(root, path.dirname(SHOW_ENTRY));
  const files: Record<string, string> = {};
  const add = (name: string) => {
    if (name in files) return;
    files[name] = readFileSync(path.join(dir, name), "utf8");
    for (const m of files[name].matchAll(/^(?:import|export)\b[^;]*?\sfrom\s+"\.\/([\w-]+\.ts)"/gm)) add(m[1]!);
  };
  add(path.basename(SHOW_ENTRY));
  return files;
}
