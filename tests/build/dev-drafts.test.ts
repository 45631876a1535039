import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, cleanEnv } from "../helpers/build-site.ts";

describe("npm run dev", () => {
  let server: ChildProcess;
  let origin = "";

  beforeAll(async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-dev-"));
    // A stand-in for the last build's search index, which the dev server should serve.
    const lastBuild = mkdtempSync(path.join(tmpdir(), "daybook-dev-dist-"));
    mkdirSync(path.join(lastBuild, "pagefind"));
    writeFileSync(path.join(lastBuild, "pagefind", "pagefind.js"), "export const fromLastBuild = true;");
    server = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "dev", "--port", "0", "--host", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...cleanEnv(), DAYBOOK_CONTENT: "tests/fixtures/basic", DAYBOOK_CACHE: cache, DAYBOOK_OUT: lastBuild, DAYBOOK_TODAY: "2026-11-23", ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    origin = await new Promise<string>((resolve, reject) => {
      let log = "";
      const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${log}`)), 60_000);
      const onData = (chunk: Buffer) => {
        log += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      server.stdout!.on("data", onData);
      server.stderr!.on("data", onData);
    });
  });

  afterAll(() => {
    server?.kill();
  });

  it("shows draft entries, marked as drafts", async () => {
    const draft = await fetch(`${origin}/day/3/`);
    expect(draft.status).toBe(200);
    const html = await draft.text();
    expect(html).toContain("Unfinished thoughts");
    const home = await (await fetch(`${origin}/`)).text();
    expect(home).toContain("Unfinished thoughts");
    expect(home).toContain('class="draft-badge"');
  });

  it("serves the search index of the last build", async () => {
    const response = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("export const fromLastBuild = true;");
  });
});
