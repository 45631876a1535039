import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keepHashesInUse } from "../../src/integration/csp-hashes-in-use.ts";

const hash = (text: string, algorithm = "sha256") => `'${algorithm}-${createHash(algorithm).update(text).digest("base64")}'`;
const BOOT = "document.documentElement.dataset.theme='light'";
const page = (policy: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><script>${BOOT}</script></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)![1]!;

describe("a page's policy keeps only the hashes of its own inline code", () => {
  const unused = [hash("astro-island loader"), hash("client:idle"), hash("")];
  const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(BOOT)} ${unused[0]} ${unused[1]}; style-src 'self' ${unused[2]};`;

  it("drops hashes of code the page does not contain, keeps the rest byte for byte", () => {
    const html = page(policy, "<p>Text</p>");
    const kept = keepHashesInUse(html);
    expect(policyOf(kept)).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(BOOT)}; style-src 'self';`);
    // Only the policy changed.
    expect(kept.replace(policyOf(kept), "")).toBe(html.replace(policyOf(html), ""));
  });

  it("keeps a hash whose inline script or style is in the page, in any algorithm", () => {
    const css = ".x{color:red}";
    const html = page(`script-src 'self' ${hash(BOOT, "sha384")} ${hash("x", "sha512")}; style-src ${hash(css)}`, `<style>${css}</style>`);
    expect(policyOf(keepHashesInUse(html))).toBe(`script-src 'self' ${hash(BOOT, "sha384")}; style-src ${hash(css)}`);
  });

  it("never adds a source: an inline script whose hash the policy lacks stays refused", () => {
    const html = page(`script-src 'self'`, "<script>alert(1)</script>");
    expect(keepHashesInUse(html)).toBe(html);
  });

  it("does not count an external script's text, and leaves other directives and pages without a policy alone", () => {
    const external = "console.log(1)";
    const html = page(`script-src 'self' ${hash(BOOT)} ${hash(external)}; img-src 'self' ${hash(external)}`, `<script type="module" src="/a.js">${external}</script>`);
    expect(policyOf(keepHashesInUse(html))).toBe(`script-src 'self' ${hash(BOOT)}; img-src 'self' ${hash(external)}`);
    const plain = `<html><head><script>${BOOT}</script></head></html>`;
    expect(keepHashesInUse(plain)).toBe(plain);
  });
});
