import { readFileSync, statSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** What a test file calls when it runs Astro on this checkout, and so waits for tests/helpers/astro-lock.ts. */
const RUNS_ASTRO = /\b(buildSite|runAstroScript|startDevServer)\(/;

/**
 * Orders the files so that the two workers rarely wait for each other: files that run Astro hold
 * one lock (see astro-lock.ts), so they are spread out, each followed by files that do not,
 * filling the other worker while a build runs. Within each kind, longest first (the last run's
 * duration, or the file's size before any run), as Vitest itself does.
 */
export default class SpreadAstroSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const weight = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec)?.duration ?? statSync(spec.moduleId).size;
    const astro: TestSpecification[] = [];
    const other: TestSpecification[] = [];
    for (const spec of sorted) (RUNS_ASTRO.test(readFileSync(spec.moduleId, "utf8")) ? astro : other).push(spec);
    // Take from whichever kind has less queued so far: the astro files end up run one after the other beside the rest.
    const order: TestSpecification[] = [];
    let astroQueued = 0;
    let otherQueued = 0;
    while (astro.length || other.length) {
      const takeAstro = astro.length > 0 && (other.length === 0 || astroQueued <= otherQueued);
      const spec = (takeAstro ? astro : other).shift()!;
      if (takeAstro) astroQueued += weight(spec);
      else otherQueued += weight(spec);
      order.push(spec);
    }
    return order;
  }
}
