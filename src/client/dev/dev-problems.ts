// <daybook-dev-problems>: every problem the build would report, in a corner of every dev page.
// Text only: messages quote the author's files, which may hold any markup.
import type { DevProblem } from "./dev-protocol.ts";

class DaybookDevProblems extends HTMLElement {
  show(problems: readonly DevProblem[]): void {
    this.replaceChildren();
    this.hidden = problems.length === 0;
    if (!problems.length) return;
    const heading = document.createElement("p");
    heading.className = "daybook-dev-heading";
    heading.textContent = `Daybook: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} (npm run build would stop)`;
    const list = document.createElement("ol");
    for (const problem of problems) {
      const item = document.createElement("li");
      const where = document.createElement("code");
      where.textContent = location(problem);
      const message = document.createElement("p");
      message.textContent = `✗ ${problem.message}`;
      message.style.whiteSpace = "pre-wrap";
      const fix = document.createElement("p");
      fix.textContent = `→ ${problem.fix}`;
      item.append(where, message, fix);
      list.append(item);
    }
    this.append(heading, list);
  }

  connectedCallback(): void {
    this.setAttribute("role", "status");
    // Style properties, not a stylesheet: the panel brings nothing a page's CSS could clash with.
    Object.assign(this.style, {
      position: "fixed", insetBlockEnd: "0.5rem", insetInlineEnd: "0.5rem", zIndex: "2147483647", maxInlineSize: "min(40rem, calc(100vw - 1rem))",
      maxBlockSize: "50vh", overflow: "auto", padding: "0.5rem 0.75rem", background: "#fff4f2", color: "#3b0a05",
      border: "2px solid #b42318", borderRadius: "0.5rem", font: "0.85rem/1.4 system-ui, sans-serif", boxShadow: "0 2px 12px rgb(0 0 0 / 0.25)",
    });
  }
}

export function location(problem: DevProblem): string {
  return problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ""}` : problem.file;
}

if (!customElements.get("daybook-dev-problems")) customElements.define("daybook-dev-problems", DaybookDevProblems);

export function showProblems(problems: readonly DevProblem[]): void {
  let panel = document.querySelector<DaybookDevProblems>("daybook-dev-problems");
  if (!panel) {
    panel = document.createElement("daybook-dev-problems") as DaybookDevProblems;
    document.body.append(panel);
  }
  panel.show(problems);
}
