// How a name may be written: English spelling variants (Wagner → V, Ceyhan → J, Chilean →
// Chile), the consonant skeletons of Arabic words (with and without the article), and the tests
// that tell an ordinary Arabic word from a name's transliteration.
import { isArabicWord } from '../text/arabic-dictionary.js';
import { stemCandidates } from '../text/clitics.js';
import { memo } from '../text/memo.js';
import { arabicSkeleton } from '../text/skeleton.js';

export const nameSkeletons = memo((w: string) => [...new Set(stemCandidates(w, 2).map(arabicSkeleton))].filter(Boolean));
/**
 * Skeletons of a word's forms that keep the article (الهولندي): its ل is the name's only for
 * names that start with Al or El (Alexandria → الإسكندرية), not for Linde.
 */
export const articleSkeletons = memo((w: string) => {
  const stems = stemCandidates(w, 2);
  const bare = new Set(stems.filter((st) => !st.startsWith('ال')).map(arabicSkeleton));
  return stems.filter((st) => st.startsWith('ال')).map(arabicSkeleton).filter((sk) => !bare.has(sk));
});

/** A name and the country or person behind an adjective: Chilean → Chile, Syrian → Syria. */
export const nameVariants = memo(nameVariantsUncached, 50_000);

function nameVariantsUncached(key: string): string[] {
  const out = [key];
  // Berners-Lee, Plasco-Flaxman: each part may be written on its own.
  if (key.includes('-')) out.push(...key.split('-').filter((p) => p.length >= 2));
  // German and Dutch W sounds as v (Wagner → فاغنر), which English spelling hides; in pinyin
  // X, Q and Zh are sh, ch and j (Xining → شينينغ، Qinghai → تشينغهاي).
  if (/^W/u.test(key)) out.push(`V${key.slice(1)}`);
  // A V in Central Asian, Persian and Russian names is written و (Vakhsh → وخش, Vladimir →
  // فلاديمير or ولاديمير), a letter the Arabic skeleton drops like a vowel.
  if (/^V[aeiou]/u.test(key)) out.push(`W${key.slice(1)}`);
  if (/^X/u.test(key)) out.push(`Sh${key.slice(1)}`);
  if (/^Q(?!u)/u.test(key)) out.push(`Ch${key.slice(1)}`);
  if (/^Zh/u.test(key)) out.push(`J${key.slice(2)}`);
  // Czech cz is ch (Czech → تشيكي); the h of English wh is silent (Whitehall → وايتهول); German
  // sch is sh but often written with س (Scherzer → سيرزير).
  if (/^Cz/u.test(key)) out.push(`Ch${key.slice(2)}`);
  // Turkish c is j (Ceyhan → جيهان, Cemal → جمال), where English would read s.
  if (/^C[ei]/u.test(key)) out.push(`J${key.slice(1)}`);
  if (/^Wh/u.test(key)) out.push(`W${key.slice(2)}`);
  if (/^Sch/u.test(key)) out.push(`S${key.slice(3)}`);
  // German z is ts (Die Zeit → دي تسايت).
  if (/^Z/u.test(key)) out.push(`Ts${key.slice(1)}`);
  const m = /^(.{3,}?)(?:ian|ean|an|ese|ish|i)s?$/u.exec(key);
  if (m) out.push(m[1]!, `${m[1]!}a`);
  return out;
}

/**
 * A word that can stand for a name rendered as an ordinary word: a dictionary word of at least
 * four letters behind its clitics, and not a verb in the imperfect (يقوم، تتم).
 */
export function ordinaryNoun(folded: string, surface: string): boolean {
  const stems = stemCandidates(folded, 2);
  const stem = stems[stems.length - 1]!;
  return stem.length >= 4 && !/^[يت]/u.test(stem) && isArabicWord(surface);
}

/**
 * An acronym read as a word keeps its vowels in Arabic letters (NATO → ناتو, KISR → كيسر); an
 * Arabic dictionary word with none of them (كسر "breaking" for KISR) is that word, not the name.
 */
export function voweless(cand: { folded: string; text: string }, key: string): boolean {
  if (!/[AEIOU]/u.test(key) || /\s/u.test(cand.text.trim())) return false;
  const stems = stemCandidates(cand.folded, 2);
  const stem = stems[stems.length - 1]!;
  return !/[اوىي]/u.test(stem) && isArabicWord(cand.text);
}
