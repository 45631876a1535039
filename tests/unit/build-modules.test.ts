// What a build loads before its first step: the site's config (and so the integration) and the
// build's steps. The snippet runtime runs in the snippet hosts, bundled, and the dev server only in
// `npm run dev`: loading either in the build's own process cost its main thread time while the
// other core idled (the start of a build is Node loading modules, on one thread).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

test("the config and the build steps load neither the snippet runtime nor the dev server", () => {
  // A module hook that prints every file module as it is resolved.
  const hook = `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) process.stderr.write("LOADED " + r.url + "\\n"); return r; }`)}`;
  const script = `import { register } from "node:module"; register(${JSON.stringify(hook)}); await import(${JSON.stringify(pathToFileURL(path.join(root, "astro.config.mjs")).href)}); await import(${JSON.stringify(pathToFileURL(path.join(root, "src/integration/build-steps.ts")).href)});`;
  const result = spawnSync(process.execPath, ["--input-type=module", "--eval", script], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  expect(result.status, result.stderr).toBe(0);
  const loaded = [...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => path.relative(root, new URL(m[1]!).pathname));
  // The hook sees the modules: the integration and the steps are among them.
  expect(loaded).toEqual(expect.arrayContaining(["src/integration/daybook-integration.ts", "src/integration/snippets/snippet-check.ts"]));
  const unwanted = loaded.filter((file) => /^src\/runtime\/(web-apis|console|locale|math)\/|^src\/runtime\/(console-capture|realm|run-snippet)\.ts$|^src\/integration\/dev\/dev-server\.ts$|node-inspect-extracted|@sinonjs\/fake-timers/.test(file));
  expect(unwanted).toEqual([]);
});
