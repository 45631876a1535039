// The environment the build's worker threads start with: the process's own, plus the compile
// cache the process uses, if any.
import module from "node:module";
import path from "node:path";

/**
 * `process.env` for a new Worker, naming the compile cache this process uses so the worker loads
 * from it too: `module.enableCompileCache()` reaches only the thread that calls it, and the
 * `astro` command calls it on its main thread outside CI (in CI it leaves it off, and so do the
 * workers). A worker started without it compiled TypeScript's 9 MB again on every build (about
 * 0.4 s of CPU) and stripped the types of each of its own modules again. The cache holds V8's
 * code for module sources, each checked against its source, so nothing of a journal reaches it.
 */
export function workerEnv(): NodeJS.ProcessEnv {
  // The folder in use is NODE_COMPILE_CACHE's folder plus one for this Node version and its flags.
  const inUse = module.getCompileCacheDir();
  return inUse ? { ...process.env, NODE_COMPILE_CACHE: path.dirname(inUse) } : process.env;
}
