/**
 * The Encoding standard's decoders for the encodings Daybook's TextDecoder knows: UTF-8, UTF-16
 * (both byte orders) and windows-1252 (what the standard calls `latin1`, `ascii`, …). Each keeps
 * its state between `stream: true` calls.
 */

export interface Decoder {
  /** Decodes `bytes` into `sink`; calls `onError` where the standard says error (the caller emits U+FFFD or throws). */
  decode(bytes: ArrayLike<number>, sink: StringSink, flush: boolean, onError: () => void): void;
  reset(): void;
}

/** Turns code points into a string in chunks (no giant argument lists, no quadratic concatenation). */
export class StringSink {
  private readonly parts: string[] = [];
  private units: number[] = [];
  push(point: number): void {
    if (point > 0xffff) {
      point -= 0x10000;
      this.units.push(0xd800 + (point >> 10), 0xdc00 + (point & 0x3ff));
    } else this.units.push(point);
    if (this.units.length >= 8192) this.flush();
  }
  flush(): void {
    if (this.units.length) this.parts.push(String.fromCharCode(...this.units));
    this.units = [];
  }
  toString(): string {
    this.flush();
    return this.parts.join("");
  }
}

/** The WHATWG Encoding standard's UTF-8 decoder, with its state kept between `stream: true` calls. */
class Utf8Decoder implements Decoder {
  private needed = 0;
  private seen = 0;
  private point = 0;
  private lower = 0x80;
  private upper = 0xbf;
  decode(bytes: ArrayLike<number>, sink: StringSink, flush: boolean, onError: () => void): void {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (this.needed === 0) {
        if (byte <= 0x7f) sink.push(byte);
        else if (byte >= 0xc2 && byte <= 0xdf) [this.needed, this.point] = [1, byte & 0x1f];
        else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
          [this.needed, this.point] = [2, byte & 0xf];
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
          [this.needed, this.point] = [3, byte & 0x7];
        } else onError();
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        this.reset();
        onError();
        i--; // the byte starts over
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.point = (this.point << 6) | (byte & 0x3f);
      if (++this.seen === this.needed) {
        sink.push(this.point);
        this.reset();
      }
    }
    if (flush && this.needed !== 0) {
      this.reset();
      onError();
    }
  }
  reset(): void {
    this.needed = this.seen = this.point = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}


class Utf16Decoder implements Decoder {
  private leadByte: number | null = null;
  private leadSurrogate: number | null = null;
  private readonly bigEndian: boolean;
  constructor(bigEndian: boolean) {
    this.bigEndian = bigEndian;
  }
  decode(bytes: ArrayLike<number>, sink: StringSink, flush: boolean, onError: () => void): void {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (this.leadByte === null) {
        this.leadByte = byte;
        continue;
      }
      const unit = this.bigEndian ? (this.leadByte << 8) | byte : (byte << 8) | this.leadByte;
      this.leadByte = null;
      if (this.leadSurrogate !== null) {
        const lead = this.leadSurrogate;
        this.leadSurrogate = null;
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          sink.push(0x10000 + ((lead - 0xd800) << 10) + (unit - 0xdc00));
          continue;
        }
        onError(); // and the unit starts over
      }
      if (unit >= 0xd800 && unit <= 0xdbff) this.leadSurrogate = unit;
      else if (unit >= 0xdc00 && unit <= 0xdfff) onError();
      else sink.push(unit);
    }
    if (flush && (this.leadByte !== null || this.leadSurrogate !== null)) {
      this.reset();
      onError();
    }
  }
  reset(): void {
    this.leadByte = this.leadSurrogate = null;
  }
}

/** windows-1252's bytes 0x80–0x9F; every other byte is its own code point. */
const windows1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

class Windows1252Decoder implements Decoder {
  decode(bytes: ArrayLike<number>, sink: StringSink): void {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      sink.push(byte >= 0x80 && byte < 0xa0 ? windows1252[byte - 0x80]! : byte);
    }
  }
  reset(): void {}
}

const labels: Record<string, string[]> = {
  "utf-8": ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"],
  "utf-16le": ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"],
  "utf-16be": ["unicodefffe", "utf-16be"],
  "windows-1252": ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"],
};

/** The encoding a label names (ASCII whitespace trimmed, case ignored), or undefined. */
export function encodingOf(label: string): string | undefined {
  const name = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").toLowerCase();
  return Object.keys(labels).find((encoding) => labels[encoding]!.includes(name));
}

export function createDecoder(encoding: string): Decoder {
  if (encoding === "utf-16le" || encoding === "utf-16be") return new Utf16Decoder(encoding === "utf-16be");
  return encoding === "windows-1252" ? new Windows1252Decoder() : new Utf8Decoder();
}

/** Decodes UTF-8 with replacement characters, keeping a BOM (for URL parsing). */
export function utf8DecodeWithoutBOM(bytes: ArrayLike<number>): string {
  const sink = new StringSink();
  new Utf8Decoder().decode(bytes, sink, true, () => sink.push(0xfffd));
  return sink.toString();
}
