// Omission and addition: a source sentence with no translation (1-0 bead) or a target sentence
// with no source (0-1); a pair whose length ratio is an outlier against the document's own
// ratios (robust z-score on log ratios, with a factor guard so tight documents do not flag
// ordinary variation); and a negation in the source (no, not, never, n't, without, nor) with
// no Arabic negation (لا، لم، لن، ليس، غير، دون، بدون، ما، عدم …) in the aligned target; and an
// attribution to unnamed sources the source does not make (attribution.ts).
import { z } from 'zod';
import type { SegmentedText, Sentence } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { isArabicWord } from '../text/arabic-dictionary.js';
import { stemCandidates } from '../text/clitics.js';
import { wholeWordPattern } from '../text/english.js';
import { memo } from '../text/memo.js';
import { addedAttributions } from './attribution.js';
import { GLUED } from './names.js';
import { sentenceWords } from './words.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck, primaryLang } from './types.js';

const Options = z
  .object({
    /** Robust z-score (on log length ratios) beyond which a pair is an outlier. */
    z: z.number().min(1).default(3.5),
    /** And its ratio must differ from the document's median ratio by at least this factor. */
    factor: z.number().min(1).default(2),
    /** Pairs with fewer source characters are too short to judge by length. */
    minChars: z.number().int().min(1).default(40),
    /** Documents with fewer pairs use a fixed spread instead of their own. */
    minPairs: z.number().int().min(3).default(8),
    /** Check negation (English source, Arabic target). */
    negation: z.boolean().default(true),
    /** Report attributions the source does not make, "بحسب مصادر" (English source, Arabic target). */
    attribution: z.boolean().default(true),
  })
  .strict();
type Options = z.infer<typeof Options>;

const ENGLISH_NEGATION = /(?<![\p{L}])(?:not|never|no|nor|without|cannot)(?![\p{L}])|n['’]t(?![\p{L}])/giu;

/**
 * English idioms whose negation denies nothing, so a faithful Arabic has none: "No. 10" is a
 * number; "not least", "not long after", "not only … but"; "never more so than" (= especially);
 * "don't forget" (= تذكّر, remember); "can't wait to" (= يتوق); "couldn't agree more" (= أتفق
 * تمامًا). Each is matched from the negation word on (for n't, with the verb before it).
 */
const NOT_DENYING: ReadonlyArray<[word: RegExp, before: RegExp | null, after: RegExp]> = [
  [/^no$/iu, null, /^\.\s*\d/u],
  [/^not$/iu, null, /^\s+(?:least|long|only|just|to\s+mention)\b/iu],
  [/^never$/iu, null, /^\s+more\s+so\b/iu],
  [/^not$/iu, /\bdo\s+$/iu, /^\s+forget\b/iu],
  [/^n['’]t$/iu, /\bdo$/iu, /^\s+forget\b/iu],
  [/^cannot$/iu, null, /^\s+wait\s+(?:to|for)\b/iu],
  [/^n['’]t$/iu, /\bca$/iu, /^\s+wait\s+(?:to|for)\b/iu],
  [/^n['’]t$/iu, /\bcould$/iu, /^\s+agree\s+more\b/iu],
];

/** English left in the translation keeps its own negation (the untranslated check reports it). */
function keptInEnglish(word: string, sentences: ReadonlyArray<{ text: string }>): boolean {
  const w = word.toLowerCase().replace(/’/gu, "'");
  const re = w === "n't" ? /n['’]t(?![\p{L}])/iu : wholeWordPattern(w);
  return sentences.some((s) => re.test(s.text));
}

function notDenying(src: string, at: number, word: string): boolean {
  for (const [w, before, after] of NOT_DENYING) {
    if (!w.test(word)) continue;
    if (before && !before.test(src.slice(Math.max(0, at - 12), at))) continue;
    if (after.test(src.slice(at + word.length, at + word.length + 24))) return true;
  }
  return false;
}

/** Arabic negation particles and words, folded; matched behind و، ف، ب، ل. */
const ARABIC_NEGATION = new Set(
  ['لا', 'لم', 'لن', 'ليس', 'ليست', 'لست', 'لسنا', 'لستم', 'ليسوا', 'ليسا', 'ليستا', 'غير', 'دون', 'بدون', 'ما', 'عدم', 'بلا', 'لما', 'أبدا', 'أبدًا', 'قط', 'كلا', 'إلا', 'سوى', 'انعدام', 'غياب', 'بغير', 'ولا', 'ألا', 'لئلا', 'كي لا', 'يمنع', 'ممنوع', 'رفض', 'رفضت', 'يرفض', 'ترفض', 'امتنع', 'امتنعت', 'فشل', 'فشلت', 'يفشل', 'تفشل', 'يخلو', 'خال', 'خالية', 'لايزال', 'مازال', 'ماتزال', 'لازال', 'يعد', 'تعد', 'عجز', 'عجزت', 'يعجز', 'تعجز', 'تعذر', 'يتعذر', 'دونما', 'يستحيل', 'مستحيل']
    .map(foldArabicKey),
);
/** لم يعد "no longer" is the negation; يعد alone is not, so it only counts after لم/لا (handled by لم/لا). */
ARABIC_NEGATION.delete(foldArabicKey('يعد'));
ARABIC_NEGATION.delete(foldArabicKey('تعد'));

const negates = memo((f: string) => ARABIC_NEGATION.has(f) || stemCandidates(f, 2).some((st) => ARABIC_NEGATION.has(st)));

/**
 * A negation written together with its neighbour: لا before a present-tense verb (لايمكن، لاتوجد:
 * common spellings the dictionary even lists), or a particle after a word whose space was lost
 * (الشيوخلا, not itself a word). لاحقا، لاعب، لمتابعة، مثلا are words, not negations.
 */
const gluedNegation = memo((word: string): boolean => {
  const before = /^[وف]?لا([يتنأ].{2,})$/u.exec(word);
  if (before) return isArabicWord(before[1]!);
  const after = /^(.{3,})(?:لا|لم|لن)$/u.exec(word);
  return after !== null && !isArabicWord(word) && isArabicWord(after[1]!);
});

function hasArabicNegation(side: SegmentedText, sentences: Sentence[]): boolean {
  const words = sentences.flatMap((s) => sentenceWords(side, s.index));
  return words.some((w) => (w.info.negation ??= negates(w.folded))) || words.some((w) => gluedNegation(w.text));
}

function visibleLength(text: string, sentences: Sentence[]): number {
  let n = 0;
  for (const s of sentences) {
    for (let i = s.start; i < s.end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xa0) n++;
    }
  }
  return n;
}

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const mid = a.length >> 1;
  return a.length % 2 ? a[mid]! : (a[mid - 1]! + a[mid]!) / 2;
}

export const omission = defineCheck<Options>({
  id: 'omission',
  category: 'Accuracy/Omission',
  severity: 'major',
  description: 'Sentences with no translation or no source, length-ratio outliers against the document, and source negations missing from the translation.',
  example: '"They did not leave." → "غادروا." (the negation is gone).',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    const src = doc.source.text;
    const tgt = doc.target.text;
    const enAr = primaryLang(doc.source.lang) === 'en' && primaryLang(doc.target.lang) === 'ar';
    const negation = options.negation && enAr;
    const attribution = options.attribution && enAr;
    // The document's own length ratios: its translator's habits, its script pair.
    const logs: number[] = [];
    for (const b of doc.alignment) {
      if (!b.source.length || !b.target.length) continue;
      const ls = visibleLength(src, b.source.map((i) => doc.source.sentences[i]!));
      const lt = visibleLength(tgt, b.target.map((i) => doc.target.sentences[i]!));
      if (ls >= options.minChars && lt > 0) logs.push(Math.log(lt / ls));
    }
    const enough = logs.length >= options.minPairs;
    const centre = enough ? median(logs) : logs.length ? median(logs) : Math.log(0.93);
    // 1.4826 × MAD estimates the standard deviation of a normal distribution; 0.2 is a floor
    // measured on professional EN→AR news (NTREX), so a very uniform document is not too strict.
    const spread = enough ? Math.max(1.4826 * median(logs.map((x) => Math.abs(x - centre))), 0.2) : 0.3;

    return (bead: BeadView): FindingDraft[] => {
      if (bead.target.length === 0) {
        return bead.source.map((s) => ({
          side: 'source' as const,
          sentence: s.index,
          start: s.start,
          end: s.end,
          message: 'No translation is aligned with this sentence: it may have been left out.',
        }));
      }
      if (bead.source.length === 0) {
        return bead.target.map((s) => ({
          side: 'target' as const,
          sentence: s.index,
          start: s.start,
          end: s.end,
          category: 'Accuracy/Addition',
          message: 'This sentence has no source sentence: it may have been added (or the alignment needs correcting).',
        }));
      }
      const out: FindingDraft[] = [];
      const ls = visibleLength(src, bead.source);
      const lt = visibleLength(tgt, bead.target);
      if (ls >= options.minChars && lt > 0) {
        const x = Math.log(lt / ls);
        const zScore = (x - centre) / spread;
        const factor = Math.exp(Math.abs(x - centre));
        if (Math.abs(zScore) >= options.z && factor >= options.factor) {
          const shorter = zScore < 0;
          const first = shorter ? bead.source[0]! : bead.target[0]!;
          const last = shorter ? bead.source[bead.source.length - 1]! : bead.target[bead.target.length - 1]!;
          out.push({
            side: shorter ? 'source' : 'target',
            sentence: first.index,
            start: first.start,
            end: last.end,
            severity: 'minor',
            ...(shorter ? {} : { category: 'Accuracy/Addition' }),
            message: shorter
              ? `The translation is ${factor.toFixed(1)}× shorter than this document's usual ratio (${lt} vs ${ls} characters): part of this sentence may be missing.`
              : `The translation is ${factor.toFixed(1)}× longer than this document's usual ratio (${lt} vs ${ls} characters): it may add content.`,
          });
        }
      }
      if (negation) {
        let neg: { start: number; end: number; sentence: number } | undefined;
        for (const s of bead.source) {
          ENGLISH_NEGATION.lastIndex = s.start;
          let m: RegExpExecArray | null;
          while ((m = ENGLISH_NEGATION.exec(src)) !== null && m.index < s.end) {
            if (notDenying(src, m.index, m[0])) continue;
            neg = { start: m.index, end: m.index + m[0].length, sentence: s.index };
            break;
          }
          if (neg) break;
        }
        // Text that lost its spaces (فهملا) hides the particle; the typography check reports it.
        const glued = bead.target.some((s) => sentenceWords(doc.target, s.index).some((w) => w.folded.length >= GLUED));
        if (neg && !glued && !hasArabicNegation(doc.target, bead.target) && !keptInEnglish(src.slice(neg.start, neg.end), bead.target)) {
          out.push({
            side: 'source',
            ...neg,
            category: 'Accuracy/Mistranslation',
            message: `The source says "${src.slice(neg.start, neg.end)}" but the translation has no negation (لا، لم، لن، ليس، غير، دون، عدم …): check that the meaning is not reversed.`,
          });
        }
      }
      if (attribution) out.push(...addedAttributions(bead.source, doc.target, bead.target));
      return out;
    };
  },
});
