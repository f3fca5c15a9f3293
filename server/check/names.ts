// Names: a capitalised source name or acronym must reach the target, transliterated (Kidal →
// كيدال), as the glossary or the shipped name list says (Germany → ألمانيا, UN → الأمم المتحدة),
// spelled letter by letter (BBC → بي بي سي) or kept in Latin script. A name that does not is
// reported: on the target word when a word there nearly sounds like it but is not a
// transliteration (JNIM → جنون, "madness": the name became an ordinary word), otherwise on
// the source as missing. A multi-word name counts as there when any of its words is.
import { z } from 'zod';
import type { SegmentedText, Term } from '../core/types.js';
import { foldArabic } from '../text/arabic.js';
import { spelledAcronymPattern } from '../text/acronyms.js';
import { ENGLISH_STOPWORDS } from '../text/english-stopwords.js';
import { isArabicWord } from '../text/arabic-dictionary.js';
import { isEnglishWord } from '../text/english-words.js';
import { arabicSkeleton, arabicSkeletonUncached, englishSkeleton, onsetLetters, skeletonOnset, skeletonScore } from '../text/skeleton.js';
import { isAllCaps } from '../text/tokens.js';
import { capitalised, sentenceWords } from './words.js';
import { stemCandidates } from '../text/clitics.js';
import { memo } from '../text/memo.js';
import { ArabicWordSet } from '../text/word-set.js';
import { addedAcronyms } from './added-acronyms.js';
import { articleSkeletons, nameSkeletons, nameVariants, ordinaryNoun, voweless } from './name-forms.js';
import { builtInNames, builtInPhrases, likeSounding, listedForms, type Known } from './names-list.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck, primaryLang } from './types.js';

const Options = z
  .object({
    /** Least skeleton similarity for a target word to count as the name's transliteration. */
    threshold: z.number().min(0.3).max(1).default(0.7),
    /** From this similarity up (and below threshold) a target word is a near miss: the name rendered as another word. */
    nearMiss: z.number().min(0).max(1).default(0.6),
    /** Extra renderings for this corpus: { "Mali": ["مالي"] }; an empty list means "not a name". */
    renderings: z.record(z.string(), z.array(z.string())).default({}),
    /** Report Latin acronyms in the translation that the source never writes (ADB for AIIB). */
    addedAcronyms: z.boolean().default(true),
  })
  .strict();
type Options = z.infer<typeof Options>;

// Word sets for each list of Arabic forms, shared by every document.
const formSets = new Map<string, { single: ArabicWordSet; multi: ArabicWordSet[][] }>();

/** The name in Latin letters, as a translator may keep it (RedState, MeToo); null if too short. */
const latinPattern = memo((key: string) => {
  const k = key.replace(/\./g, '').replace(/['’]s?$/u, '');
  if (k.length < 2) return null;
  return new RegExp(`(?<![A-Za-z])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
}, 20_000);

const titleCases = new WeakMap<SegmentedText, boolean[]>();
/** Whether a source sentence is a Title Case headline (most of its content words capitalised). */
function titleCaseOf(side: SegmentedText, sentence: number): boolean {
  let all = titleCases.get(side);
  if (!all) {
    all = side.sentences.map((s) => {
      // The first word is capitalised anyway: counted, it made a short sentence holding one
      // two-word name ("Residents of Kavanaugh County were told to leave") look like a headline.
      // And Title Case capitalises ordinary words ("Dips Deep Equalizer"); a sentence of names
      // and titles ("He met Senator Pelosi in Washington") has at most one.
      const content = sentenceWords(side, s.index).slice(1).filter((w) => w.text.length >= 4 && !ENGLISH_STOPWORDS.has(w.folded));
      const caps = content.filter(capitalised);
      return content.length >= 3 && caps.length >= content.length * 0.7 && caps.filter((w) => isEnglishWord(w.text.toLowerCase())).length >= 2;
    });
    titleCases.set(side, all);
  }
  return all[sentence] ?? false;
}

/** Plural nouns for groups of people (Eurosceptics, Brexiteers, Austrians): translated, not names. */
const GROUP_NOUN = /(?:ers|ists|ians|ans|ics|ites|ees|ks)$/u;

/** An Arabic "word" this long is several words whose spaces were lost. */
export const GLUED = 18;
/** From this length, a word that is not in the Arabic dictionary may be several words run together. */
const GLUED_INSIDE = 8;

const NAME_AT = /(?:[\p{Lu}]\.){2,}|[\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)?(?:-[\p{L}][\p{L}\p{M}]*)*/uy;

interface NameToken {
  text: string;
  /** Without a possessive or an acronym plural: Mali's → Mali, MPs stays (known), AMs → AM. */
  key: string;
  /** The key is in capitals (an acronym). */
  keyCaps: boolean;
  start: number;
  end: number;
}

type CandidateWord = { text: string; start: number; end: number; folded: string; sentence: number };

interface Candidate {
  word: CandidateWord;
  /** Undefined for a word pair until a name's first sound could match it (see pairOnsets). */
  skeletons: string[] | undefined;
  /** Two adjacent target words read as one name: the second word. */
  pair?: CandidateWord;
  /** A pair's first letter of each stem's skeleton, known without building the skeletons. */
  onsets?: string;
  /** Skeletons of forms that keep the article (see articleSkeletons). */
  article?: string[];
}

const NONE: readonly string[] = [];

function hasCode(s: string, code: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}

interface Group {
  tokens: NameToken[];
  /** Starts a sentence or a quotation, or sits in a Title Case headline. */
  initial: boolean;
  start: number;
  end: number;
  sentence: number;
}

function stripPossessive(w: string): string {
  // Mali's → Mali; an acronym's plural too: MPs → MP, TVs → TV, FAQs → FAQ.
  return w.replace(/['’]s?$/u, '').replace(/^([\p{Lu}]{2,})s$/u, '$1');
}


/** The Arabic article written in English before a name: al-, el-, ad-, ash- … */
const ARTICLE_BEFORE = /(?<![\p{L}])(?:al|el|ad|an|ar|as|ash|at|az|adh|ath|ud|ul)-$/iu;

/** What a capitalised token says on its own, whatever its context (asked once per spelling). */
const tokenFacts = memo((text: string) => {
  const caps = isAllCaps(text);
  const skip =
    // "I", "I'm", "It's": pronouns and contractions, not names.
    text === 'I' || /['’](?:m|re|ve|ll|d|t)$/iu.test(text) || (/['’]s$/u.test(text) && ENGLISH_STOPWORDS.has(text.slice(0, -2).toLowerCase())) ||
    (!caps && ENGLISH_STOPWORDS.has(text.toLowerCase())) ||
    // U-turn, Rock-type: a capital in a hyphenated common word.
    (/-[\p{Ll}]+$/u.test(text) && /^[\p{Lu}][\p{Ll}]*-/u.test(text) && isEnglishWord(text.split('-').pop()!));
  // PNG-registered, UN-backed: an acronym in a compound adjective; the acronym is the name.
  const compound = /^([\p{Lu}]{2,})-([\p{Ll}]+)$/u.exec(text);
  const key = compound && isEnglishWord(compound[2]!) ? compound[1]! : stripPossessive(text);
  return { skip, caps, key, keyCaps: isAllCaps(key) };
}, 50_000);

/** A term list from the glossary keyed by source term, for names the glossary rules on. */
function glossaryIndex(doc: CheckDocument): Map<string, Term[]> {
  const srcLang = primaryLang(doc.source.lang);
  const tgtLang = primaryLang(doc.target.lang);
  const out = new Map<string, Term[]>();
  for (const e of doc.glossary?.entries ?? []) {
    const tgt = e.terms.filter((t) => primaryLang(t.lang) === tgtLang && t.status !== 'deprecated' && t.status !== 'superseded');
    if (!tgt.length) continue;
    for (const t of e.terms) if (primaryLang(t.lang) === srcLang) out.set(t.text, tgt);
  }
  return out;
}

export const names = defineCheck<Options>({
  id: 'names',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  languages: { source: ['en'], target: ['ar'] },
  description: 'Capitalised source names and acronyms must appear in the target, transliterated or as the glossary or name list says.',
  example: 'JNIM → جنون ("madness"): the group\'s name became an ordinary word.',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    const src = doc.source.text;
    const tgt = doc.target.text;
    const own = Object.entries(options.renderings);
    const known = own.length ? new Map([...builtInNames(), ...own.map(([en, forms]): [string, Known] => [en, { forms }])]) : builtInNames();
    const glossary = glossaryIndex(doc);
    // Words capitalised in mid-sentence anywhere in the source: a sentence-initial occurrence of
    // the same word is a name too.
    const midCaps = new Set<string>();
    for (const s of doc.source.sentences) {
      for (const w of sentenceWords(doc.source, s.index)) if (w.k > 0 && capitalised(w)) midCaps.add(stripPossessive(w.text));
    }
    const knownPhrases = own.length ? [...known].filter(([en]) => en.includes(' ')) : builtInPhrases();
    const formsOf = (forms: string[]) => {
      const key = forms.join('|');
      let f = formSets.get(key);
      if (!f) {
        const single = new ArabicWordSet(forms.filter((x) => !/\s/u.test(x.trim())));
        const multi = forms
          .filter((x) => /\s/u.test(x.trim()))
          .map((x) => x.trim().split(/\s+/u).map((w) => new ArabicWordSet([w])));
        f = { single, multi };
        formSets.set(key, f);
      }
      return f;
    };
    const skeletonsOf = nameSkeletons;

    const srcNoDots = src.replace(/\./gu, '');
    const missing = (bead: BeadView): FindingDraft[] => {
      if (bead.source.length === 0 || bead.target.length === 0) return [];
      const groups: Group[] = [];
      for (const s of bead.source) {
        const toks: Array<NameToken & { index: number; initial: boolean }> = [];
        // A headline in Title Case capitalises ordinary words: there a capital proves nothing.
        const titleCase = titleCaseOf(doc.source, s.index);
        // Only capitalised words start a name: read the whole token (U.N., Berners-Lee, Mali's)
        // from there, and skip the words it covers and the parts of lower-case hyphenated words.
        let lastEnd = -1;
        for (const w of sentenceWords(doc.source, s.index)) {
          // After a hyphen a capital is part of a lower-case word (so-Called), except after the
          // Arabic article (al-Mahra, el-Sisi, ash-Sham): there it starts the name.
          if (w.start < lastEnd || !capitalised(w) || (w.start > s.start && src[w.start - 1] === '-' && !ARTICLE_BEFORE.test(src.slice(Math.max(s.start, w.start - 5), w.start)))) continue;
          // A hashtag (#MeToo) is a slogan: translators render it by its meaning (#أنا_أيضًا).
          if (w.start > 0 && src[w.start - 1] === '#') continue;
          NAME_AT.lastIndex = w.start;
          const text = NAME_AT.exec(src)?.[0] ?? w.text;
          lastEnd = w.start + text.length;
          const m = { index: w.start };
          const index = w.k;
          const { skip, caps, key, keyCaps } = tokenFacts(text);
          if (skip) continue;
          // The first word of a sentence (or of a quotation) is capitalised anyway.
          const before = src.slice(Math.max(s.start, m.index - 3), m.index);
          const initial = index === 0 || /["“‘(:]\s*$/u.test(before) || titleCase;
          if (initial && !caps && !midCaps.has(key) && !known.has(key) && !glossary.has(key)) continue;
          toks.push({ text, key, keyCaps, start: m.index, end: m.index + text.length, index, initial });
        }
        for (const t of toks) {
          const last = groups[groups.length - 1];
          const prevTok = last?.tokens[last.tokens.length - 1];
          if (last && last.sentence === s.index && prevTok && /^ +$/u.test(src.slice(prevTok.end, t.start))) {
            last.tokens.push(t);
            last.end = t.end;
          } else groups.push({ tokens: [t], start: t.start, end: t.end, sentence: s.index, initial: t.initial });
        }
      }
      if (groups.length === 0) return [];

      const tgtWords = bead.target.length === 1 ? sentenceWords(doc.target, bead.target[0]!.index) : bead.target.flatMap((s) => sentenceWords(doc.target, s.index));
      const arabicWords = tgtWords.filter((w) => (w.info.arabicLetters ??= /^[\u0621-\u064A]+$/u.test(w.folded)));
      // Text whose spaces were lost (كورياالشماليةمنذعام) cannot be judged word by word; the
      // typography check reports it.
      if (arabicWords.length && arabicWords.some((w) => w.folded.length >= GLUED)) return [];
      // Names written as two Arabic words (بيونغ يانغ for Pyongyang) are compared joined too.
      const candidates: Candidate[] = arabicWords.map((w) => ({ word: w, skeletons: (w.info.nameSkeletons ??= skeletonsOf(w.folded)) }));
      let paired = false;
      const addPairs = () => {
        if (paired) return;
        paired = true;
        for (let i = 0; i + 1 < arabicWords.length; i++) {
          const a = arabicWords[i]!;
          const b = arabicWords[i + 1]!;
          if (/^\s+$/u.test(tgt.slice(a.end, b.start))) {
            let onsets = '';
            for (const st of (a.info.stems2 ??= stemCandidates(a.folded, 2))) onsets += skeletonOnset(st, b.folded) || ' ';
            candidates.push({ word: a, pair: b, skeletons: undefined, onsets });
          }
        }
      };
      // Word pairs rarely repeat, so their skeletons are not cached (they would only crowd out
      // single words); most pairs are never compared, so they are built on first need.
      const skeletonsAt = (c: Candidate, code: number): readonly string[] => {
        if (c.skeletons) return c.skeletons;
        if (!hasCode(c.onsets!, code)) return NONE;
        const a = c.word;
        const b = c.pair!;
        return (c.skeletons = [...new Set(stemCandidates(a.folded, 2).map((st) => arabicSkeletonUncached(st + b.folded)))]);
      };
      /** The word a candidate stands for (a pair: both words, as one span). */
      const wordOf = (c: Candidate): CandidateWord =>
        c.pair ? { ...c.word, end: c.pair.end, text: tgt.slice(c.word.start, c.pair.end), folded: c.word.folded + c.pair.folded } : c.word;
      const tgtSpan = { start: bead.target[0]!.start, end: bead.target[bead.target.length - 1]!.end };
      let plain: string | undefined;
      const tgtPlain = () => (plain ??= tgt.slice(tgtSpan.start, tgtSpan.end).replace(/\./g, ''));
      let foldedSpan: string | undefined;
      const tgtFolded = () => (foldedSpan ??= foldArabic(tgt.slice(tgtSpan.start, tgtSpan.end)).text);
      const hasLatin = bead.target.some((s) => /[A-Za-z]/u.test(s.text));

      const formsPresent = (forms: string[]) => {
        const f = formsOf(forms);
        if (f.single.size > 0 && tgtWords.some((w) => f.single.has(w.folded))) return true;
        // Multi-word forms: consecutive words, each in any of its inflected forms
        // (كوريا الشمالية also matches الكورية الشمالية).
        return f.multi.some((seq) => tgtWords.some((_, i) => seq.every((ws, k) => tgtWords[i + k] !== undefined && ws.has(tgtWords[i + k]!.folded))));
      };
      const latinPresent = (key: string) => {
        if (!hasLatin) return false;
        const re = latinPattern(key);
        return re !== null && re.test(tgtPlain());
      };
      const bestTranslit = (keys: string[]) => {
        let best = 0;
        let bestLen = 0;
        let cand: Candidate | undefined;
        const scan = () => {
          for (const key of keys) {
            const en = englishSkeleton(key);
            if (!en) continue;
            const withArticle = /^[aeiou]l/iu.test(key);
            // A transliteration keeps the first consonant: only words starting with a letter
            // the name's first sound may be written with (letter by letter, then in word order).
            // (By code unit: iterating the string would make a new string of each Arabic letter.)
            const letters = onsetLetters(en);
            for (let li = 0; li < letters.length; li++) {
              const code = letters.charCodeAt(li);
              // Indexed loops: this runs for every name, letter and word, and the iterators of
              // for…of were a fifth of everything the checks allocate.
              for (let ci = 0; ci < candidates.length; ci++) {
                const c = candidates[ci]!;
                const sks = skeletonsAt(c, code);
                for (let si = 0; si < sks.length; si++) {
                  const a = sks[si]!;
                  if (a.charCodeAt(0) !== code) continue;
                  if (code === 0x0644 && !withArticle && !c.pair && (c.article ??= articleSkeletons(c.word.folded)).includes(a)) continue;
                  const sc = skeletonScore(en, a, Math.max(best, Math.min(0.5, options.nearMiss)));
                  // On a tie, the word whose skeleton is as long as the name's (JNIM: جنون, not جماعة).
                  const closer = cand !== undefined && Math.abs(a.length - en.length) < Math.abs(bestLen - en.length);
                  if (sc > best || (sc === best && ((cand?.pair && !c.pair) || closer))) {
                    bestLen = a.length;
                    best = sc;
                    cand = c;
                  }
                }
              }
            }
          }
        };
        scan();
        // Two Arabic words read as one name (بيونغ يانغ) only when single words fall short.
        if (best < options.threshold) {
          addPairs();
          scan();
        }
        return { best, word: cand ? wordOf(cand) : undefined };
      };

      /**
       * A name's skeleton inside one long target word that Arabic does not know: several words
       * run together (تمريرهالمينجا, خفافيشدوبنتون). Any stretch of the word's skeleton about as
       * long as the name's, starting with a letter the name may start with, can be the name.
       * Names of fewer than three consonants would match such stretches by chance.
       */
      const insideGlued = (keys: string[]): boolean => {
        for (const w of arabicWords) {
          if (w.folded.length < GLUED_INSIDE || (w.info.dictionaryWord ??= isArabicWord(w.text))) continue;
          const a = arabicSkeleton(w.folded);
          for (const key of keys) {
            const en = englishSkeleton(key);
            if (en.length < 3) continue;
            const letters = onsetLetters(en);
            for (let i = 0; i + en.length - 1 <= a.length; i++) {
              if (!hasCode(letters, a.charCodeAt(i))) continue;
              for (let len = en.length - 1; len <= en.length + 1; len++) {
                if (i + len <= a.length && skeletonScore(en, a.slice(i, i + len), options.threshold) >= options.threshold) return true;
              }
            }
          }
        }
        return false;
      };

      const out: FindingDraft[] = [];
      const explained = new Set<number>(); // target words that are some name's transliteration
      const swaps: Array<{ g: Group; word: (typeof tgtWords)[number]; other: string }> = [];
      const beadSource = bead.source.map((x) => x.text).join(' ');
      /** A target word in the listed form of another name that sounds like `key` and is not in the source. */
      const swappedName = (key: string) => {
        for (const w of tgtWords) {
          const other = listedForms().find(w.folded);
          if (!other || other === key || beadSource.includes(other) || explained.has(w.start)) continue;
          if (likeSounding(key, other)) return { word: w, other };
        }
        return undefined;
      };
      const pending: Array<{ g: Group; near?: { word: Candidate['word']; score: number }; glossaryForms?: Term[] }> = [];
      for (const g of groups) {
        const phrase = g.tokens.map((t) => t.key).join(' ');
        // A one-word name the shipped list spells (Zambia → زامبيا).
        const listedKey = g.tokens.length === 1 && (known.get(g.tokens[0]!.key)?.forms.length ?? 0) > 0 ? g.tokens[0]!.key : undefined;
        let satisfied = false;
        let checkable = false;
        let glossaryForms: Term[] | undefined;
        // Known multi-word names first: "White House", "United Nations", "North Korea".
        for (const [en, k] of knownPhrases) {
          if (!phrase.includes(en)) continue;
          checkable = true;
          if (k.forms.length === 0 || formsPresent(k.forms)) satisfied = true;
        }
        const gl = glossary.get(phrase) ?? glossary.get(g.tokens.map((t) => t.text).join(' '));
        if (gl) {
          checkable = true;
          glossaryForms = gl;
          if (formsPresent(gl.map((t) => t.text))) satisfied = true;
        }
        let near: { word: Candidate['word']; score: number } | undefined;
        const open = g.tokens.filter((t) => {
          const k = known.get(t.key) ?? known.get(t.text);
          return !(k && k.forms.length === 0); // an ordinary capitalised word is translated
        });
        if (open.length) checkable = true;
        for (const t of open) {
          if (satisfied) break;
          const k = known.get(t.key) ?? known.get(t.text);
          const tg = glossary.get(t.key);
          if (tg && !glossaryForms) glossaryForms = tg;
          if (tg && formsPresent(tg.map((x) => x.text))) satisfied = true;
          else if (k && formsPresent(k.forms)) satisfied = true;
          // An adjective or people of a known place (Jordanian → أردني, from Jordan → الأردن).
          else if (!k && nameVariants(t.key).some((v) => v !== t.key && (known.get(v)?.forms.length ?? 0) > 0 && formsPresent(known.get(v)!.forms))) satisfied = true;
          // US-China, Franco-German: each part is a name of its own.
          else if (t.key.includes('-') && t.key.split('-').every((part) => { const kp = known.get(part); return kp !== undefined && (kp.forms.length === 0 || formsPresent(kp.forms)); })) satisfied = true;
          else if (latinPresent(t.key)) satisfied = true;
          else if (t.keyCaps && spelledAcronymPattern(t.key)?.test(tgtFolded())) satisfied = true;
        }
        if (!satisfied && open.length) {
          // Transliteration: each name word, and the words joined (New York → نيويورك).
          const keys = [...open.flatMap((t) => nameVariants(t.key)), ...(g.tokens.length > 1 ? [g.tokens.map((t) => t.key).join('')] : [])];
          const { best, word: cand } = bestTranslit(keys);
          const acronym = g.tokens.length === 1 && open[0]!.keyCaps && open[0]!.key.replace(/[^\p{L}]/gu, '').length >= 4;
          // A name the list spells (Zambia → زامبيا) written otherwise must be a close likeness:
          // a looser one is often a neighbour's name (زيمبابوي, Zimbabwe).
          const listed = listedKey !== undefined;
          const threshold = listed ? Math.max(options.threshold, 0.9) : options.threshold;
          if (cand && best >= threshold && !(acronym && voweless(cand, open[0]!.key))) satisfied = true;
          // A near sound-alike that Arabic does not know as a word is this name's own spelling.
          // (Two words read as one, قالوا إن for Kavanaugh, are that only if one is not a word.)
          else if (!listed && cand && best >= 0.5 && !cand.text.split(/\s+/u).every((w) => isArabicWord(w))) satisfied = true;
          // Written inside words whose spaces were lost (فريقإيبروكس for "the Ibrox side").
          else if (insideGlued(keys)) satisfied = true;
          // A one-word acronym read as a word (JNIM) whose nearest sound-alike is an ordinary
          // Arabic word (جنون): the name was translated as a word. Shorter acronyms are spelled
          // letter by letter and other names too often match words by chance to judge this way.
          else if (cand && best >= options.nearMiss && acronym && (ordinaryNoun(cand.folded, cand.text) || voweless(cand, open[0]!.key))) {
            near = { word: cand, score: best };
          }
          if (satisfied && cand) explained.add(cand.start);
        }
        if (!checkable || satisfied) continue;
        // A listed name missing beside the listed form of a like-sounding name the source does
        // not have: one name put for another (Zambia → زيمبابوي, Zimbabwe; Austria → أستراليا).
        const swap = listedKey ? swappedName(listedKey) : undefined;
        if (swap) {
          swaps.push({ g, ...swap });
          continue;
        }
        // Only a clear name is reported missing: several words, or one capitalised mid-sentence,
        // that are not English words (Pelosi, not "Chambers"). Acronyms are left out unless the
        // glossary or the name list knows them: translators expand them (BST → بتوقيت بريطانيا
        // الصيفي), which no transliteration can confirm; a near miss (JNIM → جنون) still counts.
        // Words the name list knows (Friday → الجمعة, Scotland → اسكتلندا) confirm a name when
        // present but are not reported when absent: dates and places are often reworded.
        const names = open.filter(
          (t) =>
            !t.keyCaps && t.key.replace(/[^\p{L}]/gu, '').length >= 3 && !isEnglishWord(t.key) &&
            !known.has(t.key) && !GROUP_NOUN.test(t.key) &&
            // A name of vowels only (Waiau, Iowa) has no consonants to find it by.
            englishSkeleton(t.key).length > 0,
        );
        const strong = names.length > 0 && (names.length >= 2 || !g.initial);
        if (!near && !strong) continue;
        pending.push({ g, ...(near ? { near } : {}), ...(glossaryForms ? { glossaryForms } : {}) });
      }
      for (const { g, word, other } of swaps) {
        out.push({
          side: 'target',
          sentence: word.sentence,
          start: word.start,
          end: word.end,
          message: `"${word.text}" is ${other}, but the source has "${src.slice(g.start, g.end)}" here: one name was put for another.`,
        });
      }
      for (const { g, near, glossaryForms } of pending) {
        const name = src.slice(g.start, g.end);
        const suggestion = glossaryForms?.find((t) => t.status === 'preferred')?.text ?? glossaryForms?.[0]?.text;
        // A name the glossary rules on is the terminology check's business (as with calques): it
        // reports the glossary's translation missing, so the same error is not listed twice.
        if (near && !glossaryForms && !explained.has(near.word.start)) {
          out.push({
            side: 'target',
            sentence: near.word.sentence,
            start: near.word.start,
            end: near.word.end,
            message: `"${near.word.text}" stands where the source has the name "${name}", but it is not a transliteration of it: the name may have been rendered as an ordinary word.`,
            ...(suggestion ? { suggestion } : {}),
          });
        } else if (!glossaryForms) {
          // With a glossary entry, the terminology check already reports the missing translation.
          out.push({
            side: 'source',
            sentence: g.sentence,
            start: g.start,
            end: g.end,
            category: 'Accuracy/Omission',
            message: `The name "${name}" is not in the translation: no transliteration, known Arabic form or Latin spelling of it was found.`,
          });
        }
      }
      return out;
    };
    return (bead: BeadView): FindingDraft[] => {
      const found = missing(bead);
      if (bead.source.length === 0 || !options.addedAcronyms) return found;
      const added = addedAcronyms(srcNoDots, bead.source, doc.target, bead.target);
      return added.length ? [...found, ...added] : found;
    };
  },
});
