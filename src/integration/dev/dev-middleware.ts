import type { IncomingMessage, ServerResponse } from "node:http";
import { DEV_ACCEPT_PATH, DEV_STATE_PATH, type DevState } from "../../client/dev/dev-protocol.ts";
import type { DevJournal } from "./dev-journal.ts";
import { acceptOutput } from "./dev-accept.ts";
import { refuseRead, refuseWrite, type GuardOptions } from "./dev-guard.ts";

type Next = () => void;

/** The largest Accept body read: an id and a hash fit in a few dozen bytes. */
const MAX_BODY = 1024;
const ID = /^[0-9a-f]{32}$/;

/**
 * The dev server's two Daybook endpoints: the state a dev page shows (problems, and the
 * snippets of its entry) and Accept output. Every answer is JSON the page shows as text.
 */
export function devMiddleware(options: { base: string; journal: DevJournal; root: string; contentRoot: string; guard: () => GuardOptions }) {
  const statePath = `${options.base}${DEV_STATE_PATH}`;
  const acceptPath = `${options.base}${DEV_ACCEPT_PATH}`;
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const url = new URL(req.url ?? "/", "http://dev.invalid");
    if (url.pathname === statePath) void serveState(req, res, url, options);
    else if (url.pathname === acceptPath) void serveAccept(req, res, options);
    else next();
  };
}

async function serveState(req: IncomingMessage, res: ServerResponse, url: URL, options: { base: string; journal: DevJournal; guard: () => GuardOptions }): Promise<void> {
  if (req.method !== "GET") return reply(res, 405, { message: "only GET is accepted" }, { allow: "GET" });
  const refused = refuseRead(req.headers, options.guard());
  if (refused) return reply(res, refused.status, { message: refused.message });
  await options.journal.settled();
  const day = new RegExp(`^${escapeRegExp(options.base)}day/(\\d+)/?$`).exec(url.searchParams.get("page") ?? "")?.[1];
  const state: DevState = {
    version: options.journal.version,
    problems: options.journal.problems(),
    snippets: day ? options.journal.snippetsOfDay(Number(day)).map((s) => s.view) : [],
  };
  reply(res, 200, state);
}

async function serveAccept(req: IncomingMessage, res: ServerResponse, options: { journal: DevJournal; root: string; contentRoot: string; guard: () => GuardOptions }): Promise<void> {
  const refused = refuseWrite(req.method, req.headers, options.guard());
  if (refused) return reply(res, refused.status, { message: refused.message }, refused.status === 405 ? { allow: "POST" } : {});
  const body = await readBody(req);
  const request = parse(body);
  if (!request) return reply(res, 400, { message: "the body must be {\"id\": <snippet id>, \"hash\": <output hash>}" });
  await options.journal.settled();
  const live = options.journal.snippet(request.id);
  if (!live) return reply(res, 404, { message: "no snippet has this id (the page may be out of date; it reloads when the entry changes)" });
  const outcome = acceptOutput(options.root, options.contentRoot, live, request.hash);
  reply(res, outcome.status, { message: outcome.message });
}

function parse(body: string | undefined): { id: string; hash: string } | undefined {
  if (body === undefined) return undefined;
  try {
    const value = JSON.parse(body) as unknown;
    if (!value || typeof value !== "object") return undefined;
    const { id, hash } = value as Record<string, unknown>;
    // Ids and hashes are hex digests: anything else (a path, a URL) is never looked up.
    return typeof id === "string" && typeof hash === "string" && ID.test(id) && ID.test(hash) ? { id, hash } : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", () => resolve(undefined));
  });
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers });
  res.end(JSON.stringify(body));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
