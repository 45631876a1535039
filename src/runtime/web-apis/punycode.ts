/**
 * RFC 3492 Punycode for internationalised host names (`münchen.de` → `xn--mnchen-3ya.de`).
 * Written here rather than taken from npm's `punycode`, whose name collides with Node's
 * deprecated built-in module of the same name in bundlers set up for Node.
 */

const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128;

function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / damp) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
  return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
}

const digit = (d: number): string => String.fromCharCode(d + 22 + 75 * Number(d < 26));

function digitValue(code: number): number {
  if (code >= 0x30 && code < 0x3a) return 26 + (code - 0x30);
  if (code >= 0x41 && code < 0x5b) return code - 0x41;
  if (code >= 0x61 && code < 0x7b) return code - 0x61;
  return base;
}

/** Encodes one label's code points; null if it would overflow. */
export function punycodeEncode(label: string): string | null {
  const input = Array.from(label, (char) => char.codePointAt(0)!);
  let output = input.filter((point) => point < 0x80).map((point) => String.fromCharCode(point)).join("");
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output += "-";
  let n = initialN;
  let delta = 0;
  let bias = initialBias;
  while (handled < input.length) {
    let m = Infinity;
    for (const point of input) if (point >= n && point < m) m = point;
    if (m - n > Math.floor((0x7fffffff - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const point of input) {
      if (point < n && ++delta > 0x7fffffff) return null;
      if (point !== n) continue;
      let q = delta;
      for (let k = base; ; k += base) {
        const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (base - t)));
        q = Math.floor((q - t) / (base - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

/** Decodes one label (without its `xn--`); null if it is not valid Punycode. */
export function punycodeDecode(input: string): string | null {
  const output: number[] = [];
  let basic = input.lastIndexOf("-");
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) return null;
    output.push(input.charCodeAt(j));
  }
  let n = initialN;
  let bias = initialBias;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return null;
      const d = digitValue(input.charCodeAt(index++));
      if (d >= base || d > Math.floor((0x7fffffff - i) / w)) return null;
      i += d * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (d < t) break;
      if (w > Math.floor(0x7fffffff / (base - t))) return null;
      w *= base - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldi, length, oldi === 0);
    if (Math.floor(i / length) > 0x7fffffff - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
