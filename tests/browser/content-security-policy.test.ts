import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSampleSite } from "../helpers/sample-site-session.ts";

const PAGES = ["", "day/16/", "tags/two-phase-commit/", "tags/", "archive/", "graph/", "search/?q=commit", "no-such-page/"];

interface Violation {
  page: string;
  directive: string;
  blocked: string;
}

/**
 * Every page carries Astro's `security.csp` policy, and reading, searching, running and editing
 * snippets and exploring the graph trip none of it. Violations are caught two ways: the
 * `securitypolicyviolation` event in every frame, and Chromium's "Refused to …" console errors.
 */
describe("Content-Security-Policy (Chromium)", () => {
  const session = useSampleSite();

  async function watchedPage(): Promise<{ context: BrowserContext; page: Page; violations: () => Promise<Violation[]>; refusals: string[] }> {
    const context = await session.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    // Init scripts are added by the browser itself, so the policy under test does not apply to them.
    await context.addInitScript(() => {
      const seen: unknown[] = ((window as unknown as { __violations: unknown[] }).__violations = []);
      addEventListener("securitypolicyviolation", (e) => seen.push({ page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, at: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` }));
    });
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && refusals.push(m.text()));
    const violations = async () => {
      const all: Violation[] = [];
      for (const frame of page.frames()) all.push(...(await frame.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations ?? []).catch(() => [])));
      return all;
    };
    return { context, page, violations, refusals };
  }

  it("is on every page type: hashes for inline code, nothing inline allowed wholesale", async () => {
    const { context, page } = await watchedPage();
    for (const path of PAGES) {
      const html = (await (await page.goto(`${session.site.url}${path}`))!.text()).toLowerCase();
      // A policy in a <meta> covers only what comes after it: nothing that runs or loads may precede it.
      const policyAt = html.indexOf('<meta http-equiv="content-security-policy"');
      expect(policyAt, `/${path}`).toBeGreaterThan(0);
      expect(html.slice(0, policyAt), `/${path}`).not.toMatch(/<script|<style|<link[^>]+rel="(stylesheet|modulepreload|preload)"|<iframe|<img/);
      const policies = await page.locator('meta[http-equiv="content-security-policy"]').evaluateAll((metas) => metas.map((m) => m.getAttribute("content") ?? ""));
      expect(policies, `/${path}`).toHaveLength(1);
      const directives = new Map(policies[0]!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
      expect(directives.get("script-src"), `/${path}`).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
      for (const name of ["script-src", "style-src"]) {
        expect(directives.get(name)!.filter((v) => /^'unsafe-inline'$|^'unsafe-eval'$|^\*$|^https?:$|^data:$|^blob:$/.test(v)), `/${path} ${name}`).toEqual([]);
      }
      expect(directives.get("default-src"), `/${path}`).toEqual(["'self'"]);
      expect(directives.get("object-src"), `/${path}`).toEqual(["'none'"]);
      expect(await page.locator("[style]").count(), `/${path} has style attributes`).toBe(0);
    }
    await context.close();
  });

  it("logs no violation while a reader reads, searches, runs and edits snippets and explores the graph", async () => {
    const { context, page, violations, refusals } = await watchedPage();
    for (const path of PAGES) await page.goto(`${session.site.url}${path}`);

    // Search (Pagefind compiles WebAssembly and fetches its index) from the dialog and the page.
    await page.goto(`${session.site.url}search/?q=coordinator`);
    await page.locator(".search-page .search-result").first().waitFor();
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog[open] input[type=search]").fill("jitter");
    await page.locator("dialog.search-dialog .search-result").first().waitFor();
    expect(await violations()).toEqual([]);

    // Snippets: a run in the sandbox, an edit (CodeMirror injects its styles), an edited run (sucrase).
    await page.goto(`${session.site.url}day/16/`);
    const snippet = page.locator("daybook-snippet").first();
    const status = snippet.locator(".snippet-status");
    await snippet.locator("[data-action=run]").click();
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Ran/);
    await snippet.locator("[data-action=edit]").click();
    const editor = snippet.locator(".cm-content");
    await editor.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText("const answer: number = 6 * 7;\nconsole.log({ answer });");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => snippet.locator(".snippet-output-text").textContent(), { timeout: 60_000 }).toBe("{ answer: 42 }");
    // CodeMirror's own stylesheet (adopted, not inline) applies: its scroller is monospace.
    expect(await snippet.locator(".cm-scroller").evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await page.locator("[data-theme-toggle]").click();
    await page.locator(".code-block button.copy-code").first().click();
    expect(page.frames().some((f) => f.url().endsWith("/runner/sandbox.html"))).toBe(true);
    expect(await violations()).toEqual([]);

    // The graph: highlight on hover, filter, zoom.
    await page.goto(`${session.site.url}graph/`);
    await page.locator('svg.tag-graph a.node[data-id="two-phase-commit"]').hover();
    await page.locator("svg.tag-graph .graph-overlay a.node.is-active").waitFor();
    await page.fill("#graph-filter", "commit");
    await page.locator(".graph-viewport").focus();
    await page.keyboard.press("+");
    expect(await violations()).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it("catches what it is meant to catch: an injected inline script and style attribute are refused and reported", async () => {
    const { context, page, violations, refusals } = await watchedPage();
    await page.goto(`${session.site.url}day/16/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injectedRan = true";
      document.head.append(script);
      document.body.setAttribute("style", "outline: 5px solid red");
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan ?? false;
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe("none");
    const directives = (await violations()).map((v) => v.directive).sort();
    expect(directives).toEqual(["script-src-elem", "style-src-attr"]);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
