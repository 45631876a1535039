/** Text formatting shared by the printers: fixed rules, never the reader's locale. */

/**
 * `value` with exactly `decimals` digits after the point (`toFixed`, which is locale-free), with
 * fixed spellings for the odd cases: `-` for NaN, `inf` and `-inf`, and never `-0` or `-0.0`.
 */
export function formatNumber(value: number, decimals = 0): string {
  if (Number.isNaN(value)) return "-";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Short text for a message or log entry: a string as it is, an object with a string `type` as
 * `TYPE key=value ...` (e.g. `PREPARE tx=tx-1`), anything else as JSON.
 */
export function describeValue(message: unknown): string {
  if (typeof message === "string") return message;
  if (typeof message === "object" && message !== null && "type" in message && typeof message.type === "string") {
    const rest = Object.entries(message).filter(([key]) => key !== "type");
    return [message.type, ...rest.map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)].join(" ");
  }
  return JSON.stringify(message) ?? String(message);
}
