import { domException } from "./dom-exception.ts";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const values = new Map<string, number>([...alphabet].map((char, index) => [char, index]));

function missingArgument(): TypeError {
  return Object.assign(new TypeError('The "input" argument must be specified'), { code: "ERR_MISSING_ARGS" });
}

/** HTML's `btoa`: a binary string (each char ≤ U+00FF) to base64. */
export function btoa(data: unknown): string {
  if (arguments.length === 0) throw missingArgument();
  const input = `${data as string}`;
  let output = "";
  for (let i = 0; i < input.length; i += 3) {
    const codes = [input.charCodeAt(i), input.charCodeAt(i + 1), input.charCodeAt(i + 2)];
    for (const code of codes) if (code > 0xff) throw domException("Invalid character", "InvalidCharacterError");
    const [a = 0, b = NaN, c = NaN] = codes;
    const bits = (a << 16) | ((b || 0) << 8) | (c || 0);
    output += alphabet[bits >> 18]! + alphabet[(bits >> 12) & 63]!;
    output += Number.isNaN(b) ? "==" : alphabet[(bits >> 6) & 63]! + (Number.isNaN(c) ? "=" : alphabet[bits & 63]!);
  }
  return output;
}

/** HTML's `atob` (the "forgiving-base64 decode"): whitespace ignored, padding optional. */
export function atob(data: unknown): string {
  if (arguments.length === 0) throw missingArgument();
  let input = `${data as string}`.replace(/[\t\n\f\r ]/g, "");
  if (input.length % 4 === 0) input = input.replace(/==?$/, "");
  if (/[^A-Za-z0-9+/]/.test(input)) throw domException("Invalid character", "InvalidCharacterError");
  if (input.length % 4 === 1) throw domException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const char of input) {
    buffer = (buffer << 6) | values.get(char)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      output += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return output;
}
