import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every HTML file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

/** Values of `href` and `src` attributes in an HTML string. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}
