// A snippet host takes a moment to start (the runtime is bundled, then each process evaluates it).
// A check that will run snippets starts its hosts before the type-check, so the first snippet that
// type-checks finds a host waiting; a check whose results all come from the cache starts none.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import type { Snippet } from "../../src/integration/snippets/snippet-extract.ts";
import { SnippetPool, type PoolResult } from "../../src/integration/snippets/snippet-pool.ts";
import { typecheckSnippets } from "../../src/integration/snippets/snippet-typecheck.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const entry = (day: string, code: string, output: string) => ({ path: `content/days/${day}.mdx`, text: `# X\n\n\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n` });

/** A pool that records, in order, what the check asks of it. */
class RecordingPool extends SnippetPool {
  readonly asked: string[] = [];
  override warm(snippets: number): void {
    this.asked.push(`warm ${snippets}`);
    super.warm(snippets);
  }
  override run(js: string, timeout: number): Promise<PoolResult> {
    this.asked.push("run");
    return super.run(js, timeout);
  }
}

describe("snippet hosts started ahead", () => {
  it("a warmed pool starts its hosts before any snippet is queued, and runs snippets on them", async () => {
    const pool = new SnippetPool({ size: 2 });
    try {
      expect(pool.cpuMs).toBe(0);
      pool.warm(3);
      // A host says it is ready with the CPU time its start-up took: nothing has been queued yet.
      await vi.waitFor(() => expect(pool.cpuMs).toBeGreaterThan(0), { timeout: 60_000, interval: 20 });
      const result = await pool.run('console.log("ahead");', 5000);
      expect(result.output).toBe("ahead");
    } finally {
      await pool.close();
    }
  }, 90_000);

  it("a check asks for hosts for the snippets the cache cannot answer before it type-checks them, and for none when it can answer them all", async () => {
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-hosts-ahead-")), "snippets.json");
    const files = [entry("001-a", "console.log(6 * 7);", "42"), entry("002-b", 'console.log("b");', "b")];
    const check = async (entries: typeof files) => {
      const pool = new RecordingPool();
      try {
        // The type-check is recorded too: the hosts must be asked for before it starts.
        const typecheck = async (snippets: readonly Snippet[]) => (pool.asked.push("type-check"), typecheckSnippets(snippets, ROOT));
        const report = await checkSnippets(entries, { root: ROOT, cacheFile, pool, typecheck, typecheckHelpers: "checked" });
        expect(report.problems).toEqual([]);
        return pool.asked;
      } finally {
        await pool.close();
      }
    };
    expect(await check(files)).toEqual(["warm 2", "type-check", "run", "run"]);
    // Everything from the cache, the type-check's result included.
    expect(await check(files)).toEqual([]);
    // One snippet changed: one host's worth of work, asked for ahead of its type-check and run.
    expect(await check([files[0]!, entry("002-b", 'console.log("c");', "c")])).toEqual(["warm 1", "type-check", "run"]);
  }, 120_000);
});
