// Code highlighting in `npm run bench`: the main-thread CPU the build's highlighting takes for a
// journal's fenced blocks, as Shiki draws two themes (a grammar pass per theme) and as the build
// does (one pass for both, src/integration/markdown/shiki-one-tokenization.ts), interleaved in
// one process. CPU rather than wall time, so a busy machine does not make the figure.
import { createHighlighter } from "shiki";
import { CODE_THEMES } from "../src/integration/markdown/code-themes.ts";
import { highlightOptions } from "../src/integration/markdown/hast-code-highlight.ts";
import { codeToHastOnce } from "../src/integration/markdown/shiki-one-tokenization.ts";
import { fencedBlocks } from "../tests/helpers/fenced-blocks.ts";

export interface HighlightFigures {
  blocks: number;
  /** Median CPU of highlighting every block with Shiki's own `codeToHast`. */
  shikiMs: number;
  /** Median CPU of the same with the build's one tokenization. */
  oneTokenizationMs: number;
}

export async function benchHighlightCost(folders: string[], rounds = 5): Promise<HighlightFigures> {
  const blocks = fencedBlocks(folders);
  const highlighter = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...new Set(blocks.map((b) => b.lang))] });
  const ways = {
    shiki: (lang: string, code: string) => highlighter.codeToHast(code, highlightOptions(lang)),
    once: (lang: string, code: string) => codeToHastOnce(highlighter, code, highlightOptions(lang)),
  };
  const cpuMs = (way: keyof typeof ways) => {
    const start = process.cpuUsage();
    for (const { lang, code } of blocks) ways[way](lang, code);
    const spent = process.cpuUsage(start);
    return (spent.user + spent.system) / 1000;
  };
  // A first pass of each compiles the grammars and warms both paths.
  cpuMs("shiki");
  cpuMs("once");
  const spent = { shiki: [] as number[], once: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const way of round % 2 ? (["once", "shiki"] as const) : (["shiki", "once"] as const)) spent[way].push(cpuMs(way));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  highlighter.dispose();
  return { blocks: blocks.length, shikiMs: median(spent.shiki), oneTokenizationMs: median(spent.once) };
}
