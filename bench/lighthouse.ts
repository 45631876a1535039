// Lighthouse scores of built pages: performance, accessibility, best practices and SEO
// (mobile, default config, simulated throttling), plus the audits that cost each category points.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { CHROMIUM_PATH } from "../tests/helpers/chromium.ts";

export interface LighthouseScores {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Per category below 100, the weighted audits scoring < 1, e.g. "performance: largest-contentful-paint (0.93) Largest Contentful Paint [2.6 s]". */
  failing: string[];
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];

/** Runs Lighthouse (mobile, default config) on each URL, one at a time, in Debian's Chromium. */
export async function lighthouseScores(urls: string[]): Promise<LighthouseScores[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    const results: LighthouseScores[] = [];
    for (const url of urls) {
      const run = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!run) throw new Error(`Lighthouse returned no result for ${url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const warning of lhr.runWarnings) console.warn(`lighthouse ${url}: ${warning}`);
      const [performance, accessibility, bestPractices, seo] = CATEGORIES.map((id) => categoryScore(lhr, id));
      results.push({
        url,
        performance: performance!,
        accessibility: accessibility!,
        bestPractices: bestPractices!,
        seo: seo!,
        failing: CATEGORIES.flatMap((id) => failingAudits(lhr, id)),
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}

function categoryScore(lhr: Result, id: string): number {
  const score = lhr.categories[id]?.score;
  if (score === null || score === undefined) throw new Error(`Lighthouse gave no ${id} score for ${lhr.finalDisplayedUrl}`);
  return Math.round(score * 100);
}

function failingAudits(lhr: Result, id: string): string[] {
  const category = lhr.categories[id];
  if (!category || category.score === 1) return [];
  return category.auditRefs.flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (ref.weight <= 0 || !audit || audit.score === null || audit.score >= 1) return [];
    const title = audit.title.length > 60 ? `${audit.title.slice(0, 59)}…` : audit.title;
    const value = audit.displayValue ? ` [${audit.displayValue}]` : "";
    return [`${id}: ${ref.id} (${audit.score.toFixed(2)}) ${title}${value}`];
  });
}

/** Several rounds of `lighthouseScores` over the same URLs, per URL: each category's median, the performance scores of every round, and each reason a round lost points, with how many rounds it cost. */
export function medianScores(rounds: LighthouseScores[][]): (LighthouseScores & { performanceRuns: number[] })[] {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return rounds[0]!.map((first, i) => {
    const runs = rounds.map((round) => round[i]!);
    const reasons = new Map<string, number>();
    for (const reason of runs.flatMap((r) => r.failing.map((f) => f.replace(/ \(\d\.\d\d\)| \[[^\]]*\]/g, "")))) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    return {
      url: first.url,
      performance: median(runs.map((r) => r.performance)),
      accessibility: median(runs.map((r) => r.accessibility)),
      bestPractices: median(runs.map((r) => r.bestPractices)),
      seo: median(runs.map((r) => r.seo)),
      performanceRuns: runs.map((r) => r.performance),
      failing: [...reasons].map(([reason, count]) => `${reason} (in ${count} of ${runs.length} runs)`),
    };
  });
}
