/**
 * The WHATWG URL Standard's basic URL parser and serializers, UTF-8 only. The state machine
 * follows the standard step by step (and jsdom's whatwg-url, MIT, which does the same); host
 * names get a compact UTS #46 mapping (NFKC, lower case, ignorables dropped) and Punycode
 * instead of the full IDNA table, which alone would be 60 KB gzipped.
 */
import { punycodeDecode, punycodeEncode } from "./punycode.ts";
import { utf8DecodeWithoutBOM } from "./text-encoding.ts";

export type Host = string | number | number[];
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

const failure = Symbol("failure");
type Failure = typeof failure;

export const specialSchemes: Record<string, number | null> = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };
export const isSpecialScheme = (scheme: string): boolean => Object.hasOwn(specialSchemes, scheme);
const defaultPort = (scheme: string): number | null | undefined => (isSpecialScheme(scheme) ? specialSchemes[scheme] : undefined);

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isAlpha = (c: number | undefined): boolean => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
const isHex = (c: number | undefined): boolean => isDigit(c) || (c !== undefined && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));

// Percent-encode sets, as predicates on a byte.
export const c0ControlSet = (c: number): boolean => c <= 0x1f || c > 0x7e;
const fragmentSet = (c: number): boolean => c0ControlSet(c) || ' "<>`'.includes(String.fromCharCode(c));
const querySet = (c: number): boolean => c0ControlSet(c) || ' "#<>'.includes(String.fromCharCode(c));
const specialQuerySet = (c: number): boolean => querySet(c) || c === 0x27;
const pathSet = (c: number): boolean => querySet(c) || "?^`{}".includes(String.fromCharCode(c));
export const userinfoSet = (c: number): boolean => pathSet(c) || "/:;=@[\\]|".includes(String.fromCharCode(c));
const componentSet = (c: number): boolean => userinfoSet(c) || "$%&+,".includes(String.fromCharCode(c));
export const urlencodedSet = (c: number): boolean => componentSet(c) || "!'()~".includes(String.fromCharCode(c));

/** UTF-8 bytes of a string (lone surrogates as U+FFFD), as plain numbers: parsing never touches the allocation budget. */
export function utf8Bytes(input: string): number[] {
  const bytes: number[] = [];
  for (const char of input) {
    let point = char.codePointAt(0)!;
    if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd;
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
    else if (point < 0x10000) bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
    else bytes.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
  return bytes;
}

const percentEncodeByte = (byte: number): string => `%${byte < 16 ? "0" : ""}${byte.toString(16).toUpperCase()}`;

export function percentEncodeString(input: string, inSet: (byte: number) => boolean, spaceAsPlus = false): string {
  let output = "";
  for (const byte of utf8Bytes(input)) {
    if (spaceAsPlus && byte === 0x20) output += "+";
    else output += inSet(byte) ? percentEncodeByte(byte) : String.fromCharCode(byte);
  }
  return output;
}
const percentEncodePoint = (point: number, inSet: (byte: number) => boolean): string => percentEncodeString(String.fromCodePoint(point), inSet);

export function percentDecode(bytes: number[]): number[] {
  const output: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x25 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      output.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else output.push(byte);
  }
  return output;
}
const percentDecodeToString = (input: string): string => utf8DecodeWithoutBOM(percentDecode(utf8Bytes(input)));

const forbiddenHost = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const forbiddenDomain = /[\0-\x1f\t\n\r #/:<>?@[\\\]^|%\x7f]/;

function parseIPv4Number(input: string): number | Failure {
  if (input === "") return failure;
  let radix = 10;
  if (input.length >= 2 && input[0] === "0" && (input[1] === "x" || input[1] === "X")) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === "0") {
    input = input.slice(1);
    radix = 8;
  }
  if (input === "") return 0;
  const invalid = radix === 10 ? /[^0-9]/ : radix === 16 ? /[^0-9A-Fa-f]/ : /[^0-7]/;
  return invalid.test(input) ? failure : parseInt(input, radix);
}

function endsInANumber(input: string): boolean {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "") {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1]!;
  return parseIPv4Number(last) !== failure || /^[0-9]+$/.test(last);
}

function parseIPv4(input: string): number | Failure {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
  if (parts.length > 4) return failure;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === failure) return failure;
    numbers.push(n);
  }
  if (numbers.slice(0, -1).some((n) => n > 255)) return failure;
  if (numbers[numbers.length - 1]! >= 256 ** (5 - numbers.length)) return failure;
  let ipv4 = numbers.pop()!;
  numbers.forEach((n, counter) => (ipv4 += n * 256 ** (3 - counter)));
  return ipv4;
}

function parseIPv6(text: string): number[] | Failure {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress: number | null = null;
  let pointer = 0;
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const colon = 0x3a;
  if (input[pointer] === colon) {
    if (input[pointer + 1] !== colon) return failure;
    pointer += 2;
    compress = ++pieceIndex;
  }
  while (pointer < input.length) {
    if (pieceIndex === 8) return failure;
    if (input[pointer] === colon) {
      if (compress !== null) return failure;
      pointer++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHex(input[pointer])) {
      value = value * 0x10 + parseInt(String.fromCodePoint(input[pointer]!), 16);
      pointer++;
      length++;
    }
    if (input[pointer] === 0x2e) {
      if (length === 0) return failure;
      pointer -= length;
      if (pieceIndex > 6) return failure;
      let numbersSeen = 0;
      while (input[pointer] !== undefined) {
        let ipv4Piece: number | null = null;
        if (numbersSeen > 0) {
          if (input[pointer] === 0x2e && numbersSeen < 4) pointer++;
          else return failure;
        }
        if (!isDigit(input[pointer])) return failure;
        while (isDigit(input[pointer])) {
          const number = input[pointer]! - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return failure;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return failure;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex]! * 0x100 + ipv4Piece!;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return failure;
      break;
    } else if (input[pointer] === colon) {
      pointer++;
      if (input[pointer] === undefined) return failure;
    } else if (input[pointer] !== undefined) return failure;
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const temp = address[compress + swaps - 1]!;
      address[compress + swaps - 1] = address[pieceIndex]!;
      address[pieceIndex] = temp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) return failure;
  return address;
}

const ignorable = /[\u00ad\u034f\u180b-\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]/g;

/** UTS #46 ToASCII, compactly: map, split at dots, Punycode the labels that need it, check the result. */
export function domainToASCII(domain: string): string | null {
  let mapped = domain.toLowerCase();
  if (/[^\0-\x7f]/.test(domain)) {
    mapped = domain.normalize("NFKC").toLowerCase().replace(ignorable, "").replace(/[\u3002\uff0e\uff61]/g, ".").normalize("NFC");
  }
  const labels = mapped.split(".").map((label) => {
    if (label.startsWith("xn--")) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null) return null;
      return label;
    }
    return /[^\0-\x7f]/.test(label) ? (punycodeEncode(label) ?? "\0").replace(/^/, "xn--") : label;
  });
  if (labels.includes(null)) return null;
  const result = labels.join(".");
  if (result === "" || forbiddenDomain.test(result)) return null;
  return result;
}

function parseHost(input: string, isOpaque: boolean): Host | Failure {
  if (input.startsWith("[")) {
    if (!input.endsWith("]")) return failure;
    return parseIPv6(input.slice(1, -1));
  }
  if (isOpaque) return forbiddenHost.test(input) ? failure : percentEncodeString(input, c0ControlSet);
  const ascii = domainToASCII(percentDecodeToString(input));
  if (ascii === null) return failure;
  return endsInANumber(ascii) ? parseIPv4(ascii) : ascii;
}

function serializeIPv6(address: number[]): string {
  // The longest run of two or more zero pieces is written `::`.
  let compress: number | null = null;
  let longest = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > longest) [compress, longest] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  let output = "";
  for (let i = 0; i < 8; i++) {
    if (compress === i) {
      output += i === 0 ? "::" : ":";
      i += longest - 1;
      continue;
    }
    output += address[i]!.toString(16);
    if (i !== 7) output += ":";
  }
  return output;
}

export function serializeHost(host: Host): string {
  if (typeof host === "number") {
    const parts: number[] = [];
    for (let i = 0, n = host; i < 4; i++, n = Math.floor(n / 256)) parts.unshift(n % 256);
    return parts.join(".");
  }
  return Array.isArray(host) ? `[${serializeIPv6(host)}]` : host;
}

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

/** The application/x-www-form-urlencoded parser. */
export function parseUrlencoded(input: string): [string, string][] {
  const output: [string, string][] = [];
  for (const sequence of input.split("&")) {
    if (sequence === "") continue;
    const equals = sequence.indexOf("=");
    const name = equals >= 0 ? sequence.slice(0, equals) : sequence;
    const value = equals >= 0 ? sequence.slice(equals + 1) : "";
    output.push([percentDecodeToString(name.replace(/\+/g, " ")), percentDecodeToString(value.replace(/\+/g, " "))]);
  }
  return output;
}

/** The application/x-www-form-urlencoded serializer. */
export function serializeUrlencoded(list: [string, string][]): string {
  return list.map(([name, value]) => `${percentEncodeString(name, urlencodedSet, true)}=${percentEncodeString(value, urlencodedSet, true)}`).join("&");
}
