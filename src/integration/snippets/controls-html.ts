import { escapeXml } from "../../lib/escape-xml.ts";
import { controlText, type Control } from "../../figures/input-controls.ts";

/**
 * A snippet's declared controls as the page's form controls, set to their defaults (what the
 * build ran with). Each is a real, labelled control inside a `<fieldset>` that stays disabled
 * until the page's script takes it over (src/client/snippets/snippet-inputs.ts), so without
 * JavaScript a reader sees the values the output was made with and cannot change them to no
 * effect. Each control's checked declaration rides along as `data-control` (JSON), which the page
 * checks again before reading a link's values against it. `selfClose` writes XML for the MDX path
 * (html-to-jsx.ts reads XML), each `<input>` as the DaybookInput component; HTML's void elements need no closing.
 */
export function controlsHtml(controls: readonly Control[], selfClose = false): string {
  if (controls.length === 0) return "";
  const end = selfClose ? "/>" : ">";
  // In .mdx an <input> is the DaybookInput component (src/components/entry-components.ts): MDX's JSX would write `<input/>`.
  const input = selfClose ? "<DaybookInput" : "<input";
  // Boolean attributes: bare in HTML; in JSX a value is needed, and an empty one would drop them.
  const on = (name: string) => (selfClose ? { [name]: name } : { [name]: "" });
  const attrs = (pairs: Record<string, string | number | undefined>) =>
    Object.entries(pairs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (v === "" ? ` ${k}` : ` ${k}="${escapeXml(String(v))}"`))
      .join("");
  const items = controls.map((control) => {
    const wrap = (inner: string) => `<div class="snippet-input snippet-input-${control.kind}"${attrs({ "data-control": JSON.stringify(control) })}>${inner}</div>`;
    const label = `<span class="snippet-input-label">${escapeXml(control.label)}</span>`;
    switch (control.kind) {
      case "range":
        return wrap(`<label>${label}${input}${attrs({ type: "range", name: control.name, min: control.min, max: control.max, step: control.step, value: controlText(control.default) })}${end}</label><output aria-hidden="true">${escapeXml(controlText(control.default))}</output>`);
      case "number":
        return wrap(`<label>${label}${input}${attrs({ type: "number", name: control.name, min: control.min, max: control.max, step: control.step ?? "any", value: controlText(control.default) })}${end}</label>`);
      case "checkbox":
        return wrap(`<label>${input}${attrs({ type: "checkbox", name: control.name, ...(control.default ? on("checked") : {}) })}${end}${label}</label>`);
      case "select": {
        const options = control.options.map((option) => `<option${attrs({ value: option, ...(option === control.default ? on("selected") : {}) })}>${escapeXml(option)}</option>`).join("");
        return wrap(`<label>${label}<select${attrs({ name: control.name })}>${options}</select></label>`);
      }
    }
  });
  return `<fieldset class="snippet-inputs"${attrs(on("disabled"))}><legend>Inputs</legend>${items.join("")}</fieldset>`;
}
