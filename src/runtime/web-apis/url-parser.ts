/**
 * The URL Standard's basic URL parser and serializers, UTF-8 only. The state machine follows the
 * standard step by step (as jsdom's whatwg-url, MIT, does).
 */
import { failure, parseHost, serializeHost, type Host } from "./url-host.ts";
import { c0ControlSet, fragmentSet, isAlpha, isDigit, pathSet, percentEncodePoint, percentEncodeString, querySet, specialQuerySet, userinfoSet } from "./percent-encoding.ts";

export interface URLRecord {
  scheme: string;
  username: string;
  password: string;
  host: Host | null;
  port: number | null;
  /** A list of segments, or a string for an opaque path (`mailto:x`). */
  path: string[] | string;
  query: string | null;
  fragment: string | null;
}
export type StateOverride =
  | "scheme start" | "host" | "hostname" | "port" | "path start" | "query" | "fragment";

export const specialSchemes: Record<string, number | null> = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
export const isSpecialScheme = (scheme: string): boolean => Object.hasOwn(specialSchemes, scheme);
const defaultPort = (scheme: string): number | null | undefined => (isSpecialScheme(scheme) ? specialSchemes[scheme] : undefined);

export const hasOpaquePath = (url: URLRecord): url is URLRecord & { path: string } => typeof url.path === "string";
export const cannotHaveCredentialsOrPort = (url: URLRecord): boolean => url.host === null || url.host === "" || url.scheme === "file";

export function serializePath(url: URLRecord): string {
  return typeof url.path === "string" ? url.path : url.path.map((segment) => `/${segment}`).join("");
}

export function serializeURL(url: URLRecord, excludeFragment = false): string {
  let output = `${url.scheme}:`;
  if (url.host !== null) {
    output += "//";
    if (url.username !== "" || url.password !== "") {
      output += url.username;
      if (url.password !== "") output += `:${url.password}`;
      output += "@";
    }
    output += serializeHost(url.host);
    if (url.port !== null) output += `:${url.port}`;
  }
  if (url.host === null && !hasOpaquePath(url) && url.path.length > 1 && url.path[0] === "") output += "/.";
  output += serializePath(url);
  if (url.query !== null) output += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) output += `#${url.fragment}`;
  return output;
}

export function serializeOrigin(url: URLRecord): string {
  if (url.scheme === "blob") {
    const inner = basicURLParse(serializePath(url));
    return inner && (inner.scheme === "http" || inner.scheme === "https") ? serializeOrigin(inner) : "null";
  }
  if (!isSpecialScheme(url.scheme) || url.scheme === "file") return "null";
  return `${url.scheme}://${serializeHost(url.host!)}${url.port === null ? "" : `:${url.port}`}`;
}

const isWindowsDriveLetter = (s: string, normalizedOnly = false): boolean =>
  s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ":" || (!normalizedOnly && s[1] === "|"));

function startsWithWindowsDriveLetter(input: number[], pointer: number): boolean {
  const rest = input.length - pointer;
  return (
    rest >= 2 &&
    isAlpha(input[pointer]) &&
    (input[pointer + 1] === 0x3a || input[pointer + 1] === 0x7c) &&
    (rest === 2 || [0x2f, 0x5c, 0x3f, 0x23].includes(input[pointer + 2]!))
  );
}

function shortenPath(url: URLRecord): void {
  const path = url.path as string[];
  if (url.scheme === "file" && path.length === 1 && /^[A-Za-z]:$/.test(path[0]!)) return;
  path.pop();
}

const isSingleDot = (s: string): boolean => s === "." || s.toLowerCase() === "%2e";
const isDoubleDot = (s: string): boolean => ["..", ".%2e", "%2e.", "%2e%2e"].includes(s.toLowerCase());

/**
 * The basic URL parser. With `url` and `stateOverride` it modifies that record (the setters);
 * returns the record, or null on failure.
 */
export function basicURLParse(text: string, base: URLRecord | null = null, given?: URLRecord, stateOverride?: StateOverride): URLRecord | null {
  const url: URLRecord = given ?? { scheme: "", username: "", password: "", host: null, port: null, path: [], query: null, fragment: null };
  if (!given) text = text.replace(/^[\0-\x20]+|[\0-\x20]+$/g, "");
  text = text.replace(/[\t\n\r]/g, "");
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const special = (): boolean => isSpecialScheme(url.scheme);
  let state: string = stateOverride ?? "scheme start";
  let buffer = "";
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;

  for (let pointer = 0; pointer <= input.length; pointer++) {
    const c = input[pointer];
    const char = c === undefined ? "" : String.fromCodePoint(c);
    const eof = c === undefined;
    switch (state) {
      case "scheme start":
        if (isAlpha(c)) {
          buffer += char.toLowerCase();
          state = "scheme";
        } else if (!stateOverride) {
          state = "no scheme";
          pointer--;
        } else return null;
        break;

      case "scheme":
        if (isAlpha(c) || isDigit(c) || char === "+" || char === "-" || char === ".") {
          buffer += char.toLowerCase();
        } else if (char === ":") {
          if (stateOverride) {
            if (special() !== isSpecialScheme(buffer)) return url;
            if ((url.username !== "" || url.password !== "" || url.port !== null) && buffer === "file") return url;
            if (url.scheme === "file" && url.host === "") return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = "";
          if (url.scheme === "file") state = "file";
          else if (special() && base !== null && base.scheme === url.scheme) state = "special relative or authority";
          else if (special()) state = "special authority slashes";
          else if (input[pointer + 1] === 0x2f) {
            state = "path or authority";
            pointer++;
          } else {
            url.path = "";
            state = "opaque path";
          }
        } else if (!stateOverride) {
          buffer = "";
          state = "no scheme";
          pointer = -1;
        } else return null;
        break;

      case "no scheme":
        if (base === null || (hasOpaquePath(base) && char !== "#")) return null;
        if (hasOpaquePath(base) && char === "#") {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = "";
          state = "fragment";
        } else {
          state = base.scheme === "file" ? "file" : "relative";
          pointer--;
        }
        break;

      case "special relative or authority":
        if (char === "/" && input[pointer + 1] === 0x2f) {
          state = "special authority ignore slashes";
          pointer++;
        } else {
          state = "relative";
          pointer--;
        }
        break;

      case "path or authority":
        if (char === "/") state = "authority";
        else {
          state = "path";
          pointer--;
        }
        break;

      case "relative": {
        const b = base!;
        url.scheme = b.scheme;
        if (char === "/" || (special() && char === "\\")) state = "relative slash";
        else {
          Object.assign(url, { username: b.username, password: b.password, host: b.host, port: b.port, path: (b.path as string[]).slice(), query: b.query });
          if (char === "?") {
            url.query = "";
            state = "query";
          } else if (char === "#") {
            url.fragment = "";
            state = "fragment";
          } else if (!eof) {
            url.query = null;
            (url.path as string[]).pop();
            state = "path";
            pointer--;
          }
        }
        break;
      }

      case "relative slash":
        if (special() && (char === "/" || char === "\\")) state = "special authority ignore slashes";
        else if (char === "/") state = "authority";
        else {
          const b = base!;
          Object.assign(url, { username: b.username, password: b.password, host: b.host, port: b.port });
          state = "path";
          pointer--;
        }
        break;

      case "special authority slashes":
        state = "special authority ignore slashes";
        if (char === "/" && input[pointer + 1] === 0x2f) pointer++;
        else pointer--;
        break;

      case "special authority ignore slashes":
        if (char !== "/" && char !== "\\") {
          state = "authority";
          pointer--;
        }
        break;

      case "authority":
        if (char === "@") {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const point of Array.from(buffer, (ch) => ch.codePointAt(0)!)) {
            if (point === 0x3a && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncodePoint(point, userinfoSet);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = "";
        } else if (eof || char === "/" || char === "?" || char === "#" || (special() && char === "\\")) {
          if (atSignSeen && buffer === "") return null;
          pointer -= Array.from(buffer).length + 1;
          buffer = "";
          state = "host";
        } else buffer += char;
        break;

      case "host":
      case "hostname":
        if (stateOverride && url.scheme === "file") {
          pointer--;
          state = "file host";
        } else if (char === ":" && !insideBrackets) {
          if (buffer === "") return null;
          if (stateOverride === "hostname") return null;
          const host = parseHost(buffer, !special());
          if (host === failure) return null;
          url.host = host;
          buffer = "";
          state = "port";
        } else if (eof || char === "/" || char === "?" || char === "#" || (special() && char === "\\")) {
          pointer--;
          if (special() && buffer === "") return null;
          if (stateOverride && buffer === "" && (url.username !== "" || url.password !== "" || url.port !== null)) return null;
          const host = parseHost(buffer, !special());
          if (host === failure) return null;
          url.host = host;
          buffer = "";
          state = "path start";
          if (stateOverride) return url;
        } else {
          if (char === "[") insideBrackets = true;
          if (char === "]") insideBrackets = false;
          buffer += char;
        }
        break;

      case "port":
        if (isDigit(c)) buffer += char;
        else if (eof || char === "/" || char === "?" || char === "#" || (special() && char === "\\") || stateOverride) {
          if (buffer !== "") {
            const port = parseInt(buffer, 10);
            if (port > 65535) return null;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = "";
            if (stateOverride) return url;
          }
          if (stateOverride) return null;
          state = "path start";
          pointer--;
        } else return null;
        break;

      case "file":
        url.scheme = "file";
        url.host = "";
        if (char === "/" || char === "\\") state = "file slash";
        else if (base !== null && base.scheme === "file") {
          url.host = base.host;
          url.path = (base.path as string[]).slice();
          url.query = base.query;
          if (char === "?") {
            url.query = "";
            state = "query";
          } else if (char === "#") {
            url.fragment = "";
            state = "fragment";
          } else if (!eof) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(input, pointer)) shortenPath(url);
            else url.path = [];
            state = "path";
            pointer--;
          }
        } else {
          state = "path";
          pointer--;
        }
        break;

      case "file slash":
        if (char === "/" || char === "\\") state = "file host";
        else {
          if (base !== null && base.scheme === "file") {
            const first = (base.path as string[])[0];
            if (!startsWithWindowsDriveLetter(input, pointer) && first !== undefined && isWindowsDriveLetter(first, true)) {
              (url.path as string[]).push(first);
            }
            url.host = base.host;
          }
          state = "path";
          pointer--;
        }
        break;

      case "file host":
        if (eof || char === "/" || char === "\\" || char === "?" || char === "#") {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) state = "path";
          else if (buffer === "") {
            url.host = "";
            if (stateOverride) return url;
            state = "path start";
          } else {
            let host = parseHost(buffer, !special());
            if (host === failure) return null;
            if (host === "localhost") host = "";
            url.host = host;
            if (stateOverride) return url;
            buffer = "";
            state = "path start";
          }
        } else buffer += char;
        break;

      case "path start":
        if (special()) {
          state = "path";
          if (char !== "/" && char !== "\\") pointer--;
        } else if (!stateOverride && char === "?") {
          url.query = "";
          state = "query";
        } else if (!stateOverride && char === "#") {
          url.fragment = "";
          state = "fragment";
        } else if (!eof) {
          state = "path";
          if (char !== "/") pointer--;
        } else if (stateOverride && url.host === null) (url.path as string[]).push("");
        break;

      case "path": {
        const slash = char === "/" || (special() && char === "\\");
        if (eof || slash || (!stateOverride && (char === "?" || char === "#"))) {
          const path = url.path as string[];
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) path.push("");
          } else if (isSingleDot(buffer) && !slash) path.push("");
          else if (!isSingleDot(buffer)) {
            if (url.scheme === "file" && path.length === 0 && isWindowsDriveLetter(buffer)) buffer = `${buffer[0]}:`;
            path.push(buffer);
          }
          buffer = "";
          if (char === "?") {
            url.query = "";
            state = "query";
          }
          if (char === "#") {
            url.fragment = "";
            state = "fragment";
          }
        } else buffer += percentEncodePoint(c!, pathSet);
        break;
      }

      case "opaque path":
        if (char === "?") {
          url.query = "";
          state = "query";
        } else if (char === "#") {
          url.fragment = "";
          state = "fragment";
        } else if (char === " ") {
          const next = input[pointer + 1];
          url.path = `${url.path as string}${next === 0x3f || next === 0x23 ? "%20" : " "}`;
        } else if (!eof) url.path = `${url.path as string}${percentEncodePoint(c, c0ControlSet)}`;
        break;

      case "query":
        if ((!stateOverride && char === "#") || eof) {
          url.query += percentEncodeString(buffer, special() ? specialQuerySet : querySet);
          buffer = "";
          if (char === "#") {
            url.fragment = "";
            state = "fragment";
          }
        } else buffer += char;
        break;

      case "fragment":
        if (!eof) url.fragment += percentEncodePoint(c, fragmentSet);
        break;
    }
  }
  return url;
}

/** Parses a URL string against an optional base string; null where the standard says failure. */
export function parseURL(input: string, base?: string): URLRecord | null {
  let parsedBase: URLRecord | null = null;
  if (base !== undefined) {
    parsedBase = basicURLParse(base);
    if (parsedBase === null) return null;
  }
  return basicURLParse(input, parsedBase);
}

