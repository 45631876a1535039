// <daybook-snippet>: the small bootstrap that adds Run / Edit / Reset to each runnable block.
// Everything heavy loads on first use: the sandbox and worker runtime on Run, CodeMirror on
// Edit, the TypeScript transpiler on the first run of edited code.
import { capOutput } from "./output-limit.ts";
import { outputParts, outputText, replaceParts, textPart } from "./output-panel.ts";
import type { SnippetEditor } from "./snippet-editor.ts";
import { authorCode, forgetEdit, keepEdit, keptEdit, shareEdit, snippetNumber, type KeptEdit } from "./edit-keeping.ts";
import type { SnippetInputs } from "./snippet-inputs.ts";
import { startTypechecker } from "./typecheck-start.ts";

const RUNNER = `${import.meta.env.BASE_URL.replace(/\/$/, "")}/runner`;
const RUNNER_URLS = { worker: `${RUNNER}/worker.js`, sandbox: `${RUNNER}/sandbox.html` };

class DaybookSnippet extends HTMLElement {
  #editor: SnippetEditor | undefined;
  #editorHost: HTMLElement | undefined;
  #running = false;
  #baked = "";
  /**
   * The build's output panel parts (text and figures), for Reset: copied when the panel first
   * changes (null until then: copying every figure at load would cost the page its first frames);
   * undefined once the dev server sent newer output.
   */
  #bakedParts: Node[] | undefined | null = null;
  /** The figures of the dev server's latest output (with #baked, what Reset shows then). */
  #latestFigures = "";
  /** The snippet's controls, once wired (snippet-inputs.ts, loaded only when the build baked some). */
  #inputs: SnippetInputs | undefined;
  /** A control changed while a run was going: that run's output is stale, so it is not shown and the snippet runs again. */
  #again = false;

  connectedCallback(): void {
    if (this.querySelector(".snippet-toolbar")) return;
    const toolbar = document.createElement("div");
    toolbar.className = "snippet-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Snippet controls");
    toolbar.append(
      this.#button("Run", "run", () => void this.run()),
      this.#button("Edit", "edit", () => void this.edit()),
      this.#button("Reset", "reset", () => this.reset(), true),
      this.#button("Share", "share", () => void this.share(), true),
    );
    const status = document.createElement("span");
    status.className = "snippet-status";
    toolbar.append(status);
    this.querySelector(".snippet-output")?.before(toolbar);
    this.#baked = outputText(this.#panel());
    this.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.run();
      }
    });
    const fieldset = this.querySelector<HTMLFieldSetElement>("fieldset.snippet-inputs");
    const inputs = fieldset ? import("./snippet-inputs.ts").then(({ wireInputs }) => (this.#inputs = wireInputs(fieldset, snippetNumber(this), () => this.rerun()))) : Promise.resolve(undefined);
    // A link's control values re-run the author's code (never a kept or shared edit, which waits for Run).
    void Promise.all([keptEdit(this), inputs]).then(([kept, wired]) => {
      if (kept) void this.edit(kept);
      else if (wired?.fromLink) this.rerun();
    });
  }

  /** Runs again after a control changed: now, or once the run in progress ends (its output, made with old values, is dropped). */
  rerun(): void {
    this.querySelector<HTMLButtonElement>("[data-action=reset]")!.hidden = false; // back to the defaults and the baked output
    if (this.#running) this.#again = true;
    else void this.run();
  }

  async run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const runButton = this.querySelector<HTMLButtonElement>("[data-action=run]")!;
    runButton.disabled = true;
    this.#status("Running…");
    if (!canRun()) {
      this.#status(UNAVAILABLE);
      runButton.disabled = false;
      this.#running = false;
      return;
    }
    try {
      // Type errors don't stop a run (the reader is experimenting); syntax the build refuses does.
      const typeErrors = this.#editor ? await this.#editor.check() : [];
      const refused = typeErrors?.find((d) => d.refused);
      const js = refused ? { error: `${refused.message} (line ${refused.line})` } : this.#editor ? await compile(this.#editor.code()) : { js: this.dataset.js ?? "" };
      if ("error" in js) {
        await this.#show(js.error, js.error.startsWith("SyntaxError") ? "Not run: the code has a syntax error" : "Not run: this TypeScript can't run in a snippet");
        return;
      }
      const { runInSandbox } = await import("./sandbox.ts");
      const result = await runInSandbox(js.js, Number(this.dataset.timeout) || 2000, RUNNER_URLS, this.#inputs?.text() ?? "{}");
      if (this.#again) return; // superseded by a newer change: the finally block runs again
      const status = result.outcome === "timed-out" ? `Stopped after ${Math.round(result.ms / 100) / 10} s on this device` : `${{ ran: "Ran in", failed: "Failed in", stopped: "Stopped after" }[result.outcome]} ${result.ms} ms`;
      await this.#show(result.output, typeErrors?.length ? `${status} (ran with ${typeErrors.length} type error${typeErrors.length === 1 ? "" : "s"})` : status, result.figures);
    } catch (error) {
      if ((error as Error).name === "SandboxUnavailable") this.#status(UNAVAILABLE);
      else await this.#show(`Error: ${(error as Error).message}`, "Could not run the snippet");
    } finally {
      runButton.disabled = false;
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        void this.run();
      }
    }
  }

  /** Opens the editor: on the reader's click, or at load with a kept edit or a shared link's code (never run, never focused). */
  async edit(kept?: KeptEdit): Promise<void> {
    if (this.#editor) return this.#editor.focus();
    const pre = this.querySelector<HTMLElement>("pre.astro-code")!;
    this.#status("Loading the editor…");
    startTypechecker(); // the compiler takes longer to load than the editor: start it first
    const { createEditor } = await import("./snippet-editor.ts");
    this.#editorHost = document.createElement("div");
    this.#editorHost.className = "snippet-editor";
    pre.after(this.#editorHost);
    this.#editor = createEditor(this.#editorHost, authorCode(this), () => void this.run(), { initial: kept?.code, onChange: (code) => keepEdit(this, code) });
    this.querySelector<HTMLButtonElement>("[data-action=share]")!.hidden = false;
    pre.hidden = true;
    this.querySelector<HTMLButtonElement>("[data-action=reset]")!.hidden = false;
    this.#status(kept?.note ?? "Editing: Ctrl+Enter or Cmd+Enter runs your version");
    if (!kept) this.#editor.focus();
  }

  async share(): Promise<void> {
    if (this.#editor) this.#status(await shareEdit(this, this.#editor.code()));
  }

  reset(): void {
    this.#editor?.destroy();
    this.#editorHost?.remove();
    this.#editor = undefined;
    this.querySelector<HTMLElement>("pre.astro-code")!.hidden = false;
    this.querySelector<HTMLButtonElement>("[data-action=reset]")!.hidden = true;
    this.querySelector<HTMLButtonElement>("[data-action=share]")!.hidden = true;
    forgetEdit(this);
    this.#inputs?.reset();
    if (this.#bakedParts === null) {
      this.#status("Reset to the original code and output"); // the panel still shows the build's output
    } else if (this.#bakedParts) {
      replaceParts(this.#panel(), this.#bakedParts.map((part) => part.cloneNode(true)));
      this.#status("Reset to the original code and output");
    } else void this.#show(this.#baked, "Reset to the original code and output", this.#latestFigures);
    this.querySelector<HTMLButtonElement>("[data-action=edit]")!.focus();
  }

  /**
   * The dev server's latest output for the unedited code (src/client/dev/ calls it in dev only),
   * with its figures' JSON texts, one a line, when it sends them (checked and drawn as after Run):
   * it becomes what Reset shows, and is shown now unless the reader is editing or running.
   */
  showLatest(output: string, figures = ""): void {
    if (output === this.#baked) return;
    this.#baked = output;
    this.#latestFigures = figures;
    this.#bakedParts = undefined; // Reset draws the latest output instead of the build's
    if (!this.#editor && !this.#running) void this.#show(output, "New output from the dev server", figures);
  }

  #button(label: string, action: string, onClick: () => void, hidden = false): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.dataset.action = action;
    button.hidden = hidden;
    button.addEventListener("click", onClick);
    return button;
  }

  #panel(): HTMLElement {
    return this.querySelector<HTMLElement>(".snippet-output")!;
  }

  /**
   * Output is always text, never HTML (`<img onerror=…>` printed by a snippet shows as typed), and
   * never longer than the cap. Figures are drawn from the sandbox's data, checked again, by the
   * renderer the build used (snippet-figures.ts, loaded on the first run that drew).
   */
  async #show(output: string, status: string, figures = ""): Promise<void> {
    const text = capOutput(output);
    const parts = outputParts(this.#panel());
    if (this.#bakedParts === null) this.#bakedParts = parts.map((part) => part.cloneNode(true));
    const code = parts.length === 1 && parts[0]!.matches(".snippet-output-text") ? parts[0]!.querySelector("code") : null;
    if (!figures && code) code.textContent = text;
    else replaceParts(this.#panel(), figures ? await (await import("./snippet-figures.ts")).figureOutput(text, figures) : [textPart(text)]);
    this.#status(status);
  }

  #status(text: string): void {
    this.querySelector(".snippet-status")!.textContent = text;
  }
}

const UNAVAILABLE = "Run isn't available in this browser";

/** What the sandbox needs; a browser without it keeps the baked output and says so, never hangs. */
function canRun(): boolean {
  return typeof Worker === "function" && typeof MessageChannel === "function" && typeof Blob === "function" && typeof URL.createObjectURL === "function" && "sandbox" in HTMLIFrameElement.prototype;
}

async function compile(code: string): Promise<{ js: string } | { error: string }> {
  const { transpileSnippet } = await import("../../runtime/transpile.ts");
  try {
    return { js: transpileSnippet(code) };
  } catch (error) {
    const { message, loc, name } = error as Error & { loc?: { line: number } };
    // TypeScript that needs generated code (an enum…): refused with the build's own message and line.
    if (name === "NonErasableSyntaxError") return { error: `${message} (line ${loc!.line})` };
    return { error: `SyntaxError: ${message.replace(/\s*\(\d+:\d+\)$/, "")}${loc ? ` (line ${loc.line})` : ""}` };
  }
}

if (!customElements.get("daybook-snippet")) customElements.define("daybook-snippet", DaybookSnippet);
