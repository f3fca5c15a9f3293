// Numbers: every number of the source must be in the aligned target and no number may appear
// from nowhere. Values are compared, not strings: 15,000 = 15000 = ١٥٬٠٠٠ = 15 ألف; ثماني = 8;
// ثلاثة عشر = ثلاث عشرة = 13; 61 percent = 61 في المئة = ٪61. Number words below three, ordinal
// words and duals are never required (جنديان says "two soldiers", لهجومين "two attacks", and
// "one" is usually the singular), but they do satisfy a source number that is there.
import { z } from 'zod';
import type { Sentence } from '../core/types.js';
import { arabicNumbers, isArabicNumberWord } from '../text/numbers-ar.js';
import { NUMBER_WORD, englishNumbers } from '../text/numbers-en.js';
import { sameNumber, type NumberMention } from '../text/numbers.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck } from './types.js';
import { sentenceWords } from './words.js';
import { GLUED } from './names.js';

const Options = z
  .object({
    /** Number words below this value (one, two) need not be in the other side. */
    minWordValue: z.number().int().min(0).default(3),
    /** Report target numbers that the source does not have. */
    extra: z.boolean().default(true),
  })
  .strict();
type Options = z.infer<typeof Options>;

interface Located extends NumberMention {
  sentence: number;
}

function collect(sentences: Sentence[], parse: (from: number, to: number) => NumberMention[]): Located[] {
  return sentences.flatMap((s) => parse(s.start, s.end).map((m) => ({ ...m, sentence: s.index })));
}

function matches(a: NumberMention, b: NumberMention, strict: boolean): boolean {
  // A number written with a scale word is that number only: 18.9 trillion is not 18.9 مليار,
  // and £1.5 million is not 1.5 جنيه (a range that says its scale once is read by shareScale).
  if (strict || a.scale || b.scale) return sameNumber(a.values[0]!, b.values[0]!);
  return a.values.some((x) => b.values.some((y) => sameNumber(x, y)));
}

/** Between the ends of a range: "15 to 20 million", "15-20m", ما بين 15 و20 مليونًا. */
const RANGE_GAP = /^\s*(?:to|and|or|-|–|—|و|إلى|الى|أو|او|حتى)\s*$/u;
/**
 * The first end of a range that says its scale once takes that scale ("15 to 20 million": 15 is
 * fifteen million), so it matches the other side's 15 مليونًا and not a bare 15.
 */
function shareScale(ms: Located[], text: string): Located[] {
  if (ms.length < 2 || !ms.some((m) => m.scale)) return ms;
  const out = [...ms].sort((a, b) => a.start - b.start);
  for (let i = out.length - 2; i >= 0; i--) {
    const m = out[i]!;
    const next = out[i + 1]!;
    // A count below a thousand, not a percentage ("rise by 15 percent to 2.1 trillion") or a year.
    if (m.scale || !next.scale || m.sentence !== next.sentence || (m.kind !== 'digits' && m.kind !== 'words')) continue;
    if (m.percent || next.percent || m.values[0]! >= 1000) continue;
    if (!RANGE_GAP.test(text.slice(m.end, next.start))) continue;
    out[i] = { ...m, values: [m.values[0]! * next.scale, ...m.values], scale: next.scale };
  }
  return out;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));
/** A number as written, with its value after it when the writing does not already say it. */
const said = (written: string, n: number) => (written === String(n) || written === fmt(n) ? `"${written}"` : `"${written}" (${fmt(n)})`);
/** Western digits rewritten in the digit system `like` uses (٠-٩ or ۰-۹), so a fix matches its text. */
function inDigitsOf(digits: string, like: string): string {
  const zero = /[\u0660-\u0669]/u.test(like) ? 0x0660 : /[\u06F0-\u06F9]/u.test(like) ? 0x06f0 : 0x30;
  return digits.replace(/[0-9]/gu, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 0x30));
}

export const numbers = defineCheck<Options>({
  id: 'numbers',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  languages: { source: ['en'], target: ['ar'] },
  description: 'Numbers missing from the translation, added to it, or changed; digits, Arabic-Indic digits and number words compared by value.',
  example: '"15,000-strong" → 1500 جندي: the translation has 1,500 where the source has 15,000.',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    const src = doc.source.text;
    const tgt = doc.target.text;
    const sentenceAt = new Map(doc.target.sentences.map((s) => [s.start, s.index]));
    const wordsOf = (start: number) => sentenceWords(doc.target, sentenceAt.get(start) ?? -1);
    // Most English sentences have no digit and no number word: known from the shared words
    // (one test per word form), without tokenising the sentence again.
    const mayHaveNumber = (s: Sentence) => {
      for (let i = s.start; i < s.end; i++) {
        const c = src.charCodeAt(i);
        if (c >= 48 && c <= 57) return true;
      }
      return sentenceWords(doc.source, s.index).some((w) => (w.info.numberWordEn ??= NUMBER_WORD.test(w.text)));
    };
    const required = (m: NumberMention) => m.kind === 'digits' || (m.kind === 'words' && m.values[0]! >= options.minWordValue);
    return (bead: BeadView): FindingDraft[] => {
      if (bead.source.length === 0 || bead.target.length === 0) return [];
      const s = shareScale(collect(bead.source.filter(mayHaveNumber), (a, b) => englishNumbers(src, a, b)), src);
      // Duals (جنديان) only matter when the source says two; reading them costs a look at
      // every word, so only then.
      const duals = s.some((m) => m.values.includes(2));
      // Latin text kept in the target (a book title) may spell numbers in English.
      const t = shareScale(collect(bead.target, (a, b) => [
        // Most sentences have no digit and no number word: known at once from the shared words.
        ...(duals || /[0-9\u0660-\u0669\u06F0-\u06F9]/u.test(tgt.slice(a, b)) || wordsOf(a).some((w) => (w.info.numberWord ??= isArabicNumberWord(w.folded)))
          ? arabicNumbers(tgt, a, b, { duals })
          : []),
        ...(/[A-Za-z]/u.test(tgt.slice(a, b)) ? englishNumbers(tgt, a, b).filter((m) => m.kind !== 'digits') : []),
      ]), tgt);
      if (s.length === 0 && t.filter(required).length === 0) return [];
      const usedT = new Set<number>();
      const usedS = new Set<number>();
      // Exact first readings first (15,000 ↔ 15000), then any reading (15,000 ↔ 15 ألف); numbers
      // that must be there are paired before the optional ones, so "four" is not used up by
      // "fourth" and a digit 2 is not used up by a dual.
      const sOrder = s.map((_, i) => i).sort((a, b) => Number(required(s[b]!)) - Number(required(s[a]!)));
      const tOrder = t.map((_, i) => i).sort((a, b) => Number(required(t[b]!)) - Number(required(t[a]!)));
      for (const strict of [true, false]) {
        for (const i of sOrder) {
          if (usedS.has(i)) continue;
          const j = tOrder.find((k) => !usedT.has(k) && matches(s[i]!, t[k]!, strict));
          if (j !== undefined) {
            usedS.add(i);
            usedT.add(j);
          }
        }
      }
      // Digits grouped by a space (116 123, as phone numbers and some locales write them) are
      // one number on the other side (116123).
      const spaced = (ms: Located[], text: string, used: Set<number>, others: Located[], usedOther: Set<number>) => {
        for (let i = 0; i + 1 < ms.length; i++) {
          const a = ms[i]!;
          const b = ms[i + 1]!;
          if (used.has(i) && used.has(i + 1)) continue;
          if (a.kind !== 'digits' || b.kind !== 'digits' || !/^[ \u00A0\u202F\u2009]$/u.test(text.slice(a.end, b.start))) continue;
          if (!/^[0-9\u0660-\u0669\u06F0-\u06F9]{3}$/u.test(text.slice(b.start, b.end))) continue;
          const joined = a.values[0]! * 1000 + b.values[0]!;
          const k = others.findIndex((o, j) => !usedOther.has(j) && o.kind === 'digits' && sameNumber(o.values[0]!, joined));
          if (k < 0) continue;
          used.add(i).add(i + 1);
          usedOther.add(k);
        }
      };
      if (usedS.size < s.length || usedT.size < t.length) {
        spaced(s, src, usedS, t, usedT);
        spaced(t, tgt, usedT, s, usedS);
        // A tie written N-N (a 2-2 draw) says the number once in Arabic (التعادل بهدفين).
        s.forEach((m, i) => {
          if (usedS.has(i) || i === 0) return;
          const prev = s[i - 1]!;
          if (usedS.has(i - 1) && prev.kind === 'digits' && m.kind === 'digits' && sameNumber(prev.values[0]!, m.values[0]!) && /^[-–]$/u.test(src.slice(prev.end, m.start))) usedS.add(i);
        });
      }
      // Target text whose spaces were lost (ثلاثمراتمسبقًا) cannot be read for numbers: a number
      // there may be glued to its neighbours. The typography check reports the spacing.
      const unmatched = s.filter((m, i) => !usedS.has(i) && required(m));
      const missing = unmatched.length && bead.target.some((ts) => wordsOf(ts.start).some((w) => w.folded.length >= GLUED)) ? [] : unmatched;
      const extra = options.extra ? t.filter((m, i) => !usedT.has(i) && required(m)) : [];
      // Ordinals need not be there (third → المركز الثالث or ثالثًا or a reworded rank), but one
      // left on each side of a pair is one rank changed (third → الرابع).
      // (Not "half", read as 50 and 0.5: half-time is الشوط الأول.) So is one fraction left on
      // each side (a third → ربعها), and a rank in digits left missing (13th) beside one left in
      // words (الثانية عشرة).
      const rank = (m: NumberMention) => m.kind === 'ordinal' && m.values.every(Number.isInteger);
      for (const kind of [rank, (m: NumberMention) => m.kind === 'fraction']) {
        const sLeft = s.filter((m, i) => !usedS.has(i) && kind(m));
        const tLeft = t.filter((m, i) => !usedT.has(i) && kind(m));
        if (sLeft.length === 1 && tLeft.length === 1 && missing.length === 0 && extra.length === 0) {
          missing.push(sLeft[0]!);
          extra.push(tLeft[0]!);
        }
      }
      const tRanks = t.filter((m, i) => !usedT.has(i) && rank(m));
      if (missing.length === 1 && extra.length === 0 && tRanks.length === 1 && /(?:st|nd|rd|th)$/u.test(src.slice(missing[0]!.start, missing[0]!.end))) {
        extra.push(tRanks[0]!);
      }
      const out: FindingDraft[] = [];
      // A missing and an extra number in the same pair are one changed number.
      while (missing.length && extra.length) {
        const sm = missing.shift()!;
        const tm = extra.shift()!;
        const digitsOnly = /^[0-9\u0660-\u0669\u06F0-\u06F9.,٫٬]+$/u.test(tgt.slice(tm.start, tm.end));
        out.push({
          side: 'target',
          sentence: tm.sentence,
          start: tm.start,
          end: tm.end,
          message: `${said(tgt.slice(tm.start, tm.end), tm.values[0]!)} where the source has ${said(src.slice(sm.start, sm.end), sm.values[0]!)}.`,
          ...(digitsOnly && sm.kind === 'digits' && Number.isInteger(sm.values[0]) ? { suggestion: inDigitsOf(String(sm.values[0]), tgt.slice(tm.start, tm.end)) } : {}),
        });
      }
      for (const sm of missing) {
        out.push({
          side: 'source',
          sentence: sm.sentence,
          start: sm.start,
          end: sm.end,
          category: 'Accuracy/Omission',
          message: `The number ${said(src.slice(sm.start, sm.end), sm.values[0]!)} is not in the translation, in digits or in words.`,
        });
      }
      for (const tm of extra) {
        out.push({
          side: 'target',
          sentence: tm.sentence,
          start: tm.start,
          end: tm.end,
          category: 'Accuracy/Addition',
          severity: 'minor',
          message: `The number ${said(tgt.slice(tm.start, tm.end), tm.values[0]!)} is not in the source.`,
        });
      }
      return out;
    };
  },
});
