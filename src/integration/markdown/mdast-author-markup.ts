import { fileURLToPath } from "node:url";
import { defineMdastPlugin, type MdastVisitorContext } from "satteri";
import type { Finding } from "../content/html-allow-list.ts";
import { reviewHtml } from "../content/html-review.ts";
import { reviewJsx, type JsxElement } from "../content/jsx-review.ts";
import { isInertExpression } from "../content/mdx-literal.ts";

/**
 * The first plugin of the Markdown and MDX pipeline, so it sees only what the author wrote
 * (Daybook's own plugins add their classes, ids and snippet elements after it). It removes the
 * tags and attributes GitHub's Markdown would drop, with the same judgement the validation pass
 * reports as notes, and refuses to compile what that pass reports as errors: a build stops there
 * already, and `astro dev`, which only shows those problems, must not run an entry's code either.
 */
export const authorMarkup = defineMdastPlugin({
  name: "daybook-author-markup",
  html(node, ctx) {
    const review = reviewHtml(node.value);
    refuse(review.findings, ctx);
    if (review.html !== node.value) ctx.setProperty(node, "value", review.html);
  },
  mdxJsxFlowElement: jsx,
  mdxJsxTextElement: jsx,
  mdxjsEsm(_node, ctx) {
    fail(ctx, "has an MDX import or export, which would run code while the site is built");
  },
  mdxFlowExpression(node, ctx) {
    if (!isInertExpression(node.value)) fail(ctx, `has an MDX expression {${node.value.slice(0, 40)}} that would run code while the site is built`);
  },
  mdxTextExpression(node, ctx) {
    if (!isInertExpression(node.value)) fail(ctx, `has an MDX expression {${node.value.slice(0, 40)}} that would run code while the site is built`);
  },
});

function jsx(node: JsxElement, ctx: MdastVisitorContext): void {
  for (const a of node.attributes) {
    const code = a.type === "mdxJsxExpressionAttribute" ? a.value : typeof a.value === "object" && a.value !== null ? a.value.value : "";
    if (!isInertExpression(code)) fail(ctx, `has a JSX attribute with code {${code.slice(0, 40)}} that would run while the site is built`);
  }
  const review = reviewJsx(node);
  refuse(review.findings, ctx);
  if (!review.changed) return;
  // The parent's replacement already holds this element rebuilt (a node passed through a
  // replacement cannot be replaced again in the same pass).
  const parent = ctx.parent(node);
  if (parent && isJsxElement(parent) && reviewJsx(parent).changed) return;
  ctx.replaceNode(node, rebuild(node));
}

/** The element as the page gets it, with its changed child elements rebuilt the same way. */
function rebuild(node: JsxElement): JsxElement["children"] {
  const review = reviewJsx(node);
  const children = node.children.flatMap((child) => (isJsxElement(child) && reviewJsx(child).changed ? rebuild(child) : [child]));
  if (review.drop) return children as JsxElement["children"];
  const element = { type: node.type, name: node.name, attributes: review.attributes, children, data: { ...node.data, _mdxExplicitJsx: true } };
  return [element as JsxElement] as JsxElement["children"];
}

function isJsxElement(node: { type: string }): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function refuse(findings: readonly Finding[], ctx: MdastVisitorContext): void {
  const error = findings.find((f) => f.severity === "error");
  if (error) fail(ctx, `breaks a content rule: ${error.message}`);
}

function fail(ctx: MdastVisitorContext, what: string): never {
  const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : "an entry";
  throw new Error(`${file} ${what}. Daybook does not compile it; \`npm run check\` shows the line and what to do.`);
}
