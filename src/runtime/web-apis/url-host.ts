/**
 * The URL Standard's hosts: domains (with a compact UTS #46 mapping: NFKC, lower case, ignorables
 * dropped, then Punycode, instead of the full IDNA table, which alone is 60 KB gzipped), IPv4
 * numbers in any of their historical spellings, IPv6 addresses, and opaque hosts.
 */
import { c0ControlSet, isDigit, isHex, percentDecodeToString, percentEncodeString } from "./percent-encoding.ts";
import { punycodeDecode, punycodeEncode } from "./punycode.ts";

export type Host = string | number | number[];
export const failure = Symbol("failure");
export type Failure = typeof failure;

const forbiddenHost = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const forbiddenDomain = /[\0-\x1f\t\n\r #/:<>?@[\\\]^|%\x7f]/;

function parseIPv4Number(input: string): number | Failure {
  if (input === "") return failure;
  let radix = 10;
  if (input.length >= 2 && input[0] === "0" && (input[1] === "x" || input[1] === "X")) {
    input = input.slice(2);
    radix = 16;
  } else if (input.length >= 2 && input[0] === "0") {
    input = input.slice(1);
    radix = 8;
  }
  if (input === "") return 0;
  const invalid = radix === 10 ? /[^0-9]/ : radix === 16 ? /[^0-9A-Fa-f]/ : /[^0-7]/;
  return invalid.test(input) ? failure : parseInt(input, radix);
}

function endsInANumber(input: string): boolean {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "") {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1]!;
  return parseIPv4Number(last) !== failure || /^[0-9]+$/.test(last);
}

function parseIPv4(input: string): number | Failure {
  const parts = input.split(".");
  if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
  if (parts.length > 4) return failure;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === failure) return failure;
    numbers.push(n);
  }
  if (numbers.slice(0, -1).some((n) => n > 255)) return failure;
  if (numbers[numbers.length - 1]! >= 256 ** (5 - numbers.length)) return failure;
  let ipv4 = numbers.pop()!;
  numbers.forEach((n, counter) => (ipv4 += n * 256 ** (3 - counter)));
  return ipv4;
}

function parseIPv6(text: string): number[] | Failure {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress: number | null = null;
  let pointer = 0;
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const colon = 0x3a;
  if (input[pointer] === colon) {
    if (input[pointer + 1] !== colon) return failure;
    pointer += 2;
    compress = ++pieceIndex;
  }
  while (pointer < input.length) {
    if (pieceIndex === 8) return failure;
    if (input[pointer] === colon) {
      if (compress !== null) return failure;
      pointer++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHex(input[pointer])) {
      value = value * 0x10 + parseInt(String.fromCodePoint(input[pointer]!), 16);
      pointer++;
      length++;
    }
    if (input[pointer] === 0x2e) {
      if (length === 0) return failure;
      pointer -= length;
      if (pieceIndex > 6) return failure;
      let numbersSeen = 0;
      while (input[pointer] !== undefined) {
        let ipv4Piece: number | null = null;
        if (numbersSeen > 0) {
          if (input[pointer] === 0x2e && numbersSeen < 4) pointer++;
          else return failure;
        }
        if (!isDigit(input[pointer])) return failure;
        while (isDigit(input[pointer])) {
          const number = input[pointer]! - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return failure;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return failure;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex]! * 0x100 + ipv4Piece!;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return failure;
      break;
    } else if (input[pointer] === colon) {
      pointer++;
      if (input[pointer] === undefined) return failure;
    } else if (input[pointer] !== undefined) return failure;
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const temp = address[compress + swaps - 1]!;
      address[compress + swaps - 1] = address[pieceIndex]!;
      address[pieceIndex] = temp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) return failure;
  return address;
}

const ignorable = /[\u00ad\u034f\u180b-\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]/g;

/** UTS #46 ToASCII, compactly: map, split at dots, Punycode the labels that need it, check the result. */
export function domainToASCII(domain: string): string | null {
  let mapped = domain.toLowerCase();
  if (/[^\0-\x7f]/.test(domain)) {
    mapped = domain.normalize("NFKC").toLowerCase().replace(ignorable, "").replace(/[\u3002\uff0e\uff61]/g, ".").normalize("NFC");
  }
  const labels = mapped.split(".").map((label) => {
    if (label.startsWith("xn--")) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null) return null;
      return label;
    }
    return /[^\0-\x7f]/.test(label) ? (punycodeEncode(label) ?? "\0").replace(/^/, "xn--") : label;
  });
  if (labels.includes(null)) return null;
  const result = labels.join(".");
  if (result === "" || forbiddenDomain.test(result)) return null;
  return result;
}

export function parseHost(input: string, isOpaque: boolean): Host | Failure {
  if (input.startsWith("[")) {
    if (!input.endsWith("]")) return failure;
    return parseIPv6(input.slice(1, -1));
  }
  if (isOpaque) return forbiddenHost.test(input) ? failure : percentEncodeString(input, c0ControlSet);
  const ascii = domainToASCII(percentDecodeToString(input));
  if (ascii === null) return failure;
  return endsInANumber(ascii) ? parseIPv4(ascii) : ascii;
}

function serializeIPv6(address: number[]): string {
  // The longest run of two or more zero pieces is written `::`.
  let compress: number | null = null;
  let longest = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > longest) [compress, longest] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  let output = "";
  for (let i = 0; i < 8; i++) {
    if (compress === i) {
      output += i === 0 ? "::" : ":";
      i += longest - 1;
      continue;
    }
    output += address[i]!.toString(16);
    if (i !== 7) output += ":";
  }
  return output;
}

export function serializeHost(host: Host): string {
  if (typeof host === "number") {
    const parts: number[] = [];
    for (let i = 0, n = host; i < 4; i++, n = Math.floor(n / 256)) parts.unshift(n % 256);
    return parts.join(".");
  }
  return Array.isArray(host) ? `[${serializeIPv6(host)}]` : host;
}
