import { describe, expect, inject, it } from "vitest";
import { validateControls } from "../../src/figures/input-controls.ts";
import { read } from "../helpers/html.ts";

/**
 * Controls baked at build (days 102 and 103 of the real-journal fixture, one snippet declaring
 * every kind, in `.md` and `.mdx`): a disabled fieldset of labelled form controls set to the
 * defaults the output was made with, before the toolbar and output, each carrying its checked
 * declaration; no style, the same markup from both formats.
 */
const DAYS = [102, 103];

const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("controls in the built real-journal fixture (.md and .mdx alike)", () => {
  const build = inject("realJournalBuild");
  const fieldset = (day: number) => {
    const html = read(build.outDir, `day/${day}/index.html`);
    const match = /<fieldset class="snippet-inputs"[\s\S]*?<\/fieldset>/.exec(html);
    expect(match, `day ${day} has its controls`).not.toBeNull();
    expect(html.indexOf(match![0])).toBeLessThan(html.indexOf('<div class="snippet-output"'));
    return match![0];
  };

  it.each(DAYS)("bakes each control labelled, at its default, disabled until the page's script runs (day %s)", (day) => {
    const html = fieldset(day);
    expect(html).toMatch(/^<fieldset class="snippet-inputs" disabled><legend>Inputs<\/legend>/);
    expect(html).not.toMatch(/\sstyle=|<script/);
    const labelled = [...html.matchAll(/<label>([\s\S]*?)<\/label>/g)].map((m) => m[1]!);
    expect(labelled).toHaveLength(4);
    expect(labelled[0]).toMatch(/^<span class="snippet-input-label">load<\/span><input type="range" name="load" min="0" max="1" step="0.1" value="0.5"\/?>$/);
    expect(labelled[1]).toContain('<select name="retry-policy"><option value="none" selected>none</option><option value="backoff">backoff</option><option value="backoff &amp; jitter">backoff &amp; jitter</option></select>');
    expect(labelled[2]).toMatch(/^<input type="checkbox" name="double-it"\/?><span class="snippet-input-label">double it<\/span>$/);
    expect(labelled[3]).toMatch(/<input type="number" name="servers" min="1" max="8" step="1" value="2"\/?>$/);
    expect(html).toContain('<output aria-hidden="true">0.5</output>');
    const declared = [...html.matchAll(/data-control="([^"]*)"/g)].map((m) => JSON.parse(decode(m[1]!)) as unknown);
    const check = validateControls(declared);
    expect(check.ok && check.controls.map((c) => [c.kind, c.name, c.default])).toEqual([["range", "load", 0.5], ["select", "retry-policy", "none"], ["checkbox", "double-it", false], ["number", "servers", 2]]);
  });

  it("writes the same controls from .md and .mdx", () => {
    expect(fieldset(103)).toBe(fieldset(102));
  });

  it("leaves snippets without controls without a fieldset", () => {
    expect(read(build.outDir, "day/100/index.html")).not.toContain("snippet-inputs");
  });
});
