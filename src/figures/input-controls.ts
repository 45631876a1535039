/**
 * Controls a snippet declares with `input` (from `daybook/show`): their shape, the checks on a
 * declaration, and how a value given from outside (the page's query string, its form controls)
 * is read against one. Declarations and values both come from untrusted places (reader-editable
 * code, a link), so nothing here throws on bad input from outside: a declaration that breaks a
 * rule is refused with a sentence naming it, and a value that does not fit its control is replaced by
 * the control's default. No DOM, no Node: the same file runs at build, in the sandbox and in the page.
 */
import { MAX_STRING_LENGTH } from "./figure-limits.ts";
import { FigureDataError, kindOf, readArray, readNumber, readObject, readString, required } from "./untrusted-read.ts";

/** Most controls one snippet may declare. */
export const MAX_CONTROLS = 20;
/** Most options of one select. */
export const MAX_OPTIONS = 50;
/** Longest value text read from outside (a query string); longer is never a valid value. */
export const MAX_VALUE_CHARS = 64;

interface Common {
  /** What the reader sees beside the control. */
  readonly label: string;
  /** The label's slug: the control's name in the query string (`?in.<snippet>.<name>=`). */
  readonly name: string;
}
export type RangeControl = Common & { readonly kind: "range"; readonly default: number; readonly min: number; readonly max: number; readonly step: number };
export type NumberControl = Common & { readonly kind: "number"; readonly default: number; readonly min?: number; readonly max?: number; readonly step?: number };
export type SelectControl = Common & { readonly kind: "select"; readonly default: string; readonly options: readonly string[] };
export type CheckboxControl = Common & { readonly kind: "checkbox"; readonly default: boolean };
export type Control = RangeControl | NumberControl | SelectControl | CheckboxControl;
export type ControlValue = number | string | boolean;

/** A label's name in the query string: lowercase ASCII letters and digits, runs of anything else as one `-`. */
export function controlName(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "input";
}

/**
 * Checks one control's declaration (whatever realm it came from) and returns a fresh copy;
 * throws a {@link FigureDataError} naming the rule it broke.
 */
export function readControl(value: unknown, path: string): Control {
  const kind = readObject(value, path, ["kind", "label", "name", "default", "min", "max", "step", "options"]).kind;
  if (typeof kind !== "string" || !Object.hasOwn(FIELDS, kind)) throw new FigureDataError(`${path}.kind is ${JSON.stringify(String(kind))}; the kinds are range, number, select, checkbox`);
  const fields = readObject(value, path, FIELDS[kind as Control["kind"]]);
  const label = required(fields, "label", readString, path);
  if (label.trim() === "") throw new FigureDataError(`${path}.label is empty; a control needs a label the reader can see`);
  const name = required(fields, "name", readString, path);
  if (name !== controlName(label)) throw new FigureDataError(`${path}.name is ${JSON.stringify(name)}; it must be the label's slug, ${JSON.stringify(controlName(label))}`);
  switch (kind) {
    case "range":
    case "number": {
      const min = fields.min === undefined ? undefined : readNumber(fields.min, `${path}.min`);
      const max = fields.max === undefined ? undefined : readNumber(fields.max, `${path}.max`);
      const step = fields.step === undefined ? undefined : readNumber(fields.step, `${path}.step`);
      const fallback = required(fields, "default", readNumber, path);
      if (kind === "range" && (min === undefined || max === undefined)) throw new FigureDataError(`${path} needs a min and a max: a range control is a slider between them`);
      if (min !== undefined && max !== undefined && !(min < max)) throw new FigureDataError(`${path}.min is ${min} and max is ${max}; min must be less than max`);
      if (step !== undefined && !(step > 0)) throw new FigureDataError(`${path}.step is ${step}; a step must be more than 0`);
      if (!inBounds(fallback, min, max)) throw new FigureDataError(`${path}.default is ${fallback}, outside ${min ?? "-∞"} to ${max ?? "∞"}`);
      if (kind === "range") return { kind, label, name, default: fallback, min: min!, max: max!, step: step ?? (max! - min!) / 100 };
      return { kind, label, name, default: fallback, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(step === undefined ? {} : { step }) };
    }
    case "select": {
      const options = readArray(required(fields, "options", (v) => v, path), `${path}.options`, readString, MAX_OPTIONS, `${MAX_OPTIONS} options`);
      if (options.length === 0) throw new FigureDataError(`${path}.options is empty; a select needs at least one option`);
      if (new Set(options).size !== options.length) throw new FigureDataError(`${path}.options has the same option twice; each option must differ`);
      const fallback = fields.default === undefined ? options[0]! : readString(fields.default, `${path}.default`);
      if (!options.includes(fallback)) throw new FigureDataError(`${path}.default is ${JSON.stringify(fallback)}, which is not one of its options`);
      return { kind, label, name, default: fallback, options };
    }
    case "checkbox": {
      const fallback = fields.default === undefined ? false : fields.default;
      if (typeof fallback !== "boolean") throw new FigureDataError(`${path}.default is ${kindOf(fallback)}; a checkbox's default is true or false`);
      return { kind, label, name, default: fallback };
    }
  }
  throw new FigureDataError(`${path}.kind is ${JSON.stringify(String(kind))}; the kinds are range, number, select, checkbox`);
}

const FIELDS: Record<Control["kind"], readonly string[]> = {
  range: ["kind", "label", "name", "default", "min", "max", "step"],
  number: ["kind", "label", "name", "default", "min", "max", "step"],
  select: ["kind", "label", "name", "default", "options"],
  checkbox: ["kind", "label", "name", "default"],
};

const inBounds = (n: number, min: number | undefined, max: number | undefined) => (min === undefined || n >= min) && (max === undefined || n <= max);

/** The outcome of {@link validateControls}. */
export type ControlsCheck = { readonly ok: true; readonly controls: Control[] } | { readonly ok: false; readonly error: string };

/** Checks a run's declared controls (parsed JSON, or JSON text); never throws. */
export function validateControls(value: unknown): ControlsCheck {
  try {
    if (typeof value === "string") {
      if (value.length > MAX_CONTROLS * 20 * MAX_STRING_LENGTH) throw new FigureDataError(`the controls' text is ${value.length} characters; controls come only from input.*`);
      try {
        value = JSON.parse(value);
      } catch {
        throw new FigureDataError("the controls are not JSON; controls come only from input.*");
      }
    }
    const controls = readArray(value, "controls", readControl, MAX_CONTROLS, `${MAX_CONTROLS} controls per snippet`);
    const names = new Set<string>();
    for (const control of controls) {
      if (names.has(control.name)) throw new FigureDataError(`two controls are named ${JSON.stringify(control.name)}; each control's label must differ`);
      names.add(control.name);
    }
    return { ok: true, controls };
  } catch (error) {
    return { ok: false, error: error instanceof FigureDataError ? error.message : "the controls could not be read" };
  }
}

/**
 * The value a control takes from `raw` (text from the query string or a form control, or
 * nothing): the value when it is one the control allows, else the control's default. Never throws.
 */
export function controlValue(control: Control, raw: unknown): ControlValue {
  if (typeof raw !== "string" || raw.length > MAX_VALUE_CHARS) return control.default;
  switch (control.kind) {
    case "select":
      return control.options.includes(raw) ? raw : control.default;
    case "checkbox":
      return raw === "true" ? true : raw === "false" ? false : control.default;
    default: {
      if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) return control.default;
      const n = Number(raw);
      if (!Number.isFinite(n) || !inBounds(n, control.min, control.max)) return control.default;
      return onStep(n, control) ? (n === 0 ? 0 : n) : control.default;
    }
  }
}

/** Whether `n` is on the control's grid of steps from its min (or from 0), allowing for binary rounding. */
function onStep(n: number, control: RangeControl | NumberControl): boolean {
  if (control.step === undefined) return true;
  const steps = (n - (control.min ?? 0)) / control.step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** A value as the query string and the form controls spell it. */
export function controlText(value: ControlValue): string {
  return String(value);
}
