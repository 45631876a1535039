// Controls a snippet declares with `input` from daybook/show: the declaration rules (in the
// snippet's realm and again outside it), values from outside read against their control (a
// link's query string is hostile), the build's run with defaults, and the baked form controls.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { controlName, controlValue, MAX_CONTROLS, validateControls, type Control } from "../../src/figures/input-controls.ts";
import { createInput } from "../../src/figures/input.ts";
import { MAX_QUERY_CHARS, queryValues, withQueryValues } from "../../src/client/snippets/input-query.ts";
import { controlsHtml } from "../../src/integration/snippets/controls-html.ts";
import { htmlToJsx } from "../../src/integration/snippets/html-to-jsx.ts";
import { inertString } from "../../src/integration/snippets/mdast-snippets.ts";
import { checkSnippets } from "../../src/integration/snippets/snippet-check.ts";
import { SnippetPool } from "../../src/integration/snippets/snippet-pool.ts";
import { transpileSnippet } from "../../src/runtime/transpile.ts";
import { isRunRequest } from "../../src/client/snippets/sandbox-protocol.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const range: Control = { kind: "range", label: "utilisation", name: "utilisation", default: 0.95, min: 0.5, max: 0.99, step: 0.01 };
const select: Control = { kind: "select", label: "crash after", name: "crash-after", default: "prepare", options: ["prepare", "decision", "first commit"] };
const checkbox: Control = { kind: "checkbox", label: "Jitter?", name: "jitter", default: false };
const number: Control = { kind: "number", label: "Retries", name: "retries", default: 3, min: 0, max: 10, step: 1 };
const all = [range, select, checkbox, number];

describe("declaring controls", () => {
  it("returns the defaults and records each control, as the build runs it", () => {
    const { input, declared } = createInput({});
    expect(input.range("utilisation", 0.95, { min: 0.5, max: 0.99, step: 0.01 })).toBe(0.95);
    expect(input.select("crash after", ["prepare", "decision", "first commit"])).toBe("prepare");
    expect(input.select("phase", ["a", "b"], "b")).toBe("b");
    expect(input.checkbox("Jitter?")).toBe(false);
    expect(input.number("Retries", 3, { min: 0, max: 10, step: 1 })).toBe(3);
    expect(declared.map((c) => c.name)).toEqual(["utilisation", "crash-after", "phase", "jitter", "retries"]);
    expect(validateControls(JSON.stringify(declared))).toEqual({ ok: true, controls: declared });
  });

  it("returns the reader's values when they fit the control, the default when they do not", () => {
    const { input } = createInput({ utilisation: "0.9", "crash-after": "decision", jitter: "true", retries: "11" });
    expect(input.range("utilisation", 0.95, { min: 0.5, max: 0.99, step: 0.01 })).toBe(0.9);
    expect(input.select("crash after", ["prepare", "decision"])).toBe("decision");
    expect(input.checkbox("Jitter?")).toBe(true);
    expect(input.number("Retries", 3, { min: 0, max: 10 })).toBe(3);
  });

  it.each([
    ['input.range("u", 2, { min: 0, max: 1 })', /input\.range: control\.default is 2, outside 0 to 1/],
    ['input.range("u", 0.5, { min: 1, max: 0 })', /min must be less than max/],
    ['input.range("u", 0.5, {})', /needs a min and a max/],
    ['input.range("u", NaN, { min: 0, max: 1 })', /NaN; numbers must be finite/],
    ['input.number("n", 1, { step: 0 })', /a step must be more than 0/],
    ['input.select("s", [])', /options is empty/],
    ['input.select("s", ["a", "a"])', /the same option twice/],
    ['input.select("s", ["a"], "b")', /"b", which is not one of its options/],
    ['input.checkbox("x".repeat(201))', /the limit is 200 characters/],
    ['input.checkbox("   ")', /label is empty/],
    ['input.checkbox("a\\nb")', /control character/],
    ['input.checkbox("on"); input.checkbox("On!")', /a control named "on" is already declared/],
    ['for (let i = 0; i < 21; i++) input.checkbox("c" + i)', new RegExp(`this would be control 21; the limit is ${MAX_CONTROLS} controls per snippet`)],
  ])("refuses %s", (code, message) => {
    const { input } = createInput({});
    expect(() => new Function("input", code)(input)).toThrow(message);
  });
});

describe("checking declarations outside the realm", () => {
  it.each([
    ["not JSON", "{", /not JSON/],
    ["too many", JSON.stringify(Array.from({ length: 21 }, (_, i) => ({ ...checkbox, label: `c${i}`, name: `c${i}` }))), /the limit is 20 controls per snippet/],
    ["a name that is not the label's slug", JSON.stringify([{ ...checkbox, name: "__proto__" }]), /must be the label's slug/],
    ["an unknown kind", JSON.stringify([{ kind: "constructor", label: "a", name: "a" }]), /kind is "constructor"/],
    ["an unknown field", JSON.stringify([{ ...checkbox, onclick: "x" }]), /unknown field "onclick"/],
    ["two controls of one name", JSON.stringify([checkbox, { ...checkbox, label: "jitter" }]), /two controls are named "jitter"/],
    ["a huge text", "[" + " ".repeat(1_000_000) + "]", /characters; controls come only from input/],
  ])("refuses %s", (_, text, message) => {
    const check = validateControls(text);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(message);
  });

  it("refuses getters and class instances without calling them", () => {
    let called = false;
    const getter = Object.defineProperty({ kind: "checkbox", name: "a" }, "label", { get: () => ((called = true), "a"), enumerable: true });
    expect(validateControls([getter]).ok).toBe(false);
    expect(validateControls([new (class { kind = "checkbox"; label = "a"; name = "a"; })()]).ok).toBe(false);
    expect(called).toBe(false);
  });
});

describe("values from outside", () => {
  it.each<[Control, unknown, unknown]>([
    [range, "0.9", 0.9],
    [range, "0.5", 0.5],
    [range, "0.99", 0.99],
    [range, "1", 0.95],
    [range, "0.955", 0.95],
    [range, "NaN", 0.95],
    [range, "Infinity", 0.95],
    [range, "1e309", 0.95],
    [range, "0x1", 0.95],
    [range, " 0.9", 0.95],
    [range, "", 0.95],
    [range, "9".repeat(100_000), 0.95],
    [range, 0.9, 0.95],
    [range, undefined, 0.95],
    [select, "first commit", "first commit"],
    [select, "toString", "prepare"],
    [select, "__proto__", "prepare"],
    [select, "Decision", "prepare"],
    [checkbox, "true", true],
    [checkbox, "1", false],
    [number, "-0", 0],
    [number, "2.5", 3],
    [number, "10", 10],
  ])("%o given %o is %o", (control, raw, value) => {
    expect(controlValue(control, raw)).toBe(value);
  });

  it("names controls by their label's slug", () => {
    expect([controlName("Crash after…"), controlName("__proto__"), controlName("日本"), controlName("x".repeat(300)).length]).toEqual(["crash-after", "proto", "input", 60]);
  });

  it("reads a link's values for one snippet, against its controls", () => {
    const search = "?in.1.utilisation=0.9&in.1.crash-after=decision&in.1.jitter=true&in.2.utilisation=0.6&in.1.retries=NaN&q=x";
    expect(Object.fromEntries(queryValues(search, 1, all))).toEqual({ utilisation: "0.9", "crash-after": "decision", jitter: "true" });
    expect(Object.fromEntries(queryValues(search, 2, all))).toEqual({ utilisation: "0.6" });
    // Defaults, unknown options, prototype keys and a huge query string set nothing.
    expect(queryValues("?in.1.utilisation=0.95&in.1.crash-after=constructor&in.1.__proto__=x&in.1.constructor=y", 1, all).size).toBe(0);
    expect(queryValues(`?in.1.utilisation=0.9&pad=${"x".repeat(MAX_QUERY_CHARS)}`, 1, all).size).toBe(0);
  });

  it("writes one snippet's values into the link, keeping everything else and leaving defaults out", () => {
    const values = new Map([["utilisation", "0.7"], ["crash-after", "prepare"], ["jitter", "maybe"]]);
    expect(withQueryValues("?q=a&in.1.utilisation=0.9&in.2.jitter=true", 1, all, values)).toBe("?q=a&in.2.jitter=true&in.1.utilisation=0.7");
    expect(withQueryValues("?in.1.utilisation=0.9", 1, all, new Map([["utilisation", "0.95"]]))).toBe("");
    expect(withQueryValues("", 1, [select], new Map([["crash-after", "first commit"]]))).toBe("?in.1.crash-after=first+commit");
  });

  it("travels to the sandbox only as a bounded text", () => {
    const request = { kind: "run", nonce: "n", js: "", timeout: 1 };
    expect(isRunRequest({ ...request, inputs: "{}" })).toBe(true);
    expect(isRunRequest(request)).toBe(false);
    expect(isRunRequest({ ...request, inputs: "x".repeat(10_001) })).toBe(false);
  });
});

describe("the baked controls", () => {
  it("are labelled form controls with their defaults, disabled until the page takes them over, in .md and .mdx", () => {
    const html = controlsHtml([range, select, checkbox, { ...number, label: 'a "<b>" & {c}' }]);
    expect(html).toMatch(/^<fieldset class="snippet-inputs" disabled><legend>Inputs<\/legend>/);
    expect(html).toContain('<label><span class="snippet-input-label">utilisation</span><input type="range" name="utilisation" min="0.5" max="0.99" step="0.01" value="0.95"></label><output aria-hidden="true">0.95</output>');
    expect(html).toContain('<option value="prepare" selected>prepare</option><option value="decision">decision</option>');
    expect(html).toContain('<label><input type="checkbox" name="jitter">');
    expect(html).toContain("a &quot;&lt;b&gt;&quot; &amp; {c}");
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/style=/);
    const jsx = htmlToJsx(controlsHtml([range, { ...number, label: 'a "<b>" & {c}' }], true), inertString);
    expect(jsx).toContain('<fieldset class="snippet-inputs" disabled="disabled">');
    expect(jsx).toContain('<DaybookInput type="range" name="utilisation" min="0.5" max="0.99" step="0.01" value="0.95"></DaybookInput>');
    expect(jsx).not.toMatch(/[^\\]\{c\}/);
    expect(controlsHtml([])).toBe("");
  });
});

describe("controls in the build's snippet runtime", () => {
  const pool = new SnippetPool({ size: 1 });
  afterAll(() => pool.close());
  const run = (ts: string) => pool.run(transpileSnippet(ts), 5000);

  it("runs with the defaults and hands over the declared controls", async () => {
    const result = await run(`import { input } from "daybook/show";\nconst u = input.range("utilisation", 0.95, { min: 0.5, max: 0.99, step: 0.01 });\nconsole.log(u, input.select("crash after", ["prepare", "decision"]));`);
    expect(result.output).toBe("0.95 prepare");
    const check = validateControls(result.controls);
    expect(check.ok && check.controls.map((c) => [c.kind, c.name, c.default])).toEqual([["range", "utilisation", 0.95], ["select", "crash-after", "prepare"]]);
  });

  it("throws a bad declaration in the snippet at its line, and fails the check when controls are forged", async () => {
    const bad = await run(`import { input } from "daybook/show";\ninput.range("u", 5, { min: 0, max: 1 });`);
    expect(bad.error).toMatch(/^RangeError: input\.range: control\.default is 5, outside 0 to 1 \(line 2\)$/);
    // The snippet replaces JSON.stringify, which the runtime hands the controls over with: the check at build refuses them at the snippet's line.
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "daybook-input-")), "cache.json");
    const code = `import { input } from "daybook/show";\nJSON.stringify = (() => '[{"kind":"checkbox","label":"a","name":"b","default":false}]') as typeof JSON.stringify;\ninput.checkbox("a");`;
    const report = await checkSnippets([{ path: "content/days/009-x.mdx", text: `# X\n\n\`\`\`ts run\n${code}\n\`\`\`\n\n\`\`\`output\n\n\`\`\`\n` }], { root: ROOT, cacheFile, pool });
    expect(report.problems.find((p) => p.message.includes("controls"))).toMatchObject({ file: "content/days/009-x.mdx", line: 3, message: `the snippet's controls are not shown: controls[0].name is "b"; it must be the label's slug, "a"` });
  });
});
