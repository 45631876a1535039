// A snippet's controls on the page: the build bakes them, disabled, with their defaults
// (src/integration/snippets/controls-html.ts); this enables them, sets them from the page's link
// (`?in.<snippet>.<name>=`), and after a change keeps the values in the link with
// history.replaceState and asks the snippet to run again: at once for the first change, then at
// most once per INPUT_SETTLE_MS while a slider is dragged, always ending with the latest values
// (the snippet drops the output of a run that a newer change overtook). Loaded only by pages whose
// snippets declared controls.
import { controlText, controlValue, validateControls, type Control } from "../../figures/input-controls.ts";
import { queryValues, withQueryValues } from "./input-query.ts";
import { inputsText } from "./sandbox-protocol.ts";

/** After a change starts a run, later changes within this time wait for its end and start one run, with the latest values. */
export const INPUT_SETTLE_MS = 150;

type Field = HTMLInputElement | HTMLSelectElement;

export interface SnippetInputs {
  /** The controls' current values, by name, each read against its control, as a run carries them (sandbox-protocol.ts). */
  text(): string;
  /** Sets every control back to its default and takes the values out of the link (Reset shows the baked output, made with the defaults). */
  reset(): void;
  /** Whether the page's link set any control to other than its default. */
  readonly fromLink: boolean;
}

/**
 * Takes over the controls in `fieldset` for the snippet at `snippet` (its place on the page).
 * Returns nothing, leaving them disabled, when the baked declarations do not check out.
 */
export function wireInputs(fieldset: HTMLFieldSetElement, snippet: number, onChange: () => void): SnippetInputs | undefined {
  const items = [...fieldset.querySelectorAll<HTMLElement>(".snippet-input")];
  const declared = validateControls(items.map((item) => parseControl(item.dataset.control)));
  if (!declared.ok) return undefined;
  const controls = declared.controls;
  const fields = items.map((item) => item.querySelector<Field>("input, select"));
  if (fields.some((field) => field === null)) return undefined;
  const read = (field: Field, control: Control) => controlValue(control, control.kind === "checkbox" ? String((field as HTMLInputElement).checked) : field.value);
  const current = () => new Map(controls.map((control, i) => [control.name, controlText(read(fields[i]!, control))]));

  const linked = queryValues(location.search, snippet, controls);
  controls.forEach((control, i) => {
    const value = linked.get(control.name);
    if (value !== undefined) set(fields[i]!, control, value);
    showValue(items[i]!, fields[i]!);
  });
  fieldset.disabled = false;

  const keepInLink = () => {
    const search = withQueryValues(location.search, snippet, controls, current());
    if (search !== location.search) history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  };
  // Leading edge and trailing edge: a key press or a click runs at once; a drag runs at its start,
  // every INPUT_SETTLE_MS while it goes on, and once more with where it stopped.
  let settling: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const fire = () => {
    pending = false;
    onChange(); // the run starts first; the link can wait for it to be sent
    keepInLink();
    settling = setTimeout(() => {
      settling = undefined;
      if (pending) fire();
    }, INPUT_SETTLE_MS);
  };
  fieldset.addEventListener("input", (event) => {
    const item = (event.target as Element).closest<HTMLElement>(".snippet-input");
    const index = item ? items.indexOf(item) : -1;
    if (index >= 0) showValue(items[index]!, fields[index]!);
    if (settling === undefined) fire();
    else pending = true;
  });
  const reset = () => {
    pending = false;
    controls.forEach((control, i) => {
      set(fields[i]!, control, controlText(control.default));
      showValue(items[i]!, fields[i]!);
    });
    keepInLink();
  };
  return { text: () => inputsText(Object.fromEntries(current())), reset, fromLink: linked.size > 0 };
}

function parseControl(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}

function set(field: Field, control: Control, value: string): void {
  if (control.kind === "checkbox") (field as HTMLInputElement).checked = value === "true";
  else field.value = value;
}

/** A range shows its value beside it (a slider alone does not say where it is). */
function showValue(item: HTMLElement, field: Field): void {
  const output = item.querySelector("output");
  if (output) output.textContent = field.value;
}
