import { describe, expect, it } from "vitest";
import { devOrigins, refuseRead, refuseWrite } from "../../src/integration/dev/dev-guard.ts";

const token = "a".repeat(64);
const options = { origins: devOrigins(4321, ["http://localhost:4321/", "http://192.168.1.5:4321/"]), token };
const good = { origin: "http://localhost:4321", "x-daybook-token": token, "content-type": "application/json" };

describe("who may ask the dev server to write an output fence", () => {
  it("lets a POST from a dev page through", () => {
    expect(refuseWrite("POST", good, options)).toBeUndefined();
    // The same server under another loopback name, or its network address.
    expect(refuseWrite("POST", { ...good, origin: "http://127.0.0.1:4321" }, options)).toBeUndefined();
    expect(refuseWrite("POST", { ...good, origin: "http://192.168.1.5:4321" }, options)).toBeUndefined();
    expect(refuseWrite("POST", { ...good, "content-type": "application/json; charset=utf-8" }, options)).toBeUndefined();
  });

  it.each([
    ["a GET", "GET", good, 405],
    ["a PUT", "PUT", good, 405],
    ["no Origin (not a browser page)", "POST", { ...good, origin: undefined }, 403],
    ["another site", "POST", { ...good, origin: "https://evil.example" }, 403],
    ["another port of this machine", "POST", { ...good, origin: "http://localhost:9999" }, 403],
    ["DNS rebinding: another host name on the dev server's port", "POST", { ...good, origin: "http://rebind.evil.example:4321" }, 403],
    ["the null origin of a sandboxed frame", "POST", { ...good, origin: "null" }, 403],
    ["no token", "POST", { ...good, "x-daybook-token": undefined }, 403],
    ["a wrong token of the same length", "POST", { ...good, "x-daybook-token": "b".repeat(64) }, 403],
    ["a prefix of the token", "POST", { ...good, "x-daybook-token": token.slice(0, 10) }, 403],
    ["a form's content type", "POST", { ...good, "content-type": "application/x-www-form-urlencoded" }, 415],
    ["text/plain (what a no-cors fetch may send)", "POST", { ...good, "content-type": "text/plain" }, 415],
  ])("refuses %s", (_what, method, headers, status) => {
    expect(refuseWrite(method, headers, options)?.status).toBe(status);
  });
});

describe("who may read the dev state", () => {
  it("lets the page's own GET (no Origin, same-origin fetch metadata) through", () => {
    expect(refuseRead({ "x-daybook-token": token, "sec-fetch-site": "same-origin" }, options)).toBeUndefined();
  });

  it.each([
    ["another site", { origin: "https://evil.example", "x-daybook-token": token }],
    ["a cross-site request without Origin", { "sec-fetch-site": "cross-site", "x-daybook-token": token }],
    ["no token", { "sec-fetch-site": "same-origin" }],
  ])("refuses %s", (_what, headers) => {
    expect(refuseRead(headers, options)?.status).toBe(403);
  });
});

describe("the dev server's origins", () => {
  it("are the loopback names on its port and the addresses it listens on, nothing else", () => {
    expect(devOrigins(5000, ["http://localhost:5000/", "http://10.0.0.2:5000/"])).toEqual([
      "http://localhost:5000",
      "http://127.0.0.1:5000",
      "http://[::1]:5000",
      "http://10.0.0.2:5000",
    ]);
  });
});
