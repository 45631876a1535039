import { wrapRenderCalls } from "../markdown/renderer-wrap.ts";

/**
 * Makes every Markdown and MDX render wait for the dev journal's re-check in progress. Astro
 * re-renders a saved entry as soon as it sees the change, and the snippet outputs it bakes in
 * come from the snippet registry, which the re-check fills: without the wait, the page showed
 * "This snippet has not been run yet." after every edit of a snippet.
 */
export function waitBeforeRendering(processor: object, settled: () => Promise<void>): void {
  const wait = async (call: (...args: unknown[]) => Promise<unknown>, args: unknown[]) => {
    await settled();
    return call(...args);
  };
  wrapRenderCalls(processor, "createRenderer", "render", wait);
  wrapRenderCalls(processor, "createMdxRenderer", "process", wait);
}
