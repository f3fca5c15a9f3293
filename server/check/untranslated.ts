// Untranslated text in the target: a sentence identical to its source; a target sentence whose
// letters are mostly not in the target script (share of Arabic letters, no guessing needed);
// and, inside an Arabic sentence, a run of 30+ characters of Latin text that franc (restricted
// to a short `only` list) recognises as the source language. Names, acronyms and short Latin
// titles stay untouched: they are often right in Latin.
import { franc } from 'franc';
import { z } from 'zod';
import { ENGLISH_STOPWORDS } from '../text/english-stopwords.js';
import { wholeWordPattern } from '../text/english.js';
import { isEnglishWord } from '../text/english-words.js';
import { scriptCounts } from '../text/tokens.js';
import { FRANC_CODE, languageName } from './language.js';
import type { Sentence } from '../core/types.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck, inTarget, primaryLang } from './types.js';

const Options = z
  .object({
    /** A target sentence with fewer Arabic letters than this share is not Arabic. */
    minTargetShare: z.number().min(0).max(1).default(0.5),
    /** Fewer letters than this and a sentence is not judged by script share (a name, a number). */
    minLetters: z.number().int().min(1).default(12),
    /** Latin runs at least this long are given to franc. */
    minRun: z.number().int().min(10).default(30),
    /** Languages franc may choose among for a Latin run (ISO 639-3). */
    only: z.array(z.string().regex(/^[a-z]{3}$/u)).default(['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'sco', 'cat']),
    /** Latin strings that may stay as they are (brand names, titles). */
    keep: z.array(z.string().min(1)).default([]),
  })
  .strict();
type Options = z.infer<typeof Options>;

const LATIN_RUN = /[\p{Script=Latin}][\p{Script=Latin}\p{N}\s'’.,:;!?&()\-]*[\p{Script=Latin}]/gu;
const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
/** A Latin run the corpus keeps as it is (its `keep` option, normalised). */
const kept = (run: string, keep: string[]) => keep.length > 0 && keep.some((k) => normalise(run).includes(k));

/**
 * Whether text[start, end) is a title kept in the original: in quotation marks and in Title Case
 * (every word outside the English function words capitalised, three or more of them), as books,
 * films and reports are often cited ("The Last Palace: Europe's Turbulent Century …").
 */
function quotedTitle(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start).trimEnd().at(-1) ?? '';
  const after = text.slice(end, end + 4).replace(/^[\s.,!?]+/u, '')[0] ?? '';
  if (!/["“«'‘]/u.test(before) || !/["”»'’]/u.test(after)) return false;
  const words = text.slice(start, end).match(/[\p{L}][\p{L}'’]*/gu) ?? [];
  const content = words.filter((w) => !ENGLISH_STOPWORDS.has(w.toLowerCase()));
  return content.length >= 3 && content.every((w) => /^[\p{Lu}]/u.test(w));
}

/** Articles, prepositions, conjunctions and auxiliaries: never a translation left out alone. */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for from with into onto over under than that this these those and or but nor as is are was were be been being has have had do does did not no so if it its'.split(' '),
);

/** A Latin run of lower-case words (a name or a title would be capitalised). */
const LOWER_RUN = /(?<![\p{L}\p{N}/@#_'’"“«(-])(?<![\p{L}]\.)[a-z]+(?:[ -][a-z]+)*(?![\p{L}\p{N}/@_'’"”»)-]|\.[\p{L}])/gu;

/**
 * Ordinary English words left inside an Arabic sentence ("الأصوات spoiled", "time bonus",
 * "because of high winds", "year-on-year"): a lower-case run of dictionary words (function words
 * aside) of six letters or more, or one long word of trade jargon (bookbuilding), that the
 * aligned English has. Not in brackets, where a translator glosses the original term; names and
 * titles are capitalised; quoted words may be cited as words; URLs and handles are not words.
 */
function leftWords(s: Sentence, source: Array<{ text: string }>, keep: string[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const m of s.text.matchAll(LOWER_RUN)) {
    const run = m[0];
    const words = run.split(/[ -]/u);
    // Function words (of, to, in) may stand between the content words: "because of high winds",
    // "year-on-year"; the content words need six letters between them.
    const content = words.filter((w) => !FUNCTION_WORDS.has(w));
    // One long word need not be in the word list (bookbuilding, greenwashing: trade jargon).
    const jargon = content.length === 1 && content[0]!.length >= 8;
    if (content.length === 0 || !(jargon || content.every((w) => w.length >= 3 && isEnglishWord(w))) || content.join('').length < 6) continue;
    if (kept(run, keep)) continue;
    if (!source.some((x) => wholeWordPattern(run).test(x.text))) continue;
    out.push({ ...inTarget(s, m.index, run.length), message: `"${run}" is left in English: translate it.` });
  }
  return out;
}

export const untranslated = defineCheck<Options>({
  id: 'untranslated',
  category: 'Accuracy/Untranslated',
  severity: 'major',
  languages: { target: ['ar'] },
  description: 'Target text left in the source language or script: identical to the source, mostly non-Arabic letters, or long Latin runs in the source language.',
  example: 'The target sentence "The peacekeeping convoy was hit twice." is identical to its source.',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    const src = doc.source.text;
    const tgt = doc.target.text;
    const srcCode = FRANC_CODE[primaryLang(doc.source.lang)] ?? 'eng';
    const only = [...new Set([srcCode, ...options.only])];
    const keep = options.keep.map(normalise);
    /** Runs of 30+ Latin characters in sentence `s` that franc reads as the source language. */
    const longRuns = (s: { index: number; start: number; end: number }): FindingDraft[] => {
      const found: FindingDraft[] = [];
      LATIN_RUN.lastIndex = s.start;
      let m: RegExpExecArray | null;
      while ((m = LATIN_RUN.exec(tgt)) !== null && m.index < s.end) {
        const run = m[0];
        if (run.length < options.minRun || run.trim().split(/\s+/u).length < 4) continue;
        if (kept(run, keep)) continue;
        if (quotedTitle(tgt, m.index, m.index + run.length)) continue;
        const guess = franc(run, { only, minLength: options.minRun });
        if (guess !== srcCode) continue;
        // A quotation kept in the original on purpose usually stays in quotes; flag anyway,
        // but say what it is.
        const inSource = src.includes(run.trim());
        found.push({
          side: 'target',
          sentence: s.index,
          start: m.index,
          end: m.index + run.length,
          message: `${languageName(srcCode)} text left in the Arabic${inSource ? ' (copied from the source)' : ''}: translate it, unless it is a title or name that must stay in the original.`,
        });
      }
      return found;
    };
    return (bead: BeadView): FindingDraft[] => {
      if (bead.target.length === 0) return [];
      const out: FindingDraft[] = [];
      // Identical to the source: only possible when the target has Latin letters at all.
      const latin = bead.target.some((s) => /[A-Za-z]/u.test(s.text));
      const srcText = latin ? normalise(bead.source.map((s) => s.text).join(' ')) : '';
      const tgtText = latin ? normalise(bead.target.map((s) => s.text).join(' ')) : '';
      if (latin && srcText && srcText === tgtText && /[\p{L}]{2}/u.test(tgtText) && !keep.includes(tgtText)) {
        const first = bead.target[0]!;
        const last = bead.target[bead.target.length - 1]!;
        return [{
          side: 'target',
          sentence: first.index,
          start: first.start,
          end: last.end,
          message: 'The target is identical to the source: it was not translated.',
        }];
      }
      for (const s of bead.target) {
        const c = scriptCounts(tgt, s.start, s.end);
        if (c.letters >= options.minLetters && c.arabic / c.letters < options.minTargetShare) {
          if (keep.includes(normalise(s.text))) continue;
          const guess = s.text.length >= options.minRun ? franc(s.text, { only, minLength: options.minRun }) : 'und';
          // With some Arabic in it, the span is the foreign part (وقال المحامون إن the evidence …).
          let start = s.start;
          let end = s.end;
          if (c.arabic > 0) {
            const runs = [...s.text.matchAll(LATIN_RUN)];
            if (runs.length) {
              start = s.start + runs[0]!.index;
              end = s.start + runs[runs.length - 1]!.index + runs[runs.length - 1]![0].length;
            }
          }
          out.push({
            side: 'target',
            sentence: s.index,
            start,
            end,
            message:
              `Only ${Math.round((c.arabic / c.letters) * 100)}% of the letters of this sentence are Arabic` +
              (guess !== 'und' ? `; it reads as ${languageName(guess)}` : '') +
              ': it looks untranslated.',
          });
          continue;
        }
        if (c.latin === 0) continue;
        const runs = c.latin >= options.minRun / 2 ? longRuns(s) : [];
        out.push(...runs);
        // Words left in English, unless a long run already covers them.
        for (const w of leftWords(s, bead.source, keep)) if (!runs.some((r) => r.start < w.end && w.start < r.end)) out.push(w);
      }
      return out;
    };
  },
});
