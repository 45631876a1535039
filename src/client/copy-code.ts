/**
 * Puts a Copy button in each code block's box (`.code-block`, made by the build around every
 * highlighted `pre`) and announces its result to screen readers. Only the button is added at load:
 * moving each block into a new box here restyled all of a long entry's code while it loaded.
 */
export function addCopyButtons(root: ParentNode = document): void {
  const status = root.querySelector<HTMLElement>("[data-copy-status]");
  for (const box of root.querySelectorAll<HTMLElement>(".code-block")) {
    const pre = box.querySelector<HTMLPreElement>(":scope > pre.astro-code");
    if (!pre || box.querySelector(":scope > .copy-code")) continue;

    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", async () => {
      const text = pre.querySelector("code")?.textContent ?? pre.textContent ?? "";
      let message = "Copied";
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        message = "Copy failed: select the code and copy it by hand";
      }
      button.textContent = message === "Copied" ? "Copied" : "Copy";
      if (status) status.textContent = message;
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
    box.append(button);
  }
}
