import { describe, expect, it } from "vitest";
import { ogCardSvg, wrapText } from "../../src/lib/og-card.ts";

describe("Open Graph cards", () => {
  it.each([
    ["Short title", 30, 3, ["Short title"]],
    ["Two-phase commit: a coordinator, a log and a lot of waiting", 30, 3, ["Two-phase commit: a", "coordinator, a log and a lot", "of waiting"]],
    ["one two three four five six seven eight nine ten eleven twelve", 10, 2, ["one two", "three…"]],
    ["Supercalifragilisticexpialidocious", 10, 2, ["Supercali…"]],
  ])("wraps %j", (text, width, lines, expected) => expect(wrapText(text, width, lines)).toEqual(expected));

  it("escapes text and shows the day, title and tags", () => {
    const svg = ogCardSvg({ day: 16, title: "Sagas & <2PC>", tags: ["Sagas", "Two-phase commit"], site: "me.example/journal" });
    expect(svg).toContain(">Day 16</text>");
    expect(svg).toContain("Sagas &amp; &lt;2PC&gt;");
    expect(svg).toContain("Sagas  ·  Two-phase commit");
    expect(svg).not.toContain("<2PC>");
  });
});
