// Numeric values of a sentence, whatever the script: 15,000 = 15000 = ١٥٬٠٠٠ = 15 ألف =
// fifteen thousand; 13 = ثلاثة عشر; 3.5 = ٣٫٥. These are the strongest anchors an aligner has
// without a dictionary: MT copies or converts numbers far more reliably than words.
import { foldArabicKey } from '../text/arabic.js';

/** Words, and digits of any decimal system with the separators numbers carry inside them. */
const WORD = /[\p{L}\p{M}]+|\p{Nd}+(?:[.,٫٬'’\u00A0\u202F\u2009]\p{Nd}+)*|[^\s\p{L}\p{M}\p{N}\-‐]/gu;

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
 * Canonical values (as strings) of every number in a sentence, from digits in any script,
 * number words in English and Arabic, and digits with a scale word (15 ألف, 1.5 billion).
 * Word-only numbers below 3 are left out: "one of" and Arabic duals are everywhere.
 */
export function numberValues(text: string): string[] {
  const out: string[] = [];
  let total = 0;
  let current = 0;
  let active = false;
  let fromWords = false;
  let alternates: number[] = [];
  const flush = () => {
    if (active) {
      const v = total + current;
      if (!fromWords || v >= 3) out.push(canonical(v));
      for (const a of alternates) out.push(canonical(a));
    }
    total = 0;
    current = 0;
    active = false;
    fromWords = false;
    alternates = [];
  };
  for (const m of text.matchAll(WORD)) {
    const tok = m[0];
    const c = tok.charCodeAt(0);
    if ((c >= 0x30 && c <= 0x39) || (c > 0x7f && /^\p{Nd}/u.test(tok))) {
      flush();
      const values = parseDigits(tok);
      current = values[0]!;
      alternates = values.slice(1);
      active = true;
      continue;
    }
    // Punctuation ends a number ("1.5 billion, one of"); a hyphen does not ("twenty-five").
    const w = tok.length === 1 && !/\p{L}/u.test(tok) ? null : c >= 0x600 && c <= 0x6ff ? arabicWord(tok) : englishWord(tok);
    if (w === null) {
      flush();
      continue;
    }
    if ('and' in w) {
      // "two hundred and fifty": "and" joins only after a hundred or a larger scale.
      if (!(active && (total > 0 || current >= 100))) flush();
      continue;
    }
    if ('unit' in w) {
      // Units add up inside one number: "twenty five", "خمسة وعشرون", "ثلاثة عشر"; but a
      // unit word after digits starts a new one.
      if (active && !fromWords) flush();
      current += w.unit;
      active = true;
      fromWords = true;
    } else if (w.self) {
      if (active && !fromWords) flush();
      current += w.scale;
      active = true;
      fromWords = true;
    } else {
      // A scale multiplies what came before it: "three hundred", "15 ألف", "1.5 billion".
      if (w.scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * w.scale;
        alternates = alternates.map((a) => a * w.scale);
        current = 0;
      }
      active = true;
      fromWords = true;
    }
  }
  flush();
  return out;
}

function canonical(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

