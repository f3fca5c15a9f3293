// Transliteration calques without a glossary: an Arabic word that sound-spells an English common
// noun of the aligned source where Arabic has a word of its own (junta → الخنتة). The consonant
// skeletons of the English word and of the de-cliticised Arabic word are compared (text/skeleton.ts).
// Guards: only lower-case English content words (names are expected to be transliterated; past
// tenses and contractions are not nouns); Arabic words of at least four letters that the Arabic
// dictionary does not know (a word Arabic has is not a calque: قبل for "couple", السابقة for
// "spoke"); established loanwords (ميليشيا، ديمقراطية، إنترنت …, data/loanwords-ar.txt plus the
// corpus's `allow` list) and glossary terms are left alone.
import { z } from 'zod';
import { foldArabicKey } from '../text/arabic.js';
import { stemCandidates } from '../text/clitics.js';
import { isArabicWord } from '../text/arabic-dictionary.js';
import { ENGLISH_STOPWORDS } from '../text/english-stopwords.js';
import { isEnglishWord } from '../text/english-words.js';
import { memo } from '../text/memo.js';
import { ArabicWordSet } from '../text/word-set.js';
import { arabicSkeleton, arabicSkeletonUncached, englishSkeleton, sameOnset, skeletonScore } from '../text/skeleton.js';
import { dataRows } from './data.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { capitalised, sentenceWords, sideIndex, sideWords, tableGeneration, type EnglishInfo, type Word } from './words.js';
import { defineCheck, primaryLang } from './types.js';

const Options = z
  .object({
    /** Least skeleton similarity that counts as a transliteration. */
    threshold: z.number().min(0.5).max(1).default(0.8),
    /** Least consonants in both skeletons: two-consonant words match too much by chance. */
    minConsonants: z.number().int().min(2).max(6).default(3),
    /** More established loanwords for this corpus (Arabic, base form). */
    allow: z.array(z.string().min(1)).default([]),
  })
  .strict();
type Options = z.infer<typeof Options>;

let builtInSet: ArabicWordSet | undefined;
const builtInAllow = () => (builtInSet ??= new ArabicWordSet(builtInLoanwords()));

let builtIn: string[] | undefined;
export function builtInLoanwords(): string[] {
  return (builtIn ??= dataRows('loanwords-ar.txt').map((r) => r[0]!));
}

let nameWords: Set<string> | undefined;
/** Names that are also English words (Trump, Bond): capitalised, they are names even first in a sentence. */
const isNameWord = (lower: string) => (nameWords ??= new Set(dataRows('name-words-en.txt').map((r) => r[0]!.toLowerCase()))).has(lower);

let dictionary: Map<string, string> | undefined;
function calqueDictionary(): Map<string, string> {
  return (dictionary ??= new Map(dataRows('calques-en-ar.tsv').map((r) => [r[0]!.toLowerCase(), r[1]!])));
}

/** Singular candidates of an English word: juntas → junta, militias → militia, parties → party. */
function englishForms(w: string): string[] {
  const lower = w.toLowerCase().replace(/['’]s$/u, '');
  const out = [lower];
  if (/ies$/.test(lower)) out.push(lower.slice(0, -3) + 'y');
  else if (/(?:s|x|z|ch|sh)es$/.test(lower)) out.push(lower.slice(0, -2));
  else if (/[^s]s$/.test(lower)) out.push(lower.slice(0, -1));
  return out;
}

/** What the calque check needs to know of an English word; null for words it never compares. */
/** What the calque check needs to know of an English word (lower-cased); null if never compared. */
function englishInfo(lowerText: string): EnglishInfo | null {
  const lower = lowerText.replace(/['’]s$/u, '');
  // Short words, contractions and past tenses are not the nouns MT sound-spells.
  if (lower.length < 4 || /['’]/u.test(lower) || /[^e]ed$/u.test(lower)) return null;
  const forms = englishForms(lower);
  if (forms.some((f) => ENGLISH_STOPWORDS.has(f))) return null;
  return { lower, nameSkeleton: englishSkeleton(lower), skeletons: [...new Set(forms.map(englishSkeleton))] };
}

// Numbers for English word forms, so a document's source can be scanned as integers; they
// follow the word table's generations, as the numbers cached on word infos must.
let formNumbers = new Map<string, number>();
let formGeneration = -1;
function syncFormNumbers(): void {
  if (formGeneration === tableGeneration()) return;
  formGeneration = tableGeneration();
  formNumbers = new Map();
}
function formNumber(form: string): number {
  let n = formNumbers.get(form);
  if (n === undefined) formNumbers.set(form, (n = formNumbers.size));
  return n;
}

interface ArabicWord {
  skeletons: string[];
}

const skeletonMemos = new Map<number, (folded: string) => ArabicWord>();
/** Skeletons of an Arabic word and its de-cliticised stems (only Arabic letters; four or more). */
function arabicSkeletons(minConsonants: number): (folded: string) => ArabicWord {
  let f = skeletonMemos.get(minConsonants);
  if (!f) {
    f = memo((folded: string) => {
      if (!/^[\u0621-\u064A]+$/u.test(folded)) return { skeletons: [] };
      // A sound-spelled noun takes the Arabic feminine plural (الكامبات for "camps"): its stem
      // without ات is compared too.
      const stems = stemCandidates(folded, 4).flatMap((st) => (st.length >= 6 && st.endsWith('ات') ? [st, st.slice(0, -2)] : [st]));
      const skeletons = [...new Set(stems.filter((st) => st.length >= 4).map(arabicSkeleton))].filter((s) => s.length >= minConsonants);
      return { skeletons };
    });
    skeletonMemos.set(minConsonants, f);
  }
  return f;
}

/** Whether every word of `arabic` (clitics aside) is among the words of the bead's target. */
function translatedHere(arabic: string, target: CheckDocument['target'], bead: BeadView): boolean {
  const stems = new Set(bead.target.flatMap((s) => sentenceWords(target, s.index)).flatMap((w) => stemCandidates(w.folded, 2)));
  return foldArabicKey(arabic)
    .split(/\s+/u)
    .every((w) => stemCandidates(w, 2).some((st) => stems.has(st)));
}

export const calque = defineCheck<Options>({
  id: 'calque',
  category: 'Terminology',
  severity: 'major',
  languages: { source: ['en'], target: ['ar'] },
  description: 'An Arabic word that sound-spells an English common noun of the source where Arabic has its own word.',
  example: '"junta" → الخنتة (a sound-spelling; Arabic says المجلس العسكري).',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    // The shipped list is built once per process; a corpus's own additions once per document.
    const extra = options.allow.length ? new ArabicWordSet(options.allow) : null;
    const allow = { hasNear: (folded: string) => builtInAllow().hasNear(folded) || (extra?.hasNear(folded) ?? false) };
    const srcLang = primaryLang(doc.source.lang);
    const tgtLang = primaryLang(doc.target.lang);
    // Glossary knowledge: suggestions for English words, and Arabic words it already rules on.
    const suggest = new Map<string, string>();
    const glossaryWords = new Set<string>();
    for (const e of doc.glossary?.entries ?? []) {
      const tgt = e.terms.filter((t) => primaryLang(t.lang) === tgtLang);
      const preferred = tgt.find((t) => t.status === 'preferred') ?? tgt.find((t) => t.status === 'admitted');
      for (const t of tgt) for (const w of foldArabicKey(t.text).split(/\s+/u)) for (const st of stemCandidates(w, 2)) glossaryWords.add(st);
      if (!preferred) continue;
      for (const t of e.terms) if (primaryLang(t.lang) === srcLang) suggest.set(t.text.toLowerCase(), preferred.text);
    }
    // English words written in lower case somewhere in the source: a capitalised occurrence at
    // the start of a sentence is the same common noun ("Juntas rarely …").
    const common = new Set<string>();
    const midCaps = new Set<string>();
    for (const s of doc.source.sentences) {
      for (const w of sentenceWords(doc.source, s.index)) {
        if (!capitalised(w)) common.add(w.folded);
        else if (w.k > 0) midCaps.add(w.folded.replace(/['’]s$/u, ''));
      }
    }
    // Where an Arabic word and an English word occur: a sound-spelling of an English word
    // appears only where that word is in the source (الخنتة only next to "junta"); a word that
    // also turns up without it is something else (part of a name, an ordinary word). Most
    // documents have a handful of candidates, if any: each is looked up on its own, by number
    // over the document's words (sideIndex), and remembered.
    const arBeads = new Map<string, Set<number>>();
    const enBeads = new Map<string, Set<number>>();
    let enIds: Int32Array | undefined;
    /** Indexes of the beads with a sentence of `side` that passes `test`. */
    const scanBeads = (side: 'source' | 'target', test: (sentence: number) => boolean) => {
      const set = new Set<number>();
      doc.alignment.forEach((b, k) => {
        if (b[side].some(test)) set.add(k);
      });
      return set;
    };
    const beadsWithArabic = (w: Word): Set<number> => {
      const ix = sideIndex(doc.target);
      if (!ix) return scanBeads('target', (i) => sentenceWords(doc.target, i).some((x) => x.folded === w.folded));
      const id = w.info.foldedId;
      return scanBeads('target', (i) => {
        for (let j = ix.start[i]!; j < ix.start[i + 1]!; j++) if (ix.folded[j] === id) return true;
        return false;
      });
    };
    const beadsWithEnglish = (english: string): Set<number> => {
      const forms = englishForms(english);
      const ix = sideIndex(doc.source);
      if (!ix) return scanBeads('source', (i) => sentenceWords(doc.source, i).some((x) => (x.info.forms ??= englishForms(x.text)).some((f) => forms.includes(f))));
      syncFormNumbers();
      if (!enIds) {
        // englishForms gives a word and at most one singular: two numbers a word.
        enIds = new Int32Array(2 * ix.folded.length).fill(-1);
        let j = 0;
        for (const ws of sideWords(doc.source)) {
          for (const x of ws) {
            const ids = (x.info.enFormIds ??= (x.info.forms ??= englishForms(x.text)).map(formNumber));
            enIds[2 * j] = ids[0] ?? -1;
            enIds[2 * j + 1] = ids[1] ?? -1;
            j++;
          }
        }
      }
      const want = forms.map(formNumber);
      const ids = enIds;
      return scanBeads('source', (i) => {
        for (let j = 2 * ix.start[i]!; j < 2 * ix.start[i + 1]!; j++) if (ids[j] !== -1 && want.includes(ids[j]!)) return true;
        return false;
      });
    };
    /** Beads with the Arabic word, and beads with the English word in any of its forms. */
    const occurrences = (w: Word, english: string): [Set<number>, Set<number>] => {
      let ar = arBeads.get(w.folded);
      if (!ar) arBeads.set(w.folded, (ar = beadsWithArabic(w)));
      let en = enBeads.get(english);
      if (!en) enBeads.set(english, (en = beadsWithEnglish(english)));
      return [ar, en];
    };
    const skeletonsOf = arabicSkeletons(options.minConsonants);
    // The guards that need word lists run only for words whose skeleton matched.
    const excused = new Map<string, boolean>();
    const isExcused = (folded: string, surface: string) => {
      let e = excused.get(folded);
      if (e === undefined) {
        e = allow.hasNear(folded) || isArabicWord(surface);
        excused.set(folded, e);
      }
      return e;
    };

    return (bead: BeadView): FindingDraft[] => {
      if (bead.source.length === 0 || bead.target.length === 0) return [];
      const english: Array<{ word: string; skeletons: string[] }> = [];
      /** Skeletons of the bead's capitalised source words: names, transliterated rightly. */
      const names: string[] = [];
      for (const s of bead.source) {
        const ws = sentenceWords(doc.source, s.index);
        for (const w of ws) {
          // Cached on the word form (every occurrence in every document shares it).
          const info = w.info.english === undefined ? (w.info.english = englishInfo(w.folded)) : w.info.english;
          if (!info) continue;
          // A capital letter marks a name, unless the word opens the sentence and is a common
          // word: written in lower case elsewhere, or an English word that is neither capitalised
          // inside a sentence anywhere in the document nor followed by a capitalised word
          // ("Inflation in Egypt …" is common; "Graham Smith …", "Trump said …" are not), and
          // not a name that is also a word (Trump, Bond: data/name-words-en.txt).
          const commonHere =
            w.k === 0 &&
            !isNameWord(info.lower) &&
            (common.has(info.lower) ||
              (isEnglishWord(info.lower) && !midCaps.has(info.lower) && !(ws[1] && capitalised(ws[1]))));
          // A lower-case word right after an acronym is part of a brand written that way (SK
          // bioscience, LG display): a name too.
          const prev = w.k > 0 ? ws[w.k - 1] : undefined;
          const brand = prev !== undefined && /^[A-Z]{2,}$/u.test(prev.text) && doc.source.text.slice(prev.end, w.start) === ' ';
          if ((capitalised(w) && !commonHere) || brand) {
            if (info.nameSkeleton.length >= 2) names.push(info.nameSkeleton);
            continue;
          }
          // A word English borrowed from elsewhere ("known locally as dahalo") is rightly
          // transliterated: only English words are compared.
          const sk = info.skeletons.filter((k) => k.length >= options.minConsonants);
          if (sk.length && (info.englishWord ??= isEnglishWord(info.lower))) english.push({ word: info.lower, skeletons: sk });
        }
      }
      if (english.length === 0) return [];
      const flat: Array<{ word: string; es: string }> = [];
      for (const e of english) for (const es of e.skeletons) flat.push({ word: e.word, es });
      const out: FindingDraft[] = [];
      for (const s of bead.target) {
        const words = sentenceWords(doc.target, s.index);
        for (const w of words) {
          const folded = w.folded;
          const a = options.minConsonants === 3 ? (w.info.calque ??= skeletonsOf(folded)) : skeletonsOf(folded);
          if (a.skeletons.length === 0) continue;
          let best = 0;
          let bestWord = '';
          for (const as of a.skeletons) {
            for (const { word, es } of flat) {
              // A sound-spelling keeps the first consonant (a table lookup, before any edit distance).
              if (!sameOnset(es, as)) continue;
              const sc = skeletonScore(es, as, Math.max(best, options.threshold));
              if (sc > best) {
                best = sc;
                bestWord = word;
              }
            }
          }
          if (best < options.threshold) continue;
          const suggestion = englishForms(bestWord).map((f) => suggest.get(f) ?? calqueDictionary().get(f)).find(Boolean);
          // When Arabic's own word is known (glossary, calque list), a sound-spelling is a calque
          // even if some dictionary lists it (الفاكسين for اللقاح); otherwise a dictionary word is
          // taken as established Arabic.
          // A word the glossary rules on is the terminology check's business.
          if (stemCandidates(folded, 2).some((st) => glossaryWords.has(st))) continue;
          if (suggestion ? allow.hasNear(folded) : isExcused(folded, w.text)) continue;
          // Arabic's own word already in this translation means the English word was translated
          // here, and the look-alike is something else (بلوس أنجلوس is "in Los Angeles" beside الشرطة).
          if (suggestion && translatedHere(suggestion, doc.target, bead)) continue;
          // A transliterated name of this sentence (Barnsley → بارنسلي) is not a calque, nor is
          // the last part of one written over two words (Jinping → جين بينغ, in شي جين بينغ).
          if (names.some((c) => a.skeletons.some((as) => skeletonScore(c, as) >= best))) continue;
          const prev = words[w.k - 1];
          if (prev && names.length && /^\s+$/u.test(doc.target.text.slice(prev.end, w.start))) {
            const joined = arabicSkeletonUncached(prev.folded + folded);
            if (names.some((c) => skeletonScore(c, joined) >= best)) continue;
          }
          const [here, withWord] = occurrences(w, bestWord);
          let elsewhere = false;
          for (const b of here) if (!withWord.has(b)) elsewhere = true;
          if (elsewhere) continue;
          out.push({
            side: 'target',
            sentence: s.index,
            start: w.start,
            end: w.end,
            message:
              `"${w.text}" sound-spells the English "${bestWord}" instead of translating it` +
              (suggestion ? `; Arabic says "${suggestion}".` : '. If it is not an established loanword, use the Arabic word (or add it to the calque check\'s "allow" list).'),
            ...(suggestion ? { suggestion } : {}),
          });
        }
      }
      return out;
    };
  },
});
