import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkSnippets } from "../src/integration/snippets/snippet-check.ts";

/** A small, distinct simulation per entry, like the ones authors write. */
function syntheticEntry(i: number): { path: string; text: string } {
  const code = [
    `const rate: number = ${(0.5 + (i % 40) / 100).toFixed(2)};`,
    `const samples: number[] = [];`,
    `for (let k = 0; k < ${200 + (i % 50)}; k++) samples.push(-Math.log(1 - Math.random()) / rate);`,
    `samples.sort((a, b) => a - b);`,
    `console.log({ entry: ${i}, p50: samples[samples.length >> 1]!.toFixed(2) });`,
  ].join("\n");
  return { path: `bench/day-${i}.mdx`, text: `---\ntitle: x\n---\n\n\`\`\`ts run\n${code}\n\`\`\`\n` };
}

export interface SnippetBuildFigures {
  snippets: number;
  coldCpuMsPerSnippet: number;
  coldWallMs: number;
  cachedCpuMsPerSnippet: number;
}

/** Build-time cost of N snippets: type-check, transpile, run (cold), then the same again from cache. CPU includes the snippet hosts'. */
export async function benchSnippetBuild(root: string, count: number): Promise<SnippetBuildFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "daybook-bench-snippets-"));
  const cacheFile = path.join(dir, "cache.json");
  const files = Array.from({ length: count }, (_, i) => syntheticEntry(i));
  const measure = async () => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const report = await checkSnippets(files, { root, cacheFile });
    const used = process.cpuUsage(cpu);
    return { report, cpuMs: (used.user + used.system) / 1000 + report.hostCpuMs, wallMs: performance.now() - wall };
  };
  const cold = await measure();
  const problems = cold.report.problems.filter((p) => !p.message.includes("no ```output fence"));
  if (problems.length) throw new Error(`synthetic snippets failed: ${problems[0]!.message}`);
  const cached = await measure();
  rmSync(dir, { recursive: true, force: true });
  return { snippets: count, coldCpuMsPerSnippet: cold.cpuMs / count, coldWallMs: cold.wallMs, cachedCpuMsPerSnippet: cached.cpuMs / count };
}
