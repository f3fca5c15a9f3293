// Arabic letters, marks and controls, and the normalisation used for match keys (never for
// display). Steps follow Lucene's ArabicNormalizer and CAMeL Tools: NFKC, drop controls, tatweel
// and harakat, unify alef forms, alef maqsura → yaa, taa marbuta → haa, Persian kaf/yeh.
import { foldWithMap, type Folded } from './fold.js';
import { memo } from './memo.js';

export const TATWEEL = '\u0640';
/** Harakat, Quranic marks and superscript alef: they never change which word it is. */
export const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/u;
/** Bidi and zero-width controls: invisible, and they glue words together for Intl.Segmenter. */
const CONTROLS = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u;

export const LETTER_FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ة': 'ه',
  'ک': 'ك', 'ی': 'ي', 'ي': 'ي',
};

const ARABIC_LETTER = /\p{Script=Arabic}/u;

export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch) && /\p{L}/u.test(ch);
}

const charCache = new Map<string, string>();

/** The fold for one code point: '' drops it. Latin letters are lower-cased. */
export function foldArabicChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    out = foldCharUncached(ch);
    if (charCache.size < 65536) charCache.set(ch, out);
  }
  return out;
}

function foldCharUncached(ch: string): string {
  if (ch === TATWEEL || MARKS.test(ch) || CONTROLS.test(ch)) return '';
  let out = '';
  // NFKC turns presentation forms and the lam-alef ligature into plain letters (may be 2 units).
  for (const c of ch.normalize('NFKC')) {
    if (c === TATWEEL || MARKS.test(c) || CONTROLS.test(c)) continue;
    out += LETTER_FOLD[c] ?? c.toLowerCase();
  }
  return out;
}

/** Folded match key of an Arabic (or mixed) text, with an offset map back to the original. */
export function foldArabic(s: string): Folded {
  return foldWithMap(s, foldArabicChar);
}

/** Folded key of a short string (a word, a glossary term), without the map. */
export const foldArabicKey: (s: string) => string = memo((s: string) => {
  let out = '';
  for (const ch of s) out += foldArabicChar(ch);
  return out;
});

/** Lookarounds that stand for word boundaries in Arabic (\b does not know Arabic letters). */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
