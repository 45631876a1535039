/** Wraps each `pre.astro-code` with a Copy button that announces its result to screen readers. */
export function addCopyButtons(root: ParentNode = document): void {
  const status = root.querySelector<HTMLElement>("[data-copy-status]");
  for (const pre of root.querySelectorAll<HTMLPreElement>("pre.astro-code")) {
    if (pre.parentElement?.classList.contains("code-block")) continue;
    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.replaceWith(wrapper);
    wrapper.append(pre);

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
    wrapper.append(button);
  }
}
