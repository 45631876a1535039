// What the editor sends its type-check worker next: the newest check before stale work.
import { describe, expect, it } from "vitest";
import { nextRequest, type Ask, type Waiting } from "../../src/client/snippets/typecheck-queue.ts";

const q = (...asks: [string, Ask][]): Waiting<string>[] => asks.map(([who, request]) => ({ request, settle: [who] }));
const check = (code: string): Ask => ({ kind: "check", code });
const complete = (code: string, pos = code.length): Ask => ({ kind: "complete", code, pos });
const info = (code: string, pos = 0): Ask => ({ kind: "info", code, pos });

describe("the type-check queue", () => {
  it("sends nothing when nothing waits", () => {
    expect(nextRequest([])).toEqual({ send: undefined, dropped: [], rest: [] });
  });

  it("sends the newest check first, answering every queued check with it", () => {
    const { send, dropped, rest } = nextRequest(q(["c1", check("a")], ["k1", complete("a")], ["c2", check("ab")], ["k2", complete("ab")]));
    expect(send).toEqual({ request: check("ab"), settle: ["c1", "c2"] });
    expect(dropped.map((w) => w.settle[0])).toEqual(["k1"]);
    expect(rest.map((w) => w.settle[0])).toEqual(["k2"]);
  });

  it("drops completions and hover types for code that changed since, or asked again since", () => {
    const { send, dropped, rest } = nextRequest(q(["i1", info("a")], ["k1", complete("a")], ["k2", complete("a", 0)], ["i2", info("a", 1)]));
    expect(send?.settle).toEqual(["k2"]);
    expect(dropped.map((w) => w.settle[0])).toEqual(["i1", "k1"]);
    expect(rest.map((w) => w.settle[0])).toEqual(["i2"]);
    expect(nextRequest(q(["k1", complete("a")], ["i1", info("ab")])).dropped.map((w) => w.settle[0])).toEqual(["k1"]);
  });

  it("keeps a lone completion, and a check for the same code as Run's", () => {
    expect(nextRequest(q(["k1", complete("a")]))).toEqual({ send: { request: complete("a"), settle: ["k1"] }, dropped: [], rest: [] });
    expect(nextRequest(q(["lint", check("a")], ["run", check("a")])).send).toEqual({ request: check("a"), settle: ["lint", "run"] });
  });
});
