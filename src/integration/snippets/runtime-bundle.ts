import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { leanPrimordials } from "./lean-primordials.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The snippet runtime as one expression, evaluated inside every snippet's own vm context: the
 * realm's Web APIs, console capture, fake timers, error formatting and `daybook/sim`, ending in
 * a fresh ContextRunner (src/runtime/context-runner.ts) that the host keeps.
 */
export async function bundleSnippetRuntime(): Promise<string> {
  const code = await bundle(path.join(SRC, "runtime/context-runner.ts"), { format: "iife", globalName: "daybookRuntime", platform: "neutral", mainFields: ["browser", "module", "main"], external: ["util"], define: { global: "globalThis" }, plugins: [leanPrimordials()] });
  return `(function () {\n${code}\nreturn daybookRuntime.createContextRunner();\n})()`;
}

/** The snippet host's program (snippet-host.ts) as one CommonJS script for `node --eval`. */
export function bundleSnippetHost(): Promise<string> {
  return bundle(path.join(SRC, "integration/snippets/snippet-host.ts"), { format: "cjs", platform: "node" });
}

async function bundle(entry: string, options: Parameters<typeof build>[0]): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, target: "es2022", minify: false, legalComments: "none", write: false, logLevel: "silent", ...options });
  return result.outputFiles![0]!.text;
}
