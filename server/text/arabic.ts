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

/** The fold of each UTF-16 unit outside the surrogate range, filled on first use. */
const unitFold: Array<string | undefined> = [];

/**
 * Folded match key of an Arabic (or mixed) text, with an offset map back to the original. The
 * same result as `foldWithMap(s, foldArabicChar)`, built from runs of unchanged units: most
 * characters fold to themselves, and whole documents are folded.
 */
export function foldArabic(s: string): Folded {
  let text = '';
  // Folding rarely lengthens a text (only NFKC ligatures do); the map grows when it must.
  let map = new Int32Array(s.length + 1);
  let n = 0;
  const put = (v: number) => {
    if (n === map.length) {
      const bigger = new Int32Array(map.length * 2);
      bigger.set(map);
      map = bigger;
    }
    map[n++] = v;
  };
  let run = 0; // start of the pending run of units that fold to themselves
  const flush = (end: number) => {
    if (end > run) {
      text += s.slice(run, end);
      for (let k = run; k < end; k++) put(k);
    }
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let ch: string;
    let out: string;
    if (c >= 0xd800 && c <= 0xdfff) {
      ch = String.fromCodePoint(s.codePointAt(i)!);
      out = foldArabicChar(ch);
    } else {
      out = unitFold[c] ??= foldArabicChar(String.fromCharCode(c));
      if (out.length === 1 && out.charCodeAt(0) === c) {
        i++;
        continue;
      }
      ch = s[i]!;
    }
    flush(i);
    for (let k = 0; k < out.length; k++) put(i);
    text += out;
    i += ch.length;
    run = i;
  }
  flush(s.length);
  put(s.length);
  return { text, map: map.subarray(0, n) };
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
