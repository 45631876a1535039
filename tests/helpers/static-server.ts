import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".json": "application/json",
  ".png": "image/png",
  // Astro's image pipeline writes WebP (and AVIF when asked); entries' originals may be any of these.
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
};

/** Text a static host sends compressed to a browser that accepts it (GitHub Pages, Netlify and Cloudflare all do). */
const COMPRESSED = new Set([".html", ".css", ".js", ".svg", ".xml", ".json"]);

export interface StaticSite {
  /** Origin plus base path, ending in "/". */
  url: string;
  /** Paths requested so far (for asserting what the browser loaded). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves a built `dist/` under `base` the way a static host does: 404.html, and text gzipped for browsers that accept it. */
export async function serveStatic(root: string, base = "/"): Promise<StaticSite> {
  const requests: string[] = [];
  // Each file compressed once: a built site does not change while it is served.
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url.pathname);
    const inside = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : null;
    const file = inside === null ? null : await resolveFile(root, decodeURIComponent(inside));
    if (!file) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(await readFile(path.join(root, "404.html")).catch(() => "Not found"));
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    if (COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(file)));
      res.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
      res.end(gzipped.get(file));
      return;
    }
    res.writeHead(200, { "content-type": type, vary: "accept-encoding" });
    res.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function resolveFile(root: string, pathname: string): Promise<string | null> {
  const candidate = path.join(root, pathname);
  if (!candidate.startsWith(root)) return null;
  for (const file of [candidate, path.join(candidate, "index.html")]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}
