import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Connect } from "vite";
import type { DaybookSettings } from "../daybook-settings.ts";

const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };

/**
 * `npm run dev` builds no search index, so it serves the one from the last `npm run build`
 * (`dist/pagefind/`). Without one, the request 404s and the search UI says to run the build.
 */
export function serveLastSearchIndex(middlewares: Connect.Server, settings: DaybookSettings): void {
  const prefix = `${settings.base}pagefind/`;
  const root = path.resolve(settings.root, process.env.DAYBOOK_OUT || "dist", "pagefind");
  middlewares.use((req, res, next) => {
    const pathname = decodeURIComponent((req.url ?? "").split("?")[0]!);
    if (!pathname.startsWith(prefix)) return next();
    const file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return next();
    readFile(file).then(
      (body) => {
        res.setHeader("content-type", TYPES[path.extname(file)] ?? "application/octet-stream");
        res.end(body);
      },
      () => next(),
    );
  });
}
