/** The URL Standard's percent-encoding: the encode sets, UTF-8 bytes, and the form-urlencoded format. */
import { utf8DecodeWithoutBOM } from "./decoders.ts";

export const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
export const isAlpha = (c: number | undefined): boolean => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
export const isHex = (c: number | undefined): boolean => isDigit(c) || (c !== undefined && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));

// Percent-encode sets, as predicates on a byte.
export const c0ControlSet = (c: number): boolean => c <= 0x1f || c > 0x7e;
export const fragmentSet = (c: number): boolean => c0ControlSet(c) || ' "<>`'.includes(String.fromCharCode(c));
export const querySet = (c: number): boolean => c0ControlSet(c) || ' "#<>'.includes(String.fromCharCode(c));
export const specialQuerySet = (c: number): boolean => querySet(c) || c === 0x27;
export const pathSet = (c: number): boolean => querySet(c) || "?^`{}".includes(String.fromCharCode(c));
export const userinfoSet = (c: number): boolean => pathSet(c) || "/:;=@[\\]|".includes(String.fromCharCode(c));
const componentSet = (c: number): boolean => userinfoSet(c) || "$%&+,".includes(String.fromCharCode(c));
export const urlencodedSet = (c: number): boolean => componentSet(c) || "!'()~".includes(String.fromCharCode(c));

/** UTF-8 bytes of a string (lone surrogates as U+FFFD), as plain numbers: parsing never touches the allocation budget. */
export function utf8Bytes(input: string): number[] {
  const bytes: number[] = [];
  for (const char of input) {
    let point = char.codePointAt(0)!;
    if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd;
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
    else if (point < 0x10000) bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
    else bytes.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
  return bytes;
}

const percentEncodeByte = (byte: number): string => `%${byte < 16 ? "0" : ""}${byte.toString(16).toUpperCase()}`;

export function percentEncodeString(input: string, inSet: (byte: number) => boolean, spaceAsPlus = false): string {
  let output = "";
  for (const byte of utf8Bytes(input)) {
    if (spaceAsPlus && byte === 0x20) output += "+";
    else output += inSet(byte) ? percentEncodeByte(byte) : String.fromCharCode(byte);
  }
  return output;
}
export const percentEncodePoint = (point: number, inSet: (byte: number) => boolean): string => percentEncodeString(String.fromCodePoint(point), inSet);

export function percentDecode(bytes: number[]): number[] {
  const output: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x25 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      output.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else output.push(byte);
  }
  return output;
}
export const percentDecodeToString = (input: string): string => utf8DecodeWithoutBOM(percentDecode(utf8Bytes(input)));

/** The application/x-www-form-urlencoded parser. */
export function parseUrlencoded(input: string): [string, string][] {
  const output: [string, string][] = [];
  for (const sequence of input.split("&")) {
    if (sequence === "") continue;
    const equals = sequence.indexOf("=");
    const name = equals >= 0 ? sequence.slice(0, equals) : sequence;
    const value = equals >= 0 ? sequence.slice(equals + 1) : "";
    output.push([percentDecodeToString(name.replace(/\+/g, " ")), percentDecodeToString(value.replace(/\+/g, " "))]);
  }
  return output;
}

/** The application/x-www-form-urlencoded serializer. */
export function serializeUrlencoded(list: [string, string][]): string {
  return list.map(([name, value]) => `${percentEncodeString(name, urlencodedSet, true)}=${percentEncodeString(value, urlencodedSet, true)}`).join("&");
}
