// Sentences inside one paragraph, by rule. Intl.Segmenter (ICU) splits after every title
// ("Mr. | Smith"), after "(U.N.) |" in Arabic and inside "؟” قال", and knows no abbreviation
// list in V8; a small scanner with explicit rules is easier to get right and to test.
//
// A boundary is proposed after a run of stops (. ! ? ؟ ۔ … and "...") plus any closing quotes
// or brackets, and after a line break inside a paragraph (headlines, list items); each rule
// below says when such a proposal is kept. The Arabic comma ، and semicolon ؛ and dashes never
// end a sentence.
import type { Span } from '../core/types.js';
import { AMBIGUOUS, ARABIC_REPORTING_VERBS, BEFORE_NUMBER, NEVER_FINAL, SENTENCE_STARTERS, TITLES } from './abbreviations.js';
import { trimSpan } from './paragraphs.js';

/** Invisible bidi and zero-width marks: transparent to every rule. */
const INVISIBLE = '\\u200B-\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';
const STOPS = /(?:\.{2,}|[.!?؟۔…‼⁇⁈⁉])+/gu;
const CLOSERS = new RegExp(`[${INVISIBLE}"'”’»›)\\]}」]*`, 'uy');
const SPACE = new RegExp(`[\\s${INVISIBLE}]*`, 'uy');
const OPENERS = /^["'“‘«‹(\[{「]*/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}'’\-\u0640.]/u;
const FIRST_WORD = /^[\p{L}\p{M}\p{N}'’\-\u0640]+/u;

const isArabicLetter = (ch: string) => /\p{Script=Arabic}/u.test(ch) && /\p{L}/u.test(ch);
const isUpper = (ch: string) => /\p{Lu}/u.test(ch);
const isLower = (ch: string) => /\p{Ll}/u.test(ch);
const isDigit = (ch: string) => /\p{Nd}/u.test(ch);

interface Context {
  /** The stop run itself ("." "?!" "…" "..."). */
  stop: string;
  /** Closing quotes and brackets right after the stop. */
  closers: string;
  /** The word before the stop (may be empty, e.g. after a closing bracket). */
  word: string;
  /** True when `word` is the first thing on its line (a list number "1." or "a."). */
  wordStartsLine: boolean;
  /** Whether any whitespace separates the closers from what follows. */
  spaced: boolean;
  /** What follows, starting at its first visible character. */
  rest: string;
}

/** True when a proposed boundary after a stop is a real sentence end. */
function endsSentence(c: Context): boolean {
  const rest = c.rest;
  const afterOpeners = rest.slice(OPENERS.exec(rest)![0].length);
  const ch = afterOpeners[0] ?? '';
  const nextWord = FIRST_WORD.exec(afterOpeners)?.[0] ?? '';
  const question = /[!?؟‼⁇⁈⁉]/u.test(c.stop);
  const ellipsis = /\.{2,}|…/u.test(c.stop) && !question;
  // "غادروا…ثم عادوا": an ellipsis glued to the next word is a pause.
  if (!c.spaced) return !ellipsis && noSpaceBoundary(c, rest);

  if (question) {
    // "Why?" she asked. / «هل غادروا؟» قال المتحدث.
    if (isLower(ch)) return false;
    if (/["”’»›]/u.test(c.closers) && ARABIC_REPORTING_VERBS.has(nextWord)) return false;
    return true;
  }
  if (ellipsis) return isUpper(ch) || isArabicLetter(ch) || (isDigit(ch) && !isDigit(c.word.slice(-1)));
  return fullStopBoundary(c, ch, nextWord);
}

/** A single full stop (or ۔) followed by space: the abbreviation and number rules. */
function fullStopBoundary(c: Context, ch: string, nextWord: string): boolean {
  const word = c.word.replace(/^[-'’]+/u, '');
  const bare = word.replace(/\u0640/gu, '');
  // Lower case after a stop continues the sentence ("at 8 a.m. on Tuesday").
  if (isLower(ch)) return false;
  // Anything that is not a letter, digit or opening quote (", ; : ) — …) continues it too.
  if (!/[\p{L}\p{N}]/u.test(ch)) return ch === '' ? true : /["'“‘«‹(\[{「]/u.test(c.rest[0] ?? '');
  // «…غادرنا.» قال المتحدث: a verb of saying after a closing quote continues the sentence.
  if (/["”’»›]/u.test(c.closers) && ARABIC_REPORTING_VERBS.has(nextWord)) return false;
  if (NEVER_FINAL.has(word) || NEVER_FINAL.has(word.toLowerCase())) return false;
  if (TITLES.has(word)) return false;
  if (BEFORE_NUMBER.has(word)) return !isDigit(ch);
  // A list marker at the start of a line: "1. Troops", "b. Civilians", "IV. Results".
  if (c.wordStartsLine && /^(?:\p{N}{1,3}|\p{L}|[IVXLC]{1,5})$/u.test(word)) return false;
  if (AMBIGUOUS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // Dotted acronyms and ambiguous abbreviations: a Latin abbreviation inside Arabic text
    // ("(U.N.) إنها") never ends the sentence; before Latin text only a sentence opener does.
    if (isArabicLetter(ch)) return !/^\p{Script=Latin}/u.test(word);
    return SENTENCE_STARTERS.has(nextWord) || /["“«]/u.test(c.rest[0] ?? '');
  }
  // A single initial before a name ("George W. Bush"), unless a sentence opener follows.
  if (/^\p{Lu}$/u.test(word) && isUpper(ch)) return SENTENCE_STARTERS.has(nextWord);
  // A lone Arabic letter is an abbreviation: د. (doctor), م. (engineer, AD), ص. (page), هـ.
  if (/^\p{Script=Arabic}$/u.test(bare)) return false;
  // Dotted Arabic abbreviations: ق.م (BC), ص.ب (P.O. box), ج.م.ع.
  if (/^(?:\p{Script=Arabic}\.)+\p{Script=Arabic}$/u.test(bare)) return false;
  return true;
}

/** A stop glued to the next word: "away.The", "أولى.جملة"; never "3.5", "U.S.", "www.un.org". */
function noSpaceBoundary(c: Context, rest: string): boolean {
  const ch = rest[0] ?? '';
  const prev = c.word.slice(-1);
  if (isArabicLetter(ch)) {
    // "ق.م" (BC) and "ص.ب" are dotted abbreviations, not two sentences.
    if (c.closers === '' && (/^\p{L}\u0640?$/u.test(c.word) || !/^[\p{L}\p{M}\u0640]{2}/u.test(rest))) return false;
    return isArabicLetter(prev) || (c.closers !== '' && prev !== '');
  }
  if (!isUpper(ch) || !/^\p{Lu}\p{Ll}/u.test(rest)) return false;
  if (c.closers !== '') return true;
  // Only after a real lower-case word: "U.S.Army" and "Node.Js" stay whole.
  return /^\p{Ll}{2,}$/u.test(c.word) || /[?!؟]/u.test(c.stop);
}

/**
 * True when a line break inside a paragraph ends a sentence: a headline or list item without
 * final punctuation does; a hard-wrapped line that continues mid-clause does not.
 */
function lineBreakEndsSentence(before: string, after: string): boolean {
  // A list item always starts afresh: "- Kidal", "• Gao", "2) Tessalit", "3. Menaka".
  if (/^(?:[-–—•*·▪‣◦]|\p{N}{1,3}[.)]|\p{L}\))\s/u.test(after)) return true;
  if (/[,،;؛:\-–—]$/u.test(before)) return false;
  if (/^\p{Ll}/u.test(after) && /[\p{L}\p{N}]$/u.test(before)) return false;
  return true;
}

/** Sentence spans (offsets into `text`) inside [start, end). */
export function splitSentences(text: string, start: number, end: number, _lang?: string): Span[] {
  const cuts: number[] = [];
  // Line breaks first: each line is scanned on its own for stops.
  const lines: Span[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      const line = trimSpan(text, lineStart, i);
      if (line) lines.push(line);
      lineStart = i + 1;
    }
  }
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (k > 0) {
      const prev = lines[k - 1]!;
      if (lineBreakEndsSentence(text.slice(prev.start, prev.end), text.slice(line.start, line.end))) cuts.push(line.start);
    }
    scanLine(text, line, cuts);
  }
  cuts.push(end);
  const out: Span[] = [];
  let from = start;
  for (const cut of cuts) {
    const span = trimSpan(text, from, cut);
    if (span) out.push(span);
    from = cut;
  }
  return out;
}

function scanLine(text: string, line: Span, cuts: number[]): void {
  const s = text.slice(line.start, line.end);
  for (const m of s.matchAll(STOPS)) {
    const stopEnd = m.index + m[0].length;
    if (stopEnd >= s.length) continue;
    CLOSERS.lastIndex = stopEnd;
    const closers = CLOSERS.exec(s)![0];
    const afterClosers = stopEnd + closers.length;
    SPACE.lastIndex = afterClosers;
    const space = SPACE.exec(s)![0];
    const restAt = afterClosers + space.length;
    if (restAt >= s.length) continue;
    // The word right before the stop: letters, digits, inner dots (U.N), apostrophes, tatweel.
    let w = m.index;
    while (w > 0 && WORD_CHAR.test(s[w - 1]!)) w--;
    while (s[w] === '.') w++;
    const word = s.slice(w, m.index);
    const context: Context = {
      stop: m[0],
      closers,
      word,
      wordStartsLine: w === 0,
      spaced: /\s/u.test(space),
      rest: s.slice(restAt, restAt + 80),
    };
    if (endsSentence(context)) cuts.push(line.start + (context.spaced ? restAt : afterClosers));
  }
}
