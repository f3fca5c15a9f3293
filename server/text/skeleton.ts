// Consonant skeletons for spotting transliterations (junta → الخنتة, Kidal → كيدال) without a
// dictionary. English: lower-case, digraphs as one unit, vowels and w/y dropped, doubles
// merged. Arabic (folded, see arabic.ts): long vowels, hamza carriers and ع dropped, a final
// taa marbuta dropped. Each English unit may be written with any of a set of Arabic letters
// (j → ج خ, g → غ ج ق ك …); the score is 1 − edit distance / longer skeleton, where a
// substitution inside the set is free. Approach and thresholds: ../shared/notes/arabic-and-checks.md §3.3.

import { memo } from './memo.js';

/** Arabic letters (folded) an English unit may be transliterated with. */
const EN_TO_AR: Record<string, string> = {
  b: 'بپ',
  c: 'كق', // a hard c; a soft one is rewritten to s first
  k: 'كقخ',
  q: 'قكغ',
  s: 'سصزث',
  d: 'دضذ',
  f: 'فڤ',
  g: 'غجقكگ',
  h: 'هحخ',
  j: 'جخهز',
  l: 'ل',
  m: 'م',
  n: 'ن',
  p: 'بپ',
  r: 'ر',
  t: 'تطث',
  v: 'فڤب',
  z: 'زظسذ',
  // Digraphs, written as one upper-case unit.
  S: 'ش', // sh
  T: 'ثذتظد', // th
  F: 'ف', // ph
  K: 'خك', // kh
  G: 'غجفق', // gh
  D: 'ذضظد', // dh: Arabic names written in English (Riyadh الرياض, Abu Dhabi أبو ظبي)
  J: 'Cجشز', // zh: pinyin and Russian (Guizhou قويتشو, Zhukov جوكوف)
  C: 'Cشكخ', // ch (C is the Arabic تش unit)
};

const DIGRAPHS: Array<[RegExp, string]> = [
  [/^dj/g, 'j'], // Djibouti, Djerba: French spelling of j
  [/[ts]ion/g, 'Sn'], // inflation → إنفليشن
  [/tch/g, 'C'],
  [/sch/g, 'S'],
  [/sh/g, 'S'],
  [/th/g, 'T'],
  [/ph/g, 'F'],
  [/kh/g, 'K'],
  [/dh/g, 'D'],
  [/zh/g, 'J'],
  [/gh/g, 'G'],
  [/ch/g, 'C'],
  [/ck/g, 'k'],
  [/qu/g, 'q'],
  [/x/g, 'ks'],
  // A soft c before e, i, y sounds as s (police, democracy keeps its hard c at the end).
  [/c(?=[eiy])/g, 's'],
];

const EN_DROP = /[aeiouwy]/;

/** Skeleton of an English word as a string of units (one character per unit). */
export const englishSkeleton: (word: string) => string = memo(englishSkeletonUncached);

function englishSkeletonUncached(word: string): string {
  // Letters with accents are read as their base letter (Viña → vina, Müller → muller), and the
  // few that are not decomposable as their usual spelling.
  let w = word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/ß/gu, 'ss')
    .replace(/ł/gu, 'l')
    .replace(/ø/gu, 'o')
    .replace(/æ/gu, 'ae')
    .replace(/đ/gu, 'd')
    .replace(/[^a-z]/g, '');
  for (const [re, unit] of DIGRAPHS) w = w.replace(re, unit);
  let out = '';
  let prev = '';
  for (const ch of w) {
    // Doubled letters merge ("Kidall" = "Kidal"), but only when written side by side.
    if (!EN_DROP.test(ch) && ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

const AR_DROP = new Set(['ا', 'و', 'ي', 'ى', 'ء', 'ئ', 'ؤ', 'ع']);

/** Skeleton of a FOLDED Arabic word (no clitic stripping here: see stemCandidates). */
export const arabicSkeleton: (folded: string) => string = memo(arabicSkeletonUncached);

/** The same, without the cache: for one-off strings such as two words read as one name. */
export function arabicSkeletonUncached(folded: string): string {
  let w = folded.replace(/تش/g, 'C');
  // A final taa marbuta (folded to ه) is a feminine ending, not a consonant of the borrowing.
  if (w.length > 2 && w.endsWith('ه')) w = w.slice(0, -1);
  let out = '';
  let prev = '';
  for (const ch of w) {
    if (!AR_DROP.has(ch) && ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

/**
 * The first letter arabicSkeletonUncached(a + b) would have, without joining the strings or
 * building the skeleton ('' if none): تش is one unit (C), the dropped letters are skipped, and a
 * taa marbuta (ه) that ends a word of three or more letters is not a consonant. The names check
 * asks it of every pair of adjacent words, most of which it never compares.
 */
export function skeletonOnset(a: string, b: string): string {
  const len = a.length + b.length;
  for (let i = 0; i < len; i++) {
    const ch = i < a.length ? a[i]! : b[i - a.length]!;
    if (ch === 'ت') {
      const next = i + 1 < a.length ? a[i + 1] : b[i + 1 - a.length];
      if (next === 'ش') return 'C';
    }
    if (AR_DROP.has(ch)) continue;
    if (ch === 'ه' && i === len - 1 && len > 2) return '';
    return ch;
  }
  return '';
}

// A lookup table: English unit (ASCII code) × Arabic letter (offset in U+0600–06FF, or 255 for
// the C unit). The edit distance asks this millions of times.
const TABLE = new Uint8Array(128 * 256);
const arIndex = (c: number) => (c >= 0x0600 && c < 0x06ff ? c - 0x0600 : c === 67 ? 255 : -1);
for (const [en, ar] of Object.entries(EN_TO_AR)) {
  for (const a of ar) {
    const k = arIndex(a.charCodeAt(0));
    if (k >= 0) TABLE[en.charCodeAt(0) * 256 + k] = 1;
  }
}

function compatibleCode(en: number, ar: number): boolean {
  const k = arIndex(ar);
  return en < 128 && k >= 0 && TABLE[en * 256 + k] === 1;
}


let rowA = new Int32Array(32);
let rowB = new Int32Array(32);

/**
 * 1 − (edit distance with free in-set substitutions) / length of the longer skeleton.
 * `atLeast`: the caller only cares about scores from here up, so a length difference that
 * already rules that out returns 0 without the edit distance.
 */
export function skeletonScore(en: string, ar: string, atLeast = 0): number {
  const n = en.length;
  const m = ar.length;
  if (n === 0 || m === 0) return 0;
  if (1 - Math.abs(n - m) / Math.max(n, m) < atLeast) return 0;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const e = en.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (compatibleCode(e, ar.charCodeAt(j - 1)) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    // A plain swap: the destructuring form allocated an array per row in the checks' hottest loop.
    const t = prev;
    prev = cur;
    cur = t;
  }
  return 1 - prev[m]! / Math.max(n, m);
}

/** The Arabic letters an English skeleton's first unit may be written with ('' if none). */
export function onsetLetters(en: string): string {
  return en.length ? (EN_TO_AR[en[0]!] ?? '') : '';
}

/** Whether the first units can be the same sound: a cheap filter before the edit distance. */
export function sameOnset(en: string, ar: string): boolean {
  return en.length > 0 && ar.length > 0 && compatibleCode(en.charCodeAt(0), ar.charCodeAt(0));
}
