import type { MdxJsxFlowElement, MdxJsxTextElement } from "satteri";
import { judgeElement, type AttributeValue, type Finding } from "./html-allow-list.ts";
import { literalValue } from "./mdx-literal.ts";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface JsxReview {
  findings: Finding[];
  /** GitHub's Markdown drops the element's tags (its content stays). */
  drop: boolean;
  /** The attributes the page keeps, rewritten where the allow-list says so. */
  attributes: JsxElement["attributes"];
  /** The element is not written to the page as the author wrote it. */
  changed: boolean;
}

/**
 * Judges one JSX element of an MDX entry with the same allow-list as raw HTML in Markdown
 * (see html-allow-list.ts). A fragment (`<>…</>`) is no element and passes as it is.
 */
export function reviewJsx(node: JsxElement): JsxReview {
  if (node.name === null) return { findings: [], drop: false, attributes: node.attributes, changed: false };
  const inputs = node.attributes.map((a) => (a.type === "mdxJsxAttribute" ? { name: a.name, value: valueOf(a.value) } : { name: "", value: undefined }));
  const findings = judgeElement({ name: node.name, attributes: inputs, jsx: true });
  const drop = findings.some((f) => f.attribute === undefined && f.edit === "drop");
  const attributes = node.attributes.flatMap((a, i) => {
    const edit = findings.find((f) => f.attribute === i)?.edit;
    if (edit === "drop") return [];
    if (edit !== undefined && a.type === "mdxJsxAttribute") return [{ type: a.type, name: a.name, value: edit.value }];
    return [a];
  });
  return { findings, drop, attributes, changed: drop || attributes.length !== node.attributes.length || findings.some((f) => typeof f.edit === "object") };
}

/** A string as written, `null` without a value, the text of a literal `{"…"}`, or `undefined` for code. */
function valueOf(value: (MdxJsxFlowElement["attributes"][number] & { type: "mdxJsxAttribute" })["value"]): AttributeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return literalValue(value.value);
}
