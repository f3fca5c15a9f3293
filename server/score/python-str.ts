// Python string semantics that sacreBLEU relies on and JavaScript does not share.
//
// sacreBLEU works on Python `str`: code points, `str.split()` / `rstrip()` on Python's
// whitespace set, `str.lower()`, and `format(x, '.Nf')` rounding the exact binary value
// half-to-even. Every metric and tokenizer goes through these helpers so that the
// differences are handled once.

/** Python `string.punctuation`. */
export const PY_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

// Python's whitespace (`str.isspace()`, which `split()`, `strip()` and `re`'s `\s` share).
// JavaScript's `\s` differs: it includes U+FEFF and lacks U+001C–U+001F and U+0085.
// One byte per UTF-16 unit below U+3001 keeps the hot check a single array read.
const WS_TABLE = new Uint8Array(0x3001);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) WS_TABLE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WS_TABLE[c] = 1;

/** True when the UTF-16 unit `code` is Python whitespace (all of them are in the BMP). */
export function isPyWhitespace(code: number): boolean {
  return code <= 0x3000 && WS_TABLE[code] === 1;
}

/** Python `s.split()` with no argument: runs of whitespace separate, no empty pieces. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isPyWhitespace(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isPyWhitespace(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
  return out;
}

/** Python `' '.join(s.split())`: collapse whitespace runs to one space, trim both ends. */
export function pyCollapse(s: string): string {
  return pySplit(s).join(' ');
}

/** Python `s.rstrip()`. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Python `s.strip()`. */
export function pyStrip(s: string): string {
  let start = 0;
  while (start < s.length && isPyWhitespace(s.charCodeAt(start))) start++;
  return pyRstrip(s.slice(start));
}

/**
 * Python `s.lower()`. `toLowerCase` applies the same full, locale-independent mapping
 * (İ → i̇, final sigma); the only differences come from the Unicode versions (Python 3.11
 * has Unicode 14), i.e. letters added since then. Never `toLocaleLowerCase`.
 */
export function pyLower(s: string): string {
  return s.toLowerCase();
}

/** Number of code points (Python `len`). */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * UTF-16 offsets of each code point start, plus `s.length` at the end, so that
 * `s.slice(off[i], off[i + k])` is Python's `s[i:i + k]`. A lone surrogate counts as one
 * code point, as it does in Python.
 */
export function codePointOffsets(s: string): Int32Array {
  const off = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    off[n++] = i;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  off[n] = s.length;
  return off.subarray(0, n + 1);
}

/**
 * The lines Python yields when iterating a text file, without their terminators.
 * sacreBLEU opens files with `newline="\n"` (only '\n' ends a line, a '\r' stays inside it);
 * `universal` is Python's default for STDIN, where '\r\n' and a lone '\r' end lines too.
 */
export function pyLines(text: string, universal = false): string[] {
  if (universal) text = text.replace(/\r\n?/g, '\n');
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

// ---------------------------------------------------------------------------------------
// Number formatting

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** The exact value of a finite double as `mantissa * 2 ** exponent` (mantissa >= 0). */
function decompose(x: number): { mant: bigint; exp: number } {
  F64[0] = Math.abs(x);
  // Little-endian: U32[1] holds sign, exponent and the top 20 mantissa bits.
  const hi = U32[1]!;
  const lo = U32[0]!;
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant: frac, exp: -1074 };
  return { mant: frac | (1n << 52n), exp: biased - 1075 };
}

/**
 * Python `format(x, f'.{digits}f')`: the exact binary value rounded half to even.
 * `toFixed` rounds exact ties up (6.25 → "6.3" where Python prints "6.2") and switches to
 * exponent notation above 1e21, so it cannot be used.
 */
export function pyFormatFixed(x: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0) throw new Error(`Invalid precision ${digits}`);
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const { mant, exp } = decompose(x);
  const scaled = mant * 10n ** BigInt(digits);
  let q: bigint;
  if (exp >= 0) {
    q = scaled << BigInt(exp);
  } else {
    const k = BigInt(-exp);
    q = scaled >> k;
    const rem = scaled - (q << k);
    const half = 1n << (k - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  let text = q.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * Python `repr(float)`: shortest round-trip digits, with a `.0` on integral values and
 * scientific notation (two-digit exponent at least) when the decimal exponent is below -4
 * or at least 16. This is what `json.dumps` writes for a float.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() with no argument gives the shortest round-trip digits.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp10 = Number(expText);
  const decpt = exp10 + 1;
  if (decpt > 16 || decpt <= -4) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp10).toString().padStart(2, '0');
    return `${sign}${m}e${exp10 < 0 ? '-' : '+'}${e}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
