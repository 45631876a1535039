import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import { afterAll, describe, expect, it } from "vitest";
import { MARKDOWN_SOURCES, markdownFingerprint, withMarkdownFingerprint } from "../../src/integration/markdown/markdown-fingerprint.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const astro = (file: string) => import(pathToFileURL(path.join(ROOT, "node_modules/astro/dist", file)).href);

/**
 * What Astro's content layer compares to decide whether its cached rendered pages are stale
 * (content/content-layer.js): the validated config minus vite, integrations and adapter, as JSON.
 */
async function astroConfigDigest(processor: object): Promise<string> {
  const { validateConfig } = await astro("core/config/validate.js");
  const { safeStringify } = await astro("content/utils.js");
  const config = await validateConfig({ markdown: { processor, syntaxHighlight: false } }, ROOT, "build");
  const { vite: _vite, integrations: _integrations, adapter: _adapter, ...hashable } = config;
  return safeStringify(hashable) as string;
}

describe("a change to Daybook's Markdown plugins re-renders cached pages", () => {
  const work = mkdtempSync(path.join(tmpdir(), "daybook-fingerprint-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("Astro still decides by the config's JSON, minus only vite, integrations and adapter", () => {
    const source = readFileSync(path.join(ROOT, "node_modules/astro/dist/content/content-layer.js"), "utf8");
    expect(source).toMatch(/vite: _vite,\s*integrations: _integrations,\s*adapter: _adapter,\s*\.\.\.hashableConfig\s*\} = this\.#settings\.config;\s*const astroConfigDigest = safeStringify\(hashableConfig\);/);
    expect(source).toMatch(/previousAstroConfigDigest !== astroConfigDigest\) \{[\s\S]{0,80}shouldClear = true/);
  });

  it("without the fingerprint, a changed plugin leaves the digest as it was (the stale pages)", async () => {
    const plugin = (body: string) => ({ name: "p", element: { filter: ["pre"], visit: new Function("node", body) as () => undefined } });
    expect(await astroConfigDigest(satteri({ hastPlugins: [plugin("return 1")] }))).toBe(await astroConfigDigest(satteri({ hastPlugins: [plugin("return 2")] })));
  });

  it("the fingerprint survives Astro's config validation and changes its digest", async () => {
    const a = withMarkdownFingerprint(ROOT, satteri({}));
    const b = satteri({});
    Object.assign(b.options, { daybookMarkdown: "something else" });
    const digestA = await astroConfigDigest(a);
    expect(digestA).toContain(`"daybookMarkdown":"${markdownFingerprint(ROOT)}"`);
    expect(digestA).not.toBe(await astroConfigDigest(b));
  });

  it("changes when any file under src/integration/markdown changes, or a renderer's version", () => {
    const root = path.join(work, "project");
    for (const source of MARKDOWN_SOURCES) {
      try {
        cpSync(path.join(ROOT, source), path.join(root, source), { recursive: true });
      } catch {
        // another part's plugin that is not there yet
      }
    }
    mkdirSync(path.join(root, "node_modules"), { recursive: true });
    cpSync(path.join(ROOT, "node_modules/temml/package.json"), path.join(root, "node_modules/temml/package.json"));
    writeFileSync(path.join(root, "package.json"), "{}");
    const before = markdownFingerprint(root);
    expect(markdownFingerprint(root)).toBe(before);

    const plugin = path.join(root, "src/integration/markdown/hast-callouts.ts");
    const original = readFileSync(plugin, "utf8");
    writeFileSync(plugin, original.replace('note: "Note"', 'note: "Remark"'));
    expect(markdownFingerprint(root)).not.toBe(before);
    writeFileSync(plugin, original);
    expect(markdownFingerprint(root)).toBe(before);

    writeFileSync(path.join(root, "src/integration/markdown/new-plugin.ts"), "export {};\n");
    expect(markdownFingerprint(root)).not.toBe(before);
    rmSync(path.join(root, "src/integration/markdown/new-plugin.ts"));

    const temml = path.join(root, "node_modules/temml/package.json");
    writeFileSync(temml, JSON.stringify({ version: "99.0.0" }));
    expect(markdownFingerprint(root)).not.toBe(before);
  });

  it("is what astro.config.mjs gives the processor", async () => {
    const { default: config } = await import(pathToFileURL(path.join(ROOT, "astro.config.mjs")).href);
    expect(config.markdown.processor.options.daybookMarkdown).toBe(markdownFingerprint(ROOT));
  });
});
