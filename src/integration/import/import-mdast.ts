import { markdownToMdast, type MdastNode } from "satteri";

/** An mdast node as satteri materialises it, with the fields the importer reads. */
export interface Node {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  depth?: number;
  children?: Node[];
  position?: { start: { offset: number; line: number }; end: { offset: number; line: number } };
}

/** A replacement of `source.slice(start, end)`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The note parsed as GitHub-flavoured Markdown (the processor the build uses), with source offsets. */
export function parseMarkdown(source: string): Node {
  return markdownToMdast(source, { features: { gfm: true, frontmatter: false } }) as MdastNode as unknown as Node;
}

/** Every node in document order; `code` and `inlineCode` are leaves, so nothing inside code is visited. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** The text a reader sees: code as its characters, markup dropped, images as their alt text (or nothing). */
export function plainText(node: Node, options: { images: boolean } = { images: true }): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  if (node.type === "image") return options.images ? (node.alt ?? "") : "";
  if (node.type === "break") return " ";
  if (node.type === "html") return "";
  return (node.children ?? []).map((child) => plainText(child, options)).join("");
}

/** Applies non-overlapping edits (an edit inside one already taken is dropped). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

export function range(node: Node): { start: number; end: number } {
  return { start: node.position!.start.offset, end: node.position!.end.offset };
}
