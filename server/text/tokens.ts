// Words with their offsets into the original text. Plain regular expressions, not
// Intl.Segmenter: the checks tokenise every sentence of every document, and a regex scan is an
// order of magnitude faster while giving the same words for letters, marks and digits.

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Letters with their marks (harakat, tatweel), and an apostrophe inside a word (don't, Mali's). */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Words made of letters (and marks) in text[from, to). Digits and punctuation separate words. */
export function words(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return out;
}

const LATIN_LETTER = /\p{Script=Latin}/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

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
      if (/\p{L}/u.test(ch)) {
        letters++;
        if (ARABIC_LETTER.test(ch)) arabic++;
        else if (LATIN_LETTER.test(ch)) latin++;
      }
    }
  }
  return { letters, arabic, latin };
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** All letters upper case, at least two of them: JNIM, MINUSMA, U.N. (dots removed first). */
export function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
