import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { DEV_TOKEN_HEADER } from "../../client/dev/dev-protocol.ts";

export interface Refusal {
  status: 403 | 405 | 415;
  message: string;
}

export interface GuardOptions {
  /** The origins the dev server is reached at (see {@link devOrigins}). */
  origins: readonly string[];
  /** The per-session token injected into dev pages. */
  token: string;
}

/**
 * Who may ask the dev server to write a file: a POST from one of its own pages. Any web page
 * the author visits can send requests to localhost, but it cannot make the browser send the dev
 * server's Origin: that is the wall. The token (a header, which no form can carry and no
 * cross-site fetch can send without a preflight) is a second one; it is not a secret from pages
 * on other localhost ports, whose requests Vite's CORS default lets read the dev page's scripts,
 * so those are stopped by the Origin alone. DNS rebinding gives a page the dev server's address
 * under another host name, which is why the Origin is compared with the server's own names and
 * never with the request's Host.
 */
export function refuseWrite(method: string | undefined, headers: IncomingHttpHeaders, options: GuardOptions): Refusal | undefined {
  if (method !== "POST") return { status: 405, message: "only POST is accepted" };
  // A browser always sends Origin with a POST: one without it is not from a dev page.
  if (headers.origin === undefined) return { status: 403, message: "a write must carry the Origin header" };
  return refuseRead(headers, options) ?? (isJson(headers) ? undefined : { status: 415, message: "the body must be application/json" });
}

/** Who may read the dev state (problems, outputs): the dev server's own pages, with the token. */
export function refuseRead(headers: IncomingHttpHeaders, options: GuardOptions): Refusal | undefined {
  const origin = headers.origin;
  // A same-origin GET carries no Origin header; a POST always does.
  if (origin !== undefined && !options.origins.includes(origin)) return { status: 403, message: `requests from ${origin} are refused` };
  if (origin === undefined && headers["sec-fetch-site"] !== undefined && headers["sec-fetch-site"] !== "same-origin") return { status: 403, message: "cross-site requests are refused" };
  if (!sameToken(headers[DEV_TOKEN_HEADER], options.token)) return { status: 403, message: `the ${DEV_TOKEN_HEADER} header is missing or wrong` };
  return undefined;
}

function sameToken(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isJson(headers: IncomingHttpHeaders): boolean {
  return /^application\/json(\s*;|$)/i.test(headers["content-type"] ?? "");
}

/** The origins a browser on this machine shows for the dev server: every loopback name, and the network addresses it listens on. */
export function devOrigins(port: number, resolvedUrls: readonly string[], protocol = "http:"): string[] {
  const loopback = ["localhost", "127.0.0.1", "[::1]"].map((host) => `${protocol}//${host}:${port}`);
  return [...new Set([...loopback, ...resolvedUrls.map((url) => new URL(url).origin)])];
}
