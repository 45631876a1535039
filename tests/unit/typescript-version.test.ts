import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LAZY = fileURLToPath(new URL("../../src/integration/snippets/typescript-lazy.ts", import.meta.url));

describe("typescriptVersion", () => {
  it("is the compiler's own version, read without loading the compiler", () => {
    // In a process of its own: this one may have loaded the compiler already.
    const script = `
      import { createRequire } from "node:module";
      const { typescriptVersion } = await import(${JSON.stringify(LAZY)});
      const version = typescriptVersion();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.endsWith("typescript.js"));
      console.log(JSON.stringify({ version, loaded }));`;
    const { version, loaded } = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { version: string; loaded: string[] };
    expect(loaded).toEqual([]);
    expect(version).toBe((createRequire(import.meta.url)("typescript") as { version: string }).version);
  });
});
