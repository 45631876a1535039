// A page's incremental-build key (src/integration/page-cache-key.ts) must change with every setting
// the environment can override, since pages show them (a share image, the base path, dates in the
// journal's time zone), and must not change with where the project is checked out, or every CI
// runner would render every page again. Each key is made in a process of its own, as a build does.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function keyOf(props: unknown, env: Record<string, string> = {}, cwd = ROOT): string {
  const script = `const { pageCacheKey } = await import(${JSON.stringify(path.join(cwd, "src/integration/page-cache-key.ts"))}); console.log(pageCacheKey(${JSON.stringify(props)}));`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DAYBOOK_")));
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd, env: { ...clean, ...env }, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe("a page's incremental-build key", () => {
  const props = { entry: { day: 1, title: "Queues" } };
  const plain = keyOf(props);

  it("is a hash of the page's props", () => {
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf(props)).toBe(plain);
    expect(keyOf({ entry: { day: 1, title: "Queues!" } })).not.toBe(plain);
  });

  it("changes with any part of a content entry in the props, however deep, and with where entries sit", () => {
    const entry = (body: string, title = "Queues") => ({ id: "001-queues", collection: "days", body, data: { day: 1, title, tags: ["queues"] } });
    const page = (...entries: unknown[]) => ({ path: entries, tagsOf: { "001-queues": [{ id: "queues", collection: "tags", data: { title: "Queues" } }] } });
    const keys = [
      keyOf(page(entry("Backpressure."))),
      keyOf(page(entry("Backpressure!"))),
      keyOf(page(entry("Backpressure.", "Queues 2"))),
      keyOf(page(entry("Backpressure."), entry("Backpressure."))),
      keyOf({ ...page(entry("Backpressure.")), tagsOf: { "001-queues": [{ id: "queues", collection: "tags", data: { title: "Queue" } }] } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyOf(page(entry("Backpressure.")))).toBe(keys[0]);
  });

  it.each([
    ["DAYBOOK_SHARE_IMAGES", "false"],
    ["DAYBOOK_TIME_ZONE", "Asia/Tokyo"],
    ["DAYBOOK_BASE", "/journal/"],
    ["DAYBOOK_SITE", "https://example.org"],
  ])("changes with %s", (name, value) => {
    expect(keyOf(props, { [name]: value })).not.toBe(plain);
  });

  it("changes with Daybook's own source, and not with where the project is", () => {
    const copy = mkdtempSync(path.join(tmpdir(), "daybook-key-"));
    try {
      for (const entry of ["src", "scripts", "astro.config.mjs", "daybook.config.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
        cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
      }
      expect(keyOf(props, {}, copy)).toBe(plain);
      appendFileSync(path.join(copy, "src/lib/plural.ts"), "// a change to any of Daybook's files\n");
      expect(keyOf(props, {}, copy)).not.toBe(plain);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
