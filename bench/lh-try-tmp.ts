import { lighthouseScores } from "./lighthouse.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";

const site = await serveStatic(process.env.LH_DIST ?? "/tmp/csp/dist");
const urls = [site.url, `${site.url}day/16/`, `${site.url}tags/two-phase-commit/`, `${site.url}graph/`, `${site.url}search/?q=commit`];
try {
  const mode = process.argv[2] ?? "each";
  if (mode === "each") {
    for (const url of urls) {
      const t0 = performance.now();
      const [r] = await lighthouseScores([url]);
      console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), ...r }, null, 1));
    }
  } else {
    const t0 = performance.now();
    const rs = await lighthouseScores(urls);
    console.log(JSON.stringify({ totalMs: Math.round(performance.now() - t0), rs }, null, 1));
  }
} finally {
  await site.close();
}
