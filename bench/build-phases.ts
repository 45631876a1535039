// The parts of a build `npm run bench` prints beside its wall time, read from what the build
// logged: Astro's start-up (its "Collecting build info… ✓ Completed in", timed from before the
// integrations' setup: their config hooks, the content sync, the page list), its Vite bundling
// (the "[vite] ✓ built in" lines after "Building static entrypoints"), its page rendering
// ("generating static routes … ✓ Completed in") and Daybook's search index (what is left of it
// once the last page is written). The same reading serves the baseline's log, which has no
// search index. A phase the log does not show (another Astro version's wording) is left out
// rather than guessed.

export interface BuildPhases {
  startupMs: number | undefined;
  viteMs: number | undefined;
  renderMs: number | undefined;
  searchIndexMs: number | undefined;
}

/** Astro prints "812ms", "4.30s" or "1m 3s" (getTimeStat in astro/dist/core/build/util.js). */
function astroDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const minutes = /^(\d+)m\s*(\d+)s$/.exec(text);
  if (minutes) return (Number(minutes[1]) * 60 + Number(minutes[2])) * 1000;
  const value = /^([\d.]+)(ms|s)$/.exec(text);
  return value ? Number(value[1]) * (value[2] === "s" ? 1000 : 1) : undefined;
}

export function buildPhases(output: string): BuildPhases {
  // Colour codes would split the phrases apart.
  const log = output.replace(/\u001b\[[\d;]*m/g, "");
  const completed = (after: RegExp) => astroDuration(new RegExp(`${after.source}[\\s\\S]*?✓ Completed in (\\d+m \\d+s|[\\d.]+m?s)`).exec(log)?.[1]);
  const search = /search index: \d+ pages(?: \([^)]*\))? in ([\d.]+) s/.exec(log)?.[1];
  const bundling = log.slice(Math.max(0, log.indexOf("Building static entrypoints")));
  const bundles = [...bundling.matchAll(/\[vite\] ✓ built in (\d+m \d+s|[\d.]+m?s)/g)].map((match) => astroDuration(match[1]));
  return {
    startupMs: completed(/Collecting build info/),
    viteMs: log.includes("Building static entrypoints") && bundles.length && bundles.every((v) => v !== undefined) ? bundles.reduce((a, b) => a! + b!, 0) : undefined,
    renderMs: completed(/generating static routes/),
    searchIndexMs: search === undefined ? undefined : Number(search) * 1000,
  };
}
