// Numeric values of a sentence, whatever the script: 15,000 = 15000 = ١٥٬٠٠٠ = 15 ألف =
// fifteen thousand; 13 = ثلاثة عشر; 3.5 = ٣٫٥. These are the strongest anchors an aligner has
// without a dictionary: MT copies or converts numbers far more reliably than words.
import { foldArabicKey } from '../text/arabic.js';


function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    // Every Unicode decimal digit block is ten consecutive code points starting at a zero.
    for (const zero of [0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xff10]) {
      if (cp >= zero && cp < zero + 10) return String(cp - zero);
    }
    return d;
  });
}

/**
 * Values a written number may stand for. "1,000" and "١٥٬٠٠٠" are grouped thousands;
 * "3.5", "٣٫٥" and "19,29" are decimals; a lone "1.000" is ambiguous between the two
 * conventions, so both readings are returned.
 */
export function parseDigits(raw: string): number[] {
  const s = asciiDigits(raw);
  const parts = s.split(/[.,٫٬'’\u00A0\u202F\u2009]/u);
  const seps = s.match(/[.,٫٬'’\u00A0\u202F\u2009]/gu) ?? [];
  if (seps.length === 0) return [Number(s)];
  const last = seps[seps.length - 1]!;
  if (last === '٫') return [Number(`${parts.slice(0, -1).join('')}.${parts[parts.length - 1]}`)];
  const grouped = parts.slice(1).every((p) => p.length === 3) && parts[0]!.length <= 3;
  const asThousands = Number(parts.join(''));
  const asDecimal = Number(`${parts.slice(0, -1).join('')}.${parts[parts.length - 1]}`);
  if (!grouped) return [asDecimal];
  // German "1.000" is a thousand, English "1.000" one: keep both readings. A comma before
  // three digits is read as grouping only (decimals with exactly three places are rare).
  if (seps.length === 1 && last === '.') return [asThousands, asDecimal];
  return [asThousands];
}

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, dozen: 12,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

// Arabic number words in folded form (أ→ا, ة→ه, ى→ي), both genders and both cases.
const AR_UNITS: Record<string, number> = {};
const arUnits: Array<[number, string[]]> = [
  [1, ['واحد', 'واحده', 'احد', 'احدي']],
  [2, ['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي']],
  [3, ['ثلاث', 'ثلاثه']], [4, ['اربع', 'اربعه']], [5, ['خمس', 'خمسه']], [6, ['ست', 'سته']],
  [7, ['سبع', 'سبعه']], [8, ['ثمان', 'ثماني', 'ثمانيه']], [9, ['تسع', 'تسعه']], [10, ['عشر', 'عشره']],
  [20, ['عشرون', 'عشرين']], [30, ['ثلاثون', 'ثلاثين']], [40, ['اربعون', 'اربعين']],
  [50, ['خمسون', 'خمسين']], [60, ['ستون', 'ستين']], [70, ['سبعون', 'سبعين']],
  [80, ['ثمانون', 'ثمانين']], [90, ['تسعون', 'تسعين']],
  [200, ['مئتان', 'مئتين', 'مائتان', 'مائتين']],
];
for (const [v, words] of arUnits) for (const w of words) AR_UNITS[w] = v;
for (const [v, stem] of [[3, 'ثلاث'], [4, 'اربع'], [5, 'خمس'], [6, 'ست'], [7, 'سبع'], [8, 'ثمان'], [9, 'تسع']] as const) {
  AR_UNITS[`${stem}مئه`] = v * 100;
  AR_UNITS[`${stem}مائه`] = v * 100;
}
const AR_SCALES: Record<string, number> = {
  مئه: 100, مائه: 100,
  الف: 1e3, الفا: 1e3, الاف: 1e3, الفان: 2e3, الفين: 2e3, مليون: 1e6, ملايين: 1e6, مليونا: 1e6,
  مليار: 1e9, مليارات: 1e9, بليون: 1e9, مليونان: 2e6, مليونين: 2e6,
};
/** Values that are their own amount (ألفان = 2000), not a multiplier of what precedes. */
const SELF_SCALED = new Set(['الفان', 'الفين', 'مليونان', 'مليونين']);

type NumberWord = { unit: number } | { scale: number; self: boolean } | { and: true } | null;
// A scale word glued to the conjunction adds rather than multiplies: "خمسة وعشرون ومئة" is 125
// (the classical order), "ثلاث مئة" is 300.

const englishCache = new Map<string, NumberWord>();

function englishWord(w: string): NumberWord {
  let r = englishCache.get(w);
  if (r === undefined) {
    r = englishWordUncached(w);
    if (englishCache.size > 50000) englishCache.clear();
    englishCache.set(w, r);
  }
  return r;
}

function englishWordUncached(w: string): NumberWord {
  const lw = w.toLowerCase();
  if (lw in EN_UNITS) return { unit: EN_UNITS[lw]! };
  if (lw in EN_SCALES) return { scale: EN_SCALES[lw]!, self: false };
  if (lw === 'and') return { and: true };
  return null;
}

const arabicCache = new Map<string, NumberWord>();

function arabicWord(w: string): NumberWord {
  let r = arabicCache.get(w);
  if (r === undefined) {
    r = arabicWordUncached(w);
    // Texts repeat their words; the cache is bounded so a huge document cannot grow it forever.
    if (arabicCache.size > 50000) arabicCache.clear();
    arabicCache.set(w, r);
  }
  return r;
}

function arabicWordUncached(w: string): NumberWord {
  const f = foldArabicKey(w);
  if (f === 'و') return { and: true };
  // A conjunction or preposition may be glued on: وعشرون، بثلاثة، لخمسة.
  for (const word of [f, f.replace(/^[وفبل]/u, '')]) {
    if (word.length < 2) continue;
    if (word in AR_UNITS) return { unit: AR_UNITS[word]! };
    if (word in AR_SCALES) return { scale: AR_SCALES[word]!, self: SELF_SCALED.has(word) || (word !== f && f.startsWith('و')) };
  }
  return null;
}

/**
 * Reads numbers from a stream of tokens (words, digit groups with their inner separators,
 * single punctuation marks): call push() per token, then end() for the values found.
 * Word-only numbers below 3 are left out: "one of" and Arabic duals are everywhere.
 */
export class NumberReader {
  private out: string[] = [];
  private total = 0;
  private current = 0;
  private active = false;
  private fromWords = false;
  private alternates: number[] = [];

  private flush(): void {
    if (this.active) {
      const v = this.total + this.current;
      if (!this.fromWords || v >= 3) this.out.push(canonical(v));
      for (const a of this.alternates) this.out.push(canonical(a));
    }
    this.total = 0;
    this.current = 0;
    this.active = false;
    this.fromWords = false;
    if (this.alternates.length) this.alternates = [];
  }

  /** A token: `kind` 0 = digits, 1 = a word, 2 = punctuation (ends a number unless a hyphen). */
  push(tok: string, kind: 0 | 1 | 2): void {
    if (kind === 0) {
      this.flush();
      const values = parseDigits(tok);
      this.current = values[0]!;
      if (values.length > 1) this.alternates = values.slice(1);
      this.active = true;
      return;
    }
    if (kind === 2) {
      // Punctuation ends a number ("1.5 billion, one of"); a hyphen does not ("twenty-five").
      if (tok !== '-' && tok !== '‐') this.flush();
      return;
    }
    if (!this.active && !MAYBE_NUMBER_WORD.test(tok)) return;
    const c = tok.charCodeAt(0);
    const w = c >= 0x600 && c <= 0x6ff ? arabicWord(tok) : englishWord(tok);
    if (w === null) {
      this.flush();
      return;
    }
    if ('and' in w) {
      // "two hundred and fifty": "and" joins only after a hundred or a larger scale.
      if (!(this.active && (this.total > 0 || this.current >= 100))) this.flush();
      return;
    }
    if ('unit' in w) {
      // Units add up inside one number: "twenty five", "خمسة وعشرون", "ثلاثة عشر"; but a
      // unit word after digits starts a new one.
      if (this.active && !this.fromWords) this.flush();
      this.current += w.unit;
    } else if (w.self) {
      if (this.active && !this.fromWords) this.flush();
      this.current += w.scale;
    } else if (w.scale === 100) {
      // A scale multiplies what came before it: "three hundred", "15 ألف", "1.5 billion".
      this.current = (this.current || 1) * 100;
    } else {
      this.total += (this.current || 1) * w.scale;
      this.alternates = this.alternates.map((a) => a * w.scale);
      this.current = 0;
    }
    this.active = true;
    this.fromWords = true;
  }

  end(): string[] {
    this.flush();
    const out = this.out;
    this.out = [];
    return out;
  }
}

/**
 * Words that can start or continue a number, by their first letters (English number words and
 * Arabic ones with a clitic): anything else is skipped without a dictionary lookup.
 */
const MAYBE_NUMBER_WORD = /^(?:[ZzOoTtFfSsEeNnHhMmBbDdAa]|[وفبلاأإثخسعتمآ])/u;

/** Tokens as NumberReader wants them; anchors.ts tokenises the same way. */
export const NUMBER_TOKEN = /[\p{L}\p{M}\u0640]+(?:['’][\p{L}]+)?|\p{Nd}+(?:[.,٫٬'’\u00A0\u202F\u2009]\p{Nd}+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Kind of a NUMBER_TOKEN match for NumberReader.push. */
export function tokenKind(tok: string): 0 | 1 | 2 {
  const c = tok.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) return 0;
  // Common letters first, without a regular expression.
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x621 && c <= 0x64a)) return 1;
  if (tok.length === 1 && !/\p{L}/u.test(tok)) return /\p{Nd}/u.test(tok) ? 0 : 2;
  return /^\p{Nd}/u.test(tok) ? 0 : 1;
}

/**
 * Canonical values (as strings) of every number in a sentence, from digits in any script,
 * number words in English and Arabic, and digits with a scale word (15 ألف, 1.5 billion).
 */
export function numberValues(text: string): string[] {
  const reader = new NumberReader();
  for (const m of text.matchAll(NUMBER_TOKEN)) reader.push(m[0], tokenKind(m[0]));
  return reader.end();
}

function canonical(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

