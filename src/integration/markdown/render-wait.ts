import { fileURLToPath } from "node:url";
import { wrapRenderCalls } from "./renderer-wrap.ts";

/**
 * Makes Markdown and MDX renders wait for `settled()`: the snippet outputs a render bakes in come
 * from the snippet registry, which the snippet check fills.
 * - In dev, Astro re-renders a saved entry as soon as it sees the change; without the wait the
 *   page showed "This snippet has not been run yet." after every edit of a snippet.
 * - In a build, the check runs while Vite bundles (the rest of the bundle does not need it), and
 *   each entry's compile waits for it; `waitsFor` leaves other files (tags) to render at once.
 *   A render whose file is unknown always waits.
 * Wrap last, after any other render wrapper that reads the registry, so that the wait comes first.
 */
export function waitBeforeRendering(processor: object, settled: () => Promise<void>, waitsFor: (file: string) => boolean = () => true): void {
  const wait = async (call: (...args: unknown[]) => Promise<unknown>, args: unknown[]) => {
    const file = renderedFile(args);
    if (file === undefined || waitsFor(file)) await settled();
    return call(...args);
  };
  wrapRenderCalls(processor, "createRenderer", "render", wait);
  wrapRenderCalls(processor, "createMdxRenderer", "process", wait);
}

/** The file a render is for: Markdown's render() gets `{ fileURL }`, MDX's process() the module id (the file's path). */
function renderedFile(args: unknown[]): string | undefined {
  const second = args[1];
  if (typeof second === "string") return second;
  const url = (second as { fileURL?: unknown } | null | undefined)?.fileURL;
  return url instanceof URL ? fileURLToPath(url) : undefined;
}
