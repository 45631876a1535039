// The fenced code blocks of a journal's entries, with the Shiki language each is highlighted in:
// what the highlighting tests and `npm run bench` compare Shiki and the build's highlighting on.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { shikiLanguage } from "../../src/integration/snippets/known-languages.ts";

/** Every fenced block in a language Shiki knows (plain text left out) of the .md and .mdx files under `folders`. */
export function fencedBlocks(folders: readonly string[]): { lang: string; code: string }[] {
  const files = folders.flatMap(function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? walk(file) : /\.mdx?$/.test(name) ? [file] : [];
    });
  });
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)\n\1[ \t]*$/gm)].flatMap((m) => {
      const lang = shikiLanguage(m[2]!.trim().split(/\s+/)[0] ?? "");
      return lang && lang !== "text" ? [{ lang, code: m[3]! }] : [];
    }),
  );
}
