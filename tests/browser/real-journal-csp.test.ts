import { describe, expect, it } from "vitest";
import { htmlFiles } from "../helpers/html.ts";
import { useRealJournalSite } from "../helpers/sample-site-session.ts";

/** A 1×1 PNG, served for every remote image so the test needs no network. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/**
 * Every page of the real-journal fixture (tables, callouts, maths, images, remote images…),
 * served under its base path, trips nothing of the page's Content-Security-Policy and loads
 * nothing that is missing.
 */
describe("the real-journal fixture in Chromium", () => {
  const session = useRealJournalSite();

  it("logs no CSP violation and no failed request on any page", async () => {
    const context = await session.browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: "image/png", body: PIXEL }));
    await context.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && problems.push(`${page.url()}: ${m.text()}`));
    // ERR_ABORTED is a request cut short by the next navigation (a favicon, a search chunk), not a failure.
    page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && problems.push(`${page.url()}: failed ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${page.url()}: ${r.status()} ${r.url()}`));
    const pages = htmlFiles(session.build.outDir).filter((f) => f.endsWith("index.html") && !f.startsWith("runner/"));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      await page.goto(`${session.site.url}${file.replace(/index\.html$/, "")}`, { waitUntil: "load" });
      // Lazy images load only near the viewport: bring each into view so it is requested.
      await page.evaluate(async () => {
        for (const img of document.querySelectorAll("img")) img.scrollIntoView();
        const settled = (img: HTMLImageElement) =>
          new Promise((done) => {
            img.addEventListener("load", done, { once: true });
            img.addEventListener("error", done, { once: true });
          });
        await Promise.all([...document.images].filter((img) => !img.complete).map(settled));
      });
      problems.push(...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((v) => `${file}: ${v}`));
      const broken = await page.evaluate(() => [...document.images].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.currentSrc || img.src));
      problems.push(...broken.map((src) => `${file}: image did not load: ${src}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
