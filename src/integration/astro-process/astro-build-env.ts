import { fileSystemThreads } from "../machine-budget.ts";

/** Variables named like Vite's own, which would leak into `import.meta.env`. */
const VITE_NAMES = ["BASE_URL", "MODE", "DEV", "PROD", "SSR"];

/**
 * The environment `npm run build` (scripts/build.ts) starts Astro with. NODE_ENV=development in
 * the author's shell would turn the build into a dev build (drafts included), and variables named
 * like Vite's own leak into `import.meta.env`: a production build sets the first and drops the
 * rest. Node's pool of file-system threads follows the machine (fileSystemThreads), unless the
 * author set UV_THREADPOOL_SIZE.
 */
export function astroBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !VITE_NAMES.includes(key)));
  return { UV_THREADPOOL_SIZE: String(fileSystemThreads()), ...clean, NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1" };
}
