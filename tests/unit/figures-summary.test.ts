import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, utf8Length } from "../../src/figures/canonical-json.ts";
import { figureBytes, figureHash, figureSummaryLine, type Figure } from "../../src/figures/index.ts";
import { sha256Hex } from "../../src/figures/sha256.ts";
import { bar, histogram, line, sequence, table } from "./figures-samples.ts";

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto across block boundaries and multi-byte characters", () => {
    const inputs = [55, 56, 57, 63, 64, 65, 119, 120, 128].map((n) => "x".repeat(n));
    inputs.push("é€😀".repeat(50), '{"kind":"line","title":"Latency"}');
    for (const input of inputs) expect(sha256Hex(input)).toBe(createHash("sha256").update(input, "utf8").digest("hex"));
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves out undefined fields, so key order never changes the hash", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: "x" }] })).toBe('{"a":[{"b":"x","d":2}],"b":1}');
    const reordered = { y: line.kind === "line" ? line.y : undefined, x: line.kind === "line" ? line.x : undefined, series: line.kind === "line" ? line.series : [], title: line.title, kind: "line" } as Figure;
    expect(figureHash(reordered)).toBe(figureHash(line));
  });

  it("counts UTF-8 bytes like an encoder", () => {
    for (const text of ["", "abc", "é", "€", "😀", "a😀é€"]) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe("figureSummaryLine", () => {
  it("has the kind, the quoted title, the size and a fixed hash (pinned: a change here changes every committed output fence)", () => {
    expect(figureSummaryLine(line)).toBe('[figure line "Latency vs utilisation": 2 series, 50 points, sha256:' + figureHash(line) + "]");
    expect(figureHash(line)).toBe("2097f82b");
    expect(figureSummaryLine(bar)).toBe('[figure bar "p99 by policy": 2 bars, sha256:0dca90d0]');
    expect(figureSummaryLine(histogram)).toMatch(/^\[figure histogram "Latency": 2 bins, 13 values, sha256:[0-9a-f]{8}\]$/);
    expect(figureSummaryLine(table)).toMatch(/^\[figure table "Runs": 2 rows, 3 columns, sha256:[0-9a-f]{8}\]$/);
    expect(figureSummaryLine(sequence)).toMatch(/^\[figure sequence "2PC": 3 nodes, 9 events, sha256:[0-9a-f]{8}\]$/);
  });

  it("quotes a title as JSON, so quotes and brackets in it cannot fake a second figure", () => {
    const sly = { ...bar, title: 'x", 1 bar, sha256:00000000] [figure bar "y' } as Figure;
    expect(figureSummaryLine(sly)).toContain('"x\\", 1 bar, sha256:00000000] [figure bar \\"y"');
  });

  it("changes when any value changes, and singular words stay singular", () => {
    const one = { kind: "bar", title: "t", bars: [{ label: "a", value: 1 }] } as Figure;
    const other = { kind: "bar", title: "t", bars: [{ label: "a", value: 1.0000001 }] } as Figure;
    expect(figureHash(one)).not.toBe(figureHash(other));
    expect(figureSummaryLine(one)).toMatch(/: 1 bar, /);
  });

  it("counts a figure's bytes as UTF-8 of its canonical JSON", () => {
    expect(figureBytes(bar)).toBe(new TextEncoder().encode(canonicalJson(bar)).length);
  });
});
