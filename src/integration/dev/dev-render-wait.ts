/**
 * Makes every Markdown and MDX render wait for the dev journal's re-check in progress. Astro
 * re-renders a saved entry as soon as it sees the change, and the snippet outputs it bakes in
 * come from the snippet registry, which the re-check fills: without the wait, the page showed
 * "This snippet has not been run yet." after every edit of a snippet.
 */
export function waitBeforeRendering(processor: object, settled: () => Promise<void>): void {
  const target = processor as Record<string, unknown>;
  for (const factory of ["createRenderer", "createMdxRenderer"]) {
    const create = target[factory];
    if (typeof create !== "function") continue;
    target[factory] = async (...args: unknown[]) => {
      const renderer = (await create.apply(processor, args)) as Record<string, unknown>;
      // render() for Markdown, process() for MDX.
      for (const method of ["render", "process"]) {
        const original = renderer[method];
        if (typeof original !== "function") continue;
        renderer[method] = async (...renderArgs: unknown[]) => {
          await settled();
          return original.apply(renderer, renderArgs);
        };
      }
      return renderer;
    };
  }
}
