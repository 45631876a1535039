import { totalmem } from "node:os";

/**
 * Astro holds every page of a build in memory (~1–3 MB each); V8's default heap limit (~4 GB)
 * would stop a journal of a few thousand days, so Astro may use up to half the machine's memory.
 */
export function astroHeapFlag(): string {
  return `--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 1024 / 1024 / 2))}`;
}
