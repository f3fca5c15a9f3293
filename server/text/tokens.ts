// Words with their offsets into the original text. Plain regular expressions, not
// Intl.Segmenter: the checks tokenise every sentence of every document, and a regex scan is an
// order of magnitude faster while giving the same words for letters, marks and digits.

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letter-or-mark by UTF-16 code unit, filled lazily from \p{L}\p{M}: the checks tokenise every
// sentence, and a table lookup is several times faster than a Unicode-property regex.
// 0 = not yet known, 1 = letter or mark, 2 = neither. Surrogates (astral letters) go by regex.
const CLASS = new Uint8Array(0x10000);
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

function isWordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    return i + 1 < text.length && LETTER_OR_MARK.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = CLASS[c]!;
  if (k === 0) {
    k = LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 2;
    CLASS[c] = k;
  }
  return k === 1 ? 1 : 0;
}

/**
 * Words made of letters (and marks: harakat, tatweel) in text[from, to), an apostrophe inside a
 * word included (don't, Mali's). Digits and punctuation separate words.
 */
export function words(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  eachWord(text, from, to, (start, end) => out.push({ text: text.slice(start, end), start, end }));
  return out;
}

/** Calls `fn(start, end)` for each word of text[from, to), as `words` finds them. */
export function eachWord(text: string, from: number, to: number, fn: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    let n = isWordUnit(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && n > 0) {
      i += n;
      n = i < to ? isWordUnit(text, i) : 0;
      // An apostrophe between letters stays inside the word.
      if (n === 0 && i + 1 < to && (text[i] === "'" || text[i] === '’') && isWordUnit(text, i + 1) > 0) {
        i++;
        n = isWordUnit(text, i);
      }
    }
    fn(start, i);
  }
}

const LATIN_LETTER = /[\p{Script=Latin}]/u;
const ARABIC_LETTER = /[\p{Script=Arabic}]/u;

/** Letters of text[from, to) by script: how much of it is Arabic, how much Latin. */
export function scriptCounts(text: string, from = 0, to = text.length): { letters: number; arabic: number; latin: number } {
  let letters = 0;
  let arabic = 0;
  let latin = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Fast paths for the two scripts that matter; everything else goes through the regex.
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      letters++;
      latin++;
    } else if (c >= 0x0621 && c <= 0x064a) {
      if (c !== 0x0640) {
        letters++;
        arabic++;
      }
    } else if (c > 0x7f) {
      const ch = text[i]!;
      if (/[\p{L}]/u.test(ch)) {
        letters++;
        if (ARABIC_LETTER.test(ch)) arabic++;
        else if (LATIN_LETTER.test(ch)) latin++;
      }
    }
  }
  return { letters, arabic, latin };
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false; // ASCII lower case, digits, punctuation; Arabic has no case
  return c < 0x0590 && /^[\p{Lu}]/u.test(word);
}

/** All letters upper case, at least two of them: JNIM, MINUSMA, U.N. (dots removed first). */
export function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
