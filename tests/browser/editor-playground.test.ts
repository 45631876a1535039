// The snippet editor as a reader meets it in Chromium: TypeScript's own errors, types and
// completions from the worker, both themes at AA contrast, and edits kept and shared.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { contrast } from "../helpers/contrast.ts";
import { recordErrors, useSampleSite } from "../helpers/sample-site-session.ts";

/** Contrast of two colours given as [r, g, b]. */
const rgbContrast = (a: number[], b: number[]) => contrast(hex(a), hex(b));
const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

describe("the snippet editor in Chromium", () => {
  const session = useSampleSite();
  const errors: string[] = [];
  let context: BrowserContext | undefined;

  async function open(path: string, viewport = { width: 1000, height: 800 }): Promise<Page> {
    context = await session.browser.newContext({ viewport });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = recordErrors(await context.newPage(), errors);
    await page.goto(`${session.site.url}${path}`);
    return page;
  }

  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  const diagnostics = (snippet: Locator) => snippet.locator(".cm-snippet-diagnostics li");

  it("checks types as the reader types: the error and its line under the code, underlined, hover types, completions; Run still runs and counts them, and refuses what the build refuses", async () => {
    const page = await open("day/16/");
    await page.waitForLoadState("networkidle");
    // Nothing of the type checker loads before the reader edits.
    expect(session.site.requests.filter((r) => r.includes("/editor/"))).toEqual([]);
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    const editor = snippet.locator(".cm-content");
    await editor.waitFor();
    await expect.poll(() => session.site.requests.filter((r) => r.includes("/editor/")).sort(), { timeout: 90_000 }).toEqual(["/editor/typecheck-files.json", "/editor/typecheck-worker.js", "/editor/typescript.js"]);
    // The author's code, unedited, shows no errors.
    await expect.poll(() => snippet.locator(".cm-snippet-diagnostics p").textContent()).toBe("No type errors");

    await editor.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText('const greeting = "hi";\nconst n: number = "five";\nconsole.log(greeting, n);');
    await expect.poll(() => diagnostics(snippet).allTextContents(), { timeout: 90_000 }).toEqual(["Line 2: Type 'string' is not assignable to type 'number'. (TS2322)"]);
    await expect.poll(() => snippet.locator(".cm-lintRange-error").count()).toBe(1);

    // Hover on a name shows its type, as TypeScript prints it. The name is found again until the
    // type shows: blocks laid out as they come near the screen, or a busy machine's late layout,
    // can move the editor between finding the name and moving the mouse. A hover can also be lost
    // without the name moving: CodeMirror asks for a hover only once the mouse rests, and gives
    // up when the element under the mouse was replaced meanwhile (the highlighter repaints the
    // line's spans in idle time, late on a busy machine). A reader's hand moves again; so does
    // this test's mouse, a pixel, when the type has not shown two seconds after it came to rest.
    const greetingAt = () => page.evaluate(() => {
      const line = document.querySelector(".snippet-editor")!.shadowRoot!.querySelector(".cm-line")!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf("greeting");
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index + 2);
        range.setEnd(node, index + 4);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      throw new Error("no `greeting` on the first line");
    });
    let hovered = "";
    let restedSince = 0;
    let nudge = 0;
    const quickInfo = snippet.locator(".cm-quickinfo");
    await expect
      .poll(async () => {
        if (await quickInfo.count()) return quickInfo.textContent();
        const at = await greetingAt();
        const where = `${Math.round(at.x)},${Math.round(at.y)}`;
        if (where !== hovered || Date.now() - restedSince > 2_000) {
          hovered = where;
          nudge = nudge === 0 ? 1 : 0;
          await page.mouse.move(at.x + nudge, at.y);
          restedSince = Date.now();
        }
        return null;
      }, { timeout: 45_000 })
      .toBe('const greeting: "hi"');

    // Run runs it anyway, and says so.
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => snippet.locator(".snippet-status").textContent(), { timeout: 90_000 }).toMatch(/^Ran in \d+ ms \(ran with 1 type error\)$/);
    expect(await snippet.locator(".snippet-output-text").textContent()).toBe("hi five");

    // Completions: members of a value, and daybook/sim's exports.
    await editor.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText('import { createS } from "daybook/sim";\nconst xs = [1, 2];\nxs.');
    await page.keyboard.type("fil");
    await expect.poll(() => snippet.locator(".cm-tooltip-autocomplete li").allTextContents(), { timeout: 90_000 }).toContain("filter");
    await page.keyboard.press("Escape");
    await snippet.locator(".cm-line").first().click();
    await page.keyboard.press("Home");
    for (let i = 0; i < "import { createS".length; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => snippet.locator(".cm-tooltip-autocomplete li").allTextContents(), { timeout: 90_000 }).toContain("createSim");
    await page.keyboard.press("Escape");

    // The build's words for a name snippets lack; `typeof` of it is how code tests for a global, so it is fine.
    await editor.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("console.log(typeof document);\nconst d = document;\nself.postMessage(d);");
    // A worker's own global, which TypeScript's worker library declares but a snippet lacks: said as the build says it, in the page.
    await expect.poll(() => diagnostics(snippet).allTextContents(), { timeout: 90_000 }).toEqual(["Line 2: `document` does not exist where snippets run (TS2584)", "Line 3: `self` does not exist where snippets run"]);

    // A namespace the build refuses (TS1294) is refused here too, with the build's words and line, never run without it.
    await editor.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("const before = 1;\nnamespace Config {\n  declare const retries: number;\n}\nconsole.log(before, Config);");
    await expect.poll(() => diagnostics(snippet).allTextContents(), { timeout: 90_000 }).toContain("Line 2: namespaces with values can't run in a snippet: use a plain object or top-level declarations");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => snippet.locator(".snippet-status").textContent(), { timeout: 90_000 }).toBe("Not run: this TypeScript can't run in a snippet");
    expect(await snippet.locator(".snippet-output-text").textContent()).toMatch(/^namespaces with values can't run in a snippet: .+ \(line 2\)$/);
  }, 300_000);

  it("matches the page's theme and its toggle: every token at 4.5:1 in light and dark, focus visible, fits 320 px", async () => {
    const page = await open("day/16/", { width: 320, height: 700 });
    const snippet = page.locator("daybook-snippet").first();
    await snippet.locator("[data-action=edit]").click();
    await snippet.locator(".cm-content").waitFor();
    const colours = () =>
      page.evaluate(() => {
        const root = document.querySelector(".snippet-editor")!.shadowRoot!;
        const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
        const editor = root.querySelector<HTMLElement>(".cm-editor")!;
        const tokens = [...root.querySelectorAll<HTMLElement>(".cm-line, .cm-line span")].filter((e) => e.textContent!.trim());
        return {
          theme: document.documentElement.dataset.theme,
          background: rgb(getComputedStyle(editor).backgroundColor),
          tokens: tokens.map((e) => ({ text: e.textContent!.slice(0, 20), colour: rgb(getComputedStyle(e).color) })),
          distinct: new Set(tokens.map((e) => getComputedStyle(e).color)).size,
          focused: editor.classList.contains("cm-focused") ? getComputedStyle(editor).outlineStyle : "not focused",
        };
      });
    for (const theme of ["light", "dark"]) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.locator("[data-theme-toggle]").click();
      await snippet.locator(".cm-content").click();
      // CodeMirror highlights after it parses, in idle time: wait for the colours before measuring them.
      await expect.poll(async () => (await colours()).distinct, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
      const seen = await colours();
      expect(seen.theme).toBe(theme);
      expect(seen.background).toEqual(theme === "dark" ? [13, 17, 23] : [255, 255, 255]);
      // Highlighted code, not one colour: keywords, types, strings and numbers each have theirs.
      expect(seen.distinct).toBeGreaterThanOrEqual(4);
      const low = seen.tokens.filter((t) => rgbContrast(t.colour, seen.background) < 4.5).map((t) => `${t.text}: ${rgbContrast(t.colour, seen.background).toFixed(2)}`);
      expect(low, theme).toEqual([]);
      expect(seen.focused).toBe("solid");
    }
    // Usable at 320 px: the page does not scroll sideways, and the toolbar fits.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const box = await snippet.locator("[data-action=share]").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
  }, 180_000);

  it("keeps an edit across a reload, shares it as a link that opens without running, and Reset forgets it", async () => {
    // Day 17: its snippet declares no inputs, so opening the page loads nothing of the sandbox (inputs load a small module sharing its message format).
    const page = await open("day/17/");
    const snippet = page.locator("daybook-snippet").first();
    const baked = await snippet.locator(".snippet-output-text").textContent();
    await snippet.locator("[data-action=edit]").click();
    await snippet.locator(".cm-content").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText('console.log("shared edit");');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("daybook-edit:")))).toEqual(["daybook-edit:/:/day/17/:1"]);

    await page.reload();
    await expect.poll(() => snippet.locator(".cm-content").textContent(), { timeout: 60_000 }).toBe('console.log("shared edit");');
    expect(await snippet.locator(".snippet-status").textContent()).toBe("Your edit, kept in this browser: Reset restores the author's version");
    expect(await snippet.locator(".cm-snippet-changed").textContent()).toBe("Changed from the author's version");

    // The author changes the snippet: the kept edit says so.
    await page.evaluate(() => {
      const key = "daybook-edit:/:/day/17/:1";
      localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), author: "0000000000000000" }));
    });
    await page.reload();
    await expect.poll(() => snippet.locator(".snippet-status").textContent(), { timeout: 60_000 }).toMatch(/the author has changed this snippet since: Reset shows the new version$/);

    await snippet.locator("[data-action=share]").click();
    await expect.poll(() => snippet.locator(".snippet-status").textContent()).toMatch(/^Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/day\/17\/#edit\.1=[A-Za-z0-9_-]+$/);

    // Reset restores the author's code and output and forgets the edit.
    await snippet.locator("[data-action=reset]").click();
    expect(await snippet.locator(".snippet-output-text").textContent()).toBe(baked);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("daybook-edit:")))).toEqual([]);
    await context!.close();

    // Opened elsewhere: the shared code, marked as changed, and nothing run until Run.
    const before = session.site.requests.length;
    const other = await open(link.slice(link.indexOf("/day/") + 1));
    const shared = other.locator("daybook-snippet").first();
    await expect.poll(() => shared.locator(".cm-content").textContent(), { timeout: 60_000 }).toBe('console.log("shared edit");');
    expect(await shared.locator(".snippet-status").textContent()).toBe("Code from a shared link, changed from the author's version: not run yet, press Run to run it");
    expect(await shared.locator(".cm-snippet-changed").count()).toBe(1);
    await other.waitForTimeout(500);
    expect(session.site.requests.slice(before).filter((r) => /runner|sandbox/.test(r))).toEqual([]);
    expect(await shared.locator(".snippet-output-text").textContent()).toBe(baked);
    await shared.locator("[data-action=run]").click();
    await expect.poll(() => shared.locator(".snippet-output-text").textContent(), { timeout: 90_000 }).toBe("shared edit");

    await context!.close();

    // Any other fragment stays a heading anchor: nothing opens.
    const anchored = await open("day/17/#edit.1");
    await anchored.waitForLoadState("networkidle");
    expect(await anchored.locator("daybook-snippet .cm-content").count()).toBe(0);
  }, 300_000);
});
