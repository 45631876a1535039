/** A renderer's render() (Markdown) or process() (MDX), as Astro calls it. */
export type RenderCall = (...args: unknown[]) => Promise<unknown>;

/**
 * Puts `around` around every call of `method` on the renderers the Markdown processor's `factory`
 * makes (`createRenderer` → `render` for Markdown, `createMdxRenderer` → `process` for MDX). Astro
 * asks the processor in the config for its renderers, so this reaches every page it renders; a
 * processor without that factory is left as it is. Renders wait for the snippet check
 * (render-wait.ts), and a build reuses compiled MDX (mdx-render-cache.ts).
 */
export function wrapRenderCalls(processor: object, factory: "createRenderer" | "createMdxRenderer", method: "render" | "process", around: (call: RenderCall, args: unknown[]) => Promise<unknown>): void {
  const target = processor as Record<string, unknown>;
  const create = target[factory];
  if (typeof create !== "function") return;
  target[factory] = async (...args: unknown[]) => {
    const renderer = (await create.apply(processor, args)) as Record<string, unknown>;
    const original = renderer[method];
    if (typeof original === "function") {
      const call: RenderCall = (...callArgs) => original.apply(renderer, callArgs) as Promise<unknown>;
      renderer[method] = (...callArgs: unknown[]) => around(call, callArgs);
    }
    return renderer;
  };
}
