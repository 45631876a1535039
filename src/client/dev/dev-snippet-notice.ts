// In dev, each <daybook-snippet> shows what the dev server last found for it: the new output,
// a notice when it differs from the committed ```output fence (with the diff and Accept output),
// and the type or runtime errors located in it. All as text.
import { ACCEPT_ALL_COMMAND, DEV_ACCEPT_PATH, DEV_TOKEN_HEADER, type DevClientConfig, type DevSnippet } from "./dev-protocol.ts";
import { location } from "./dev-problems.ts";

interface SnippetElement extends HTMLElement {
  showLatest?(output: string, figures?: string): void;
}

/** Pairs each snippet on the page with the server's state by its code, in order. */
export function showSnippetStates(states: readonly DevSnippet[], config: DevClientConfig): void {
  const unused = [...states];
  for (const element of document.querySelectorAll<SnippetElement>("daybook-snippet")) {
    const code = (element.querySelector("pre.astro-code")?.textContent ?? "").replace(/\n+$/, "");
    const at = unused.findIndex((s) => s.code.replace(/\n+$/, "") === code);
    // No match: the page shows code the server has not seen yet; it reloads once Astro re-renders it.
    if (at < 0) continue;
    const [state] = unused.splice(at, 1);
    show(element, state!, config);
  }
}

function show(element: SnippetElement, state: DevSnippet, config: DevClientConfig): void {
  // The snippet bootstrap loads after the page is parsed: the output waits for it.
  const { output, figures } = state;
  if (output !== undefined) void customElements.whenDefined("daybook-snippet").then(() => element.showLatest?.(output, figures));
  element.querySelector(".daybook-dev-snippet")?.remove();
  if (!state.outOfDate && !state.problems.length) return;
  const notice = document.createElement("div");
  notice.className = "daybook-dev-snippet";
  notice.setAttribute("role", "status");
  Object.assign(notice.style, { border: "2px solid #b54708", borderRadius: "0.4rem", padding: "0.5rem 0.75rem", marginBlock: "0.5rem", background: "#fffaeb", color: "#3d2200", font: "0.85rem/1.4 system-ui, sans-serif" });
  for (const problem of state.problems) notice.append(paragraph(`${location(problem)}: ${problem.message}\n→ ${problem.fix}`));
  if (state.outOfDate && state.output !== undefined) {
    notice.append(paragraph(state.diff === undefined ? "This output is not in the entry: the snippet has no ```output fence." : "This output differs from the committed ```output fence (- expected, + actual):"));
    if (state.diff !== undefined) {
      const diff = document.createElement("pre");
      diff.className = "daybook-dev-diff";
      diff.textContent = state.diff;
      Object.assign(diff.style, { overflow: "auto", margin: "0.25rem 0", padding: "0.25rem 0.5rem", background: "#fff", color: "#1d2939" });
      notice.append(diff);
    }
    notice.append(paragraph(`To accept every snippet's output, run \`${ACCEPT_ALL_COMMAND}\`; to accept only this one:`));
    if (state.acceptable) notice.append(acceptButton(state, config));
  }
  element.querySelector(".snippet-output")?.after(notice);
}

function acceptButton(state: DevSnippet, config: DevClientConfig): HTMLElement {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Accept output";
  button.className = "daybook-dev-accept";
  const result = document.createElement("span");
  result.className = "daybook-dev-accept-result";
  result.style.marginInlineStart = "0.5rem";
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const response = await fetch(`${config.base}${DEV_ACCEPT_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", [DEV_TOKEN_HEADER]: config.token },
        body: JSON.stringify({ id: state.id, hash: state.outputHash }),
      });
      const { message } = (await response.json()) as { message: string };
      result.textContent = response.ok ? `Written: ${message}` : `Not written: ${message}`;
    } catch (error) {
      result.textContent = `Not written: ${(error as Error).message}`;
    }
    button.disabled = false;
  });
  const wrapper = document.createElement("p");
  wrapper.append(button, result);
  return wrapper;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  p.style.whiteSpace = "pre-wrap";
  p.style.margin = "0.25rem 0";
  return p;
}
