import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../helpers/dev-server.ts";

describe("npm run dev", () => {
  let server: DevServer | undefined;
  let origin = "";

  beforeAll(async () => {
    const cache = mkdtempSync(path.join(tmpdir(), "daybook-dev-"));
    // A stand-in for the last build's search index, which the dev server should serve.
    const lastBuild = mkdtempSync(path.join(tmpdir(), "daybook-dev-dist-"));
    mkdirSync(path.join(lastBuild, "pagefind"));
    writeFileSync(path.join(lastBuild, "pagefind", "pagefind.js"), "export const fromLastBuild = true;");
    server = await startDevServer({ DAYBOOK_CONTENT: "tests/fixtures/basic", DAYBOOK_CACHE: cache, DAYBOOK_OUT: lastBuild });
    origin = server.origin;
  });

  afterAll(async () => {
    await server?.stop();
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
