import { describe, expect, it } from "vitest";
import { capOutput, SHOWN_OUTPUT_CHARS, TRUNCATED_NOTE } from "../../src/client/snippets/output-limit.ts";

describe("the page's output cap", () => {
  it("says where it cut, with the number grouped as in English", () => {
    // Grouped without toLocaleString, which would start the browser's locale data on every snippet page.
    expect(TRUNCATED_NOTE).toBe(`… output truncated: more than ${SHOWN_OUTPUT_CHARS.toLocaleString("en-US")} characters`);
    expect(TRUNCATED_NOTE).toBe("… output truncated: more than 52,000 characters");
  });

  it("keeps output up to the cap and cuts what is longer, saying so", () => {
    const exact = "x".repeat(SHOWN_OUTPUT_CHARS);
    expect(capOutput(exact)).toBe(exact);
    expect(capOutput(`${exact}y`)).toBe(`${exact}\n${TRUNCATED_NOTE}`);
  });
});
