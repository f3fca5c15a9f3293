// Clitic-tolerant patterns for Arabic terms, built on FOLDED text (see arabic.ts).
//
// Proclitics come in order: conjunction و/ف, then preposition ب/ك/ل, then the article ال;
// ل + ال is written لل (للمجلس, never لالمجلس). Enclitic pronouns follow the last word; a taa
// marbuta (folded to ه) becomes ت before them (قاعدة → قاعدته).
import { WORD_END, WORD_START, foldArabicKey } from './arabic.js';
import { memo } from './memo.js';

const ENCLITICS = '(?:ه|ها|هم|هما|هن|ك|كم|كما|كن|نا|ي)';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a folded word (without its article) ends as a sound masculine plural: …ون/…ين, five letters or more. */
export const isSoundPlural = (word: string): boolean => word.length >= 5 && /(?:ون|ين)$/u.test(word);

/**
 * A sound masculine plural in any case, or in the construct state,
 * which drops its ن (متمردو الطوارق، مسؤولي البعثة) and may then take a pronoun (متمرديهم).
 * Null for other words.
 */
function soundPlural(word: string, last: boolean, construct: boolean): string | null {
  if (!isSoundPlural(word)) return null;
  const base = escapeRegex(word.slice(0, -2));
  return construct ? `${base}(?:ون|ين|[وي]${last ? `${ENCLITICS}?` : ''})` : `${base}(?:ون|ين)`;
}

/** Pattern for the first word: its own article may be replaced by a proclitic chain. */
function firstWordPattern(word: string, last: boolean): string {
  if (word.startsWith('ال') && word.length > 2) {
    const stem = escapeRegex(word.slice(2));
    const plural = soundPlural(word.slice(2), last, false);
    // و/ف + (ب/ك + ال | لل): والخنتة، بالخنتة، للخنتة، وللخنتة
    if (!plural) return `(?:[وف]?(?:[بك]?ال|لل))${stem}`;
    // A plural in construct has no article of its own: المتمردين → متمردو الطوارق.
    const construct = `${escapeRegex(word.slice(2, -2))}[وي]${last ? `${ENCLITICS}?` : ''}`;
    return `(?:(?:[وف]?(?:[بك]?ال|لل))${plural}|(?:[وف]?[بكل]?)${construct})`;
  }
  // An indefinite term may still appear with an article or a preposition: تمرد → التمرد.
  // The head of a longer term may be feminine: رئيس الوزراء → رئيسة الوزراء.
  const feminine = !last && !word.endsWith('ه') && word.length >= 3 ? 'ه?' : '';
  return `(?:[وف]?(?:[بك]?ال|لل|[بكل])?)${wordBody(word, last)}${feminine}`;
}

/** The word itself; an indefinite last word may carry an enclitic pronoun. */
function wordBody(word: string, last: boolean): string {
  if (!word.startsWith('ال')) {
    const plural = soundPlural(word, last, true);
    if (plural) return plural;
  }
  if (!last || word.startsWith('ال')) return escapeRegex(word);
  if (word.endsWith('ه') && word.length > 2) {
    const stem = escapeRegex(word.slice(0, -1));
    return `${stem}(?:ه|ت${ENCLITICS})`;
  }
  return `${escapeRegex(word)}${ENCLITICS}?`;
}

/**
 * A regular expression (flags gu) that finds `term` in folded Arabic text with any proclitic
 * chain on its first word and an enclitic on its last. Words are joined by any whitespace.
 */
export function arabicTermRegex(term: string): RegExp {
  const words = foldArabicKey(term).trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) throw new Error('empty term');
  // A later word's article may go when the phrase is indefinite: نسبة المشاركة → بنسبة مشاركة.
  const later = (w: string, last: boolean) =>
    w.startsWith('ال') && w.length > 4 && words[0]!.startsWith('ال') === false ? `(?:ال)?${escapeRegex(w.slice(2))}` : wordBody(w, last);
  const parts = words.map((w, i) => (i === 0 ? firstWordPattern(w, words.length === 1) : later(w, i === words.length - 1)));
  return new RegExp(`${WORD_START}${parts.join('\\s+')}${WORD_END}`, 'gu');
}

/** A proclitic chain at the start of a folded word, longest first: وبال، وال، لل، و، ب … */
const PROCLITICS = /^(?:[وف]?(?:[بك]?ال|لل)|[وف]?[بكل]|[وف])/u;

/**
 * The folded word and the word without each proclitic chain it may start with, keeping at
 * least `minStem` letters. A leading و or ب may belong to the word itself (وزير، بنك), so the
 * caller tries every candidate rather than trusting the first strip.
 */
export function stemCandidates(folded: string, minStem = 2): string[] {
  return (minStem === 2 ? stems2 : minStem === 3 ? stems3 : minStem === 4 ? stems4 : (w: string) => computeStems(w, minStem))(folded);
}
const stems2 = memo((w: string) => computeStems(w, 2));
const stems3 = memo((w: string) => computeStems(w, 3));
const stems4 = memo((w: string) => computeStems(w, 4));

function computeStems(folded: string, minStem: number): string[] {
  const out = [folded];
  const m = PROCLITICS.exec(folded);
  if (!m) return out;
  // Every prefix of the matched chain that is itself a chain: وبال → وبال، وب، و.
  for (let k = m[0].length; k > 0; k--) {
    const prefix = folded.slice(0, k);
    if (!PROCLITICS.test(prefix) || PROCLITICS.exec(prefix)![0].length !== k) continue;
    const rest = folded.slice(k);
    if (rest.length >= minStem && !out.includes(rest)) out.push(rest);
  }
  return out;
}
