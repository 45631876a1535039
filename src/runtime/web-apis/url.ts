import { defineInspect, invalidThis, webidlClass } from "./define.ts";
import { registerPlatformObject } from "./structured-clone.ts";
import { parseUrlencoded, percentEncodeString, serializeUrlencoded, userinfoSet } from "./percent-encoding.ts";
import { serializeHost } from "./url-host.ts";
import { basicURLParse, cannotHaveCredentialsOrPort, hasOpaquePath, parseURL, serializeOrigin, serializePath, serializeURL, type URLRecord } from "./url-parser.ts";
import { missingArguments, paramsState, toUSVString, URLSearchParams } from "./url-search-params.ts";

interface URLState {
  url: URLRecord;
  query: URLSearchParams;
}
const states = new WeakMap<object, URLState>();

function state(self: unknown): URLState {
  const found = states.get(self as object);
  if (!found) throw invalidThis("URL");
  return found;
}

function invalidURL(input: string, base?: string): TypeError {
  return Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL", input }, base === undefined ? {} : { base });
}

/** The standard's "potentially strip trailing spaces from an opaque path". */
function stripTrailingSpaces(url: URLRecord): void {
  if (hasOpaquePath(url) && url.fragment === null && url.query === null) url.path = url.path.replace(/ +$/, "");
}

function setQueryList(self: URLState, query: string | null): void {
  const list = paramsState(self.query).list;
  list.splice(0, list.length, ...(query === null ? [] : parseUrlencoded(query)));
}

/** The URL Standard's URL class. */
export class URL {
  constructor(url: unknown, base?: unknown) {
    if (arguments.length === 0) throw missingArguments("url");
    const input = toUSVString(url);
    const baseText = base === undefined ? undefined : toUSVString(base);
    const record = parseURL(input, baseText);
    if (!record) throw invalidURL(input, baseText);
    const query = new URLSearchParams(record.query ?? "");
    const self: URLState = { url: record, query };
    paramsState(query).onUpdate = () => {
      const serialized = serializeUrlencoded(paramsState(query).list);
      self.url.query = serialized === "" ? null : serialized;
      if (serialized === "") stripTrailingSpaces(self.url);
    };
    states.set(this, self);
  }
  static parse(url: unknown, base?: unknown): URL | null {
    if (arguments.length === 0) throw missingArguments("url");
    try {
      return base === undefined ? new URL(url) : new URL(url, base);
    } catch {
      return null;
    }
  }
  static canParse(url: unknown, base?: unknown): boolean {
    if (arguments.length === 0) throw missingArguments("url");
    return parseURL(toUSVString(url), base === undefined ? undefined : toUSVString(base)) !== null;
  }
  get href(): string {
    return serializeURL(state(this).url);
  }
  set href(value: unknown) {
    const self = state(this);
    const text = toUSVString(value);
    const record = basicURLParse(text);
    if (!record) throw invalidURL(text);
    self.url = record;
    setQueryList(self, record.query);
  }
  get origin(): string {
    return serializeOrigin(state(this).url);
  }
  get protocol(): string {
    return `${state(this).url.scheme}:`;
  }
  set protocol(value: unknown) {
    const self = state(this);
    basicURLParse(`${toUSVString(value)}:`, null, self.url, "scheme start");
  }
  get username(): string {
    return state(this).url.username;
  }
  set username(value: unknown) {
    const { url } = state(this);
    if (!cannotHaveCredentialsOrPort(url)) url.username = percentEncodeString(toUSVString(value), userinfoSet);
  }
  get password(): string {
    return state(this).url.password;
  }
  set password(value: unknown) {
    const { url } = state(this);
    if (!cannotHaveCredentialsOrPort(url)) url.password = percentEncodeString(toUSVString(value), userinfoSet);
  }
  get host(): string {
    const { url } = state(this);
    if (url.host === null) return "";
    return url.port === null ? serializeHost(url.host) : `${serializeHost(url.host)}:${url.port}`;
  }
  set host(value: unknown) {
    const { url } = state(this);
    if (!hasOpaquePath(url)) basicURLParse(toUSVString(value), null, url, "host");
  }
  get hostname(): string {
    const { url } = state(this);
    return url.host === null ? "" : serializeHost(url.host);
  }
  set hostname(value: unknown) {
    const { url } = state(this);
    if (!hasOpaquePath(url)) basicURLParse(toUSVString(value), null, url, "hostname");
  }
  get port(): string {
    const { url } = state(this);
    return url.port === null ? "" : String(url.port);
  }
  set port(value: unknown) {
    const { url } = state(this);
    if (cannotHaveCredentialsOrPort(url)) return;
    const text = toUSVString(value);
    if (text === "") url.port = null;
    else basicURLParse(text, null, url, "port");
  }
  get pathname(): string {
    return serializePath(state(this).url);
  }
  set pathname(value: unknown) {
    const { url } = state(this);
    if (hasOpaquePath(url)) return;
    url.path = [];
    basicURLParse(toUSVString(value), null, url, "path start");
  }
  get search(): string {
    const { url } = state(this);
    return url.query === null || url.query === "" ? "" : `?${url.query}`;
  }
  set search(value: unknown) {
    const self = state(this);
    const { url } = self;
    const text = toUSVString(value);
    if (text === "") {
      url.query = null;
      setQueryList(self, null);
      stripTrailingSpaces(url);
      return;
    }
    const input = text.startsWith("?") ? text.slice(1) : text;
    url.query = "";
    basicURLParse(input, null, url, "query");
    setQueryList(self, input);
  }
  get searchParams(): URLSearchParams {
    return state(this).query;
  }
  get hash(): string {
    const { url } = state(this);
    return url.fragment === null || url.fragment === "" ? "" : `#${url.fragment}`;
  }
  set hash(value: unknown) {
    const { url } = state(this);
    const text = toUSVString(value);
    if (text === "") {
      url.fragment = null;
      stripTrailingSpaces(url);
      return;
    }
    url.fragment = "";
    basicURLParse(text.startsWith("#") ? text.slice(1) : text, null, url, "fragment");
  }
  toString(): string {
    return this.href;
  }
  toJSON(): string {
    return this.href;
  }
}
webidlClass(URL, "URL", ["parse", "canParse"]);
registerPlatformObject((value) => states.has(value), null);

defineInspect(URL.prototype, function (depth, options, inspect) {
  if (typeof depth === "number" && depth < 0) return this;
  const fields = {
    href: this.href,
    origin: this.origin,
    protocol: this.protocol,
    username: this.username,
    password: this.password,
    host: this.host,
    hostname: this.hostname,
    port: this.port,
    pathname: this.pathname,
    search: this.search,
    searchParams: this.searchParams,
    hash: this.hash,
  };
  const name = (this.constructor as { name?: unknown } | undefined)?.name ?? "URL";
  return `${String(name)} ${inspect(fields, options)}`;
});
