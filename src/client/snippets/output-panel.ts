// The parts of a snippet's output panel after its label: text (`<pre class="snippet-output-text">`)
// and, when the snippet drew, figures in between (snippet-figures.ts builds those on first need).
// The build writes the same structure (src/integration/snippets/mdast-snippets.ts).

/** The panel's parts, in order (everything after its label). */
export function outputParts(panel: HTMLElement): Element[] {
  return [...panel.children].filter((child) => !child.classList.contains("snippet-output-label"));
}

/** The output as text: the text parts joined by line breaks, which is what the snippet printed. */
export function outputText(panel: HTMLElement): string {
  return outputParts(panel)
    .filter((part) => part.classList.contains("snippet-output-text"))
    .map((part) => part.textContent ?? "")
    .join("\n");
}

/** A text part; its text is set with `textContent`, never parsed. */
export function textPart(text: string): HTMLElement {
  const pre = document.createElement("pre");
  pre.className = "snippet-output-text";
  pre.tabIndex = 0;
  const code = document.createElement("code");
  code.textContent = text;
  pre.append(code);
  return pre;
}

/** Puts `parts` in the panel in place of its current ones, in one change. */
export function replaceParts(panel: HTMLElement, parts: readonly Node[]): void {
  for (const old of outputParts(panel)) old.remove();
  panel.append(...parts);
}
