// A snippet's control values in the page's query string: `?in.<snippet>.<name>=<value>`, where
// <snippet> is the snippet's place on the page (as in `#edit.<snippet>=` shares) and <name> its
// control's name (the label's slug). Pure string work, no DOM: a link is untrusted, so each value
// is read against its declared control (input-controls.ts) and one that does not fit is dropped.
import { controlText, controlValue, type Control } from "../../figures/input-controls.ts";

/** A longer query string is not read for values at all: no honest link is this long. */
export const MAX_QUERY_CHARS = 8_000;

const key = (snippet: number, control: Control) => `in.${snippet}.${control.name}`;

/** The link's values for one snippet's controls, by control name, as value texts; only those that fit their control and differ from its default. */
export function queryValues(search: string, snippet: number, controls: readonly Control[]): Map<string, string> {
  const values = new Map<string, string>();
  if (search.length > MAX_QUERY_CHARS) return values;
  const params = new URLSearchParams(search);
  for (const control of controls) {
    const raw = params.get(key(snippet, control));
    if (raw === null) continue;
    const value = controlValue(control, raw);
    if (value !== control.default) values.set(control.name, controlText(value));
  }
  return values;
}

/**
 * `search` with this snippet's values in place of its old ones (other parameters, other snippets'
 * values kept, in order); a value equal to its control's default is left out, so an untouched
 * page keeps a clean address. Values are read against their controls first.
 */
export function withQueryValues(search: string, snippet: number, controls: readonly Control[], values: ReadonlyMap<string, string>): string {
  const params = new URLSearchParams(search.length > MAX_QUERY_CHARS ? "" : search);
  for (const control of controls) {
    params.delete(key(snippet, control));
    const value = controlValue(control, values.get(control.name));
    if (value !== control.default) params.set(key(snippet, control), controlText(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
