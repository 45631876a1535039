/**
 * `input` in `daybook/show`: controls a snippet declares, which the page shows above its output.
 * Each call returns the control's value for this run: the default at build, or the value the
 * reader chose (its form control, or the page's query string), read against the declaration so a
 * value that does not fit becomes the default.
 *
 * ```ts
 * import { input, show } from "daybook/show";
 * const utilisation = input.range("utilisation", 0.95, { min: 0.5, max: 0.99, step: 0.01 });
 * ```
 */
import { controlName, controlValue, MAX_CONTROLS, readControl, type Control } from "./input-controls.ts";
import { FigureDataError } from "./untrusted-read.ts";

/** Options of a number control; a range needs `min` and `max`. */
export interface NumberOptions {
  readonly min?: number;
  readonly max?: number;
  /** The step between values (a range's default: a hundredth of its span). */
  readonly step?: number;
}

/** The `input` object a snippet imports from `daybook/show`. Each call throws if the declaration breaks a rule. */
export interface Input {
  /** A slider from `min` to `max`: `input.range("utilisation", 0.95, { min: 0.5, max: 0.99, step: 0.01 })`. */
  range(label: string, value: number, options: NumberOptions & { readonly min: number; readonly max: number }): number;
  /** A number field. */
  number(label: string, value: number, options?: NumberOptions): number;
  /** A choice among `options` (the default: the first, or `value`). */
  select<const T extends string>(label: string, options: readonly T[], value?: T): T;
  /** A checkbox (default: unchecked). */
  checkbox(label: string, value?: boolean): boolean;
}

/**
 * An `input` for one run. `values` are the reader's, by control name, untrusted; `declared` lists
 * the controls declared so far (the runtime reports them with the run's result).
 */
export function createInput(values: Readonly<Record<string, unknown>>): { input: Input; declared: Control[] } {
  const declared: Control[] = [];
  const declare = (call: string, data: Record<string, unknown>): Control => {
    if (declared.length >= MAX_CONTROLS) throw new RangeError(`${call}: this would be control ${declared.length + 1}; the limit is ${MAX_CONTROLS} controls per snippet`);
    let control: Control;
    try {
      const label = data.label;
      control = readControl({ ...data, name: typeof label === "string" ? controlName(label) : "" }, "control");
    } catch (error) {
      if (error instanceof FigureDataError) throw new RangeError(`${call}: ${error.message}`);
      throw error;
    }
    if (declared.some((c) => c.name === control.name)) throw new RangeError(`${call}: a control named ${JSON.stringify(control.name)} is already declared; each control's label must differ`);
    declared.push(control);
    return control;
  };
  const given = (control: Control) => (Object.hasOwn(values, control.name) ? values[control.name] : undefined);
  const numeric = (kind: "range" | "number") => (label: string, value: number, options?: NumberOptions) => {
    const control = declare(`input.${kind}`, { kind, label, default: value, ...pick(options) });
    return controlValue(control, given(control)) as number;
  };
  return {
    declared,
    input: {
      range: numeric("range"),
      number: numeric("number"),
      select<const T extends string>(label: string, options: readonly T[], value?: T): T {
        const control = declare("input.select", { kind: "select", label, options, ...(value === undefined ? {} : { default: value }) });
        return controlValue(control, given(control)) as T;
      },
      checkbox(label: string, value?: boolean): boolean {
        const control = declare("input.checkbox", { kind: "checkbox", label, ...(value === undefined ? {} : { default: value }) });
        return controlValue(control, given(control)) as boolean;
      },
    },
  };
}

/** The options' own fields, read once (a getter cannot answer the check one way and the page another). */
function pick(options: NumberOptions | undefined): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) throw new RangeError("input: options must be an object like { min: 0, max: 1, step: 0.1 }");
  const out: Record<string, unknown> = {};
  for (const key of ["min", "max", "step"] as const) if (options[key] !== undefined) out[key] = options[key];
  return out;
}
