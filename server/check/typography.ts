// Typography of Arabic targets: Latin , ; ? where ، ؛ ؟ belong; brackets and quotes left open
// (judged per paragraph, and only when the aligned source closes its own, since a quotation
// may run over several paragraphs); a word written twice; double spaces; tatweel (kashida);
// Latin letters glued to an Arabic word; Persian ی ک where Arabic ي ك belong.
import { z } from 'zod';
import type { Sentence } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { GLUED } from './names.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { sentenceWords } from './words.js';
import { defineCheck } from './types.js';

const RULES = ['latinPunctuation', 'brackets', 'quotes', 'doubledWords', 'doubleSpaces', 'missingSpaces', 'tatweel', 'mixedScript', 'persianLetters'] as const;
type Rule = (typeof RULES)[number];

const Options = z
  .object({
    /** Rules to leave out, e.g. ["doubleSpaces"]. */
    disable: z.array(z.enum(RULES)).default([]),
    /** Words that may be doubled on purpose (Arabic emphasis), e.g. ["جدا"]. */
    allowDoubled: z.array(z.string().min(1)).default([]),
  })
  .strict();
type Options = z.infer<typeof Options>;

const PUNCT: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/u;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '«': '»' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Arabic names of Latin letters: بي بي سي (BBC) and سي إن إن (CNN) repeat them on purpose. */
const LETTER_NAMES = new Set(['بي', 'سي', 'دي', 'اي', 'اف', 'جي', 'اتش', 'كي', 'ال', 'ام', 'ان', 'او', 'تي', 'يو', 'اس', 'ار', 'زد', 'واي', 'اكس', 'دبليو', 'كيو'].map(foldArabicKey));

interface Draft extends FindingDraft {
  rule: Rule;
}

/** Unbalanced brackets and quotes in text[from, to): offsets of the offending characters. */
export function unbalanced(text: string, from: number, to: number): Array<{ at: number; kind: 'bracket' | 'quote' }> {
  const out: Array<{ at: number; kind: 'bracket' | 'quote' }> = [];
  const stack: Array<{ ch: string; at: number }> = [];
  const quotes: number[] = [];
  // Whole documents pass through here (a one-segment-a-line file is one paragraph): test the
  // code unit before looking anything up.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x22 || (c > 0x29 && c < 0x5b) || (c > 0x5d && c < 0x7b) || (c > 0x7d && c < 0xab) || (c > 0xbb && c < 0x201c) || c > 0x201f) continue;
    const ch = text[i]!;
    if (ch in PAIRS) stack.push({ ch, at: i });
    else if (CLOSERS.has(ch)) {
      const open = CLOSERS.get(ch)!;
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.ch !== open) k--;
      if (k < 0) out.push({ at: i, kind: ch === '»' ? 'quote' : 'bracket' });
      else stack.length = k;
    } else if (ch === '“' || ch === '”' || ch === '"' || ch === '„' || ch === '‟') quotes.push(i);
  }
  for (const s of stack) out.push({ at: s.at, kind: s.ch === '«' ? 'quote' : 'bracket' });
  // Arabic text uses “ ” and " in either order and mixes them (keyboard and typesetter habits
  // differ), so only the count of double quotation marks can be judged.
  if (quotes.length % 2) out.push({ at: quotes[quotes.length - 1]!, kind: 'quote' });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Whether English text[from, to) opens more double quotations than it closes, or closes more,
 * telling " by its place: after a space and before a word it opens, after a word and before a
 * space or a stop it closes. A quotation that goes on into the next paragraph opens here again
 * without closing ("… to the person, "You may think I am sad …), so two marks can both be
 * openers; the count alone would call that even. Undecided with any mark of unclear place.
 */
export function openedNotClosed(text: string, from: number, to: number): boolean {
  let open = 0;
  let close = 0;
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) {
    const before = i > from ? text[i - 1]! : ' ';
    const after = i + 1 < to ? text[i + 1]! : ' ';
    const opens = /[\s([{\u2014\u2013/-]/u.test(before) && !/\s/u.test(after);
    const closes = !/\s/u.test(before) && /[\s.,;:!?)\]}\u2014\u2013-]/u.test(after);
    if (opens === closes) return false;
    if (opens) open++;
    else close++;
  }
  open += text.slice(from, to).split('“').length - 1;
  close += text.slice(from, to).split('”').length - 1;
  return open !== close;
}

/** The sentence holding offset `at`, by binary search (sentences are in text order). */
function sentenceAtOffset(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export const typography = defineCheck<Options>({
  id: 'typography',
  category: 'Linguistic conventions/Punctuation',
  severity: 'minor',
  languages: { target: ['ar'] },
  description: 'Arabic typography: Latin , ; ? for ، ؛ ؟, unbalanced brackets and quotes, doubled words, double spaces, tatweel, Latin letters inside Arabic words, Persian ی ک.',
  example: '"هل غادرت البعثة?" → use ؟ after Arabic text.',
  options: Options,
  prepare(doc: CheckDocument, options: Options) {
    const tgt = doc.target.text;
    const src = doc.source.text;
    const on = (r: Rule) => !options.disable.includes(r);
    const allowDoubled = new Set(options.allowDoubled.map(foldArabicKey));

    // Brackets and quotes per target paragraph, excused when the aligned source is unbalanced too.
    const pairing = new Map<number, Draft[]>(); // target sentence index → drafts
    if (on('brackets') || on('quotes')) {
      const beadOfTarget = new Map<number, number>();
      doc.alignment.forEach((b, k) => b.target.forEach((t) => beadOfTarget.set(t, k)));
      for (const p of doc.target.paragraphs) {
        if (!/[()[\]{}«»“”"„‟]/u.test(tgt.slice(p.start, p.end))) continue;
        const bad = unbalanced(tgt, p.start, p.end);
        if (bad.length === 0) continue;
        const sents = doc.target.sentences.filter((s) => s.paragraph === p.index);
        const srcIdx = new Set(sents.flatMap((s) => doc.alignment[beadOfTarget.get(s.index) ?? -1]?.source ?? []));
        const srcSents = [...srcIdx].sort((a, b) => a - b).map((i) => doc.source.sentences[i]!);
        // The source's own paragraphs around those sentences.
        const srcParas = new Set(srcSents.map((s) => s.paragraph));
        const srcBad = [...srcParas].flatMap((pi) => {
          const sp = doc.source.paragraphs[pi]!;
          const own = unbalanced(src, sp.start, sp.end);
          // English single quotation marks ('…' or ‘…’) become double ones in Arabic; an
          // apostrophe between letters (don't, Mali's) is not one.
          const singles = [...src.slice(sp.start, sp.end).matchAll(/(?<![\p{L}])['‘]|['’](?![\p{L}])/gu)].length;
          return singles % 2 || openedNotClosed(src, sp.start, sp.end) ? [...own, { at: sp.start, kind: 'quote' as const }] : own;
        });
        for (const b of bad) {
          if (srcBad.some((x) => x.kind === b.kind)) continue;
          const rule: Rule = b.kind === 'quote' ? 'quotes' : 'brackets';
          if (!on(rule)) continue;
          const s = sentenceAtOffset(sents, b.at);
          if (!s) continue;
          const list = pairing.get(s.index) ?? [];
          list.push({
            rule,
            side: 'target',
            sentence: s.index,
            start: b.at,
            end: b.at + 1,
            message: b.kind === 'quote' ? `Quotation mark ${tgt[b.at]} is not closed or not opened in this paragraph.` : `Bracket ${tgt[b.at]} has no partner in this paragraph.`,
          });
          pairing.set(s.index, list);
        }
      }
    }

    const sentenceDrafts = (s: Sentence): Draft[] => {
      const out: Draft[] = [];
      {
        const text = tgt.slice(s.start, s.end);
        const at = (i: number) => s.start + i;
        if (on('latinPunctuation') && /[,;?]/u.test(text)) {
          for (const m of text.matchAll(/[,;?]/gu)) {
            const i = m.index;
            const before = text.slice(0, i).replace(/[\s"'“”«»)\]]+$/u, '');
            const after = text.slice(i + 1).replace(/^[\s"'“”«»(\[]+/u, '');
            const prev = before.at(-1) ?? '';
            const next = after[0] ?? '';
            if (m[0] === ',' && /\d/u.test(prev) && /^\d/u.test(text.slice(i + 1))) continue; // 15,000
            if (!ARABIC_LETTER.test(prev) && !(m[0] !== '?' && ARABIC_LETTER.test(next) && !/[A-Za-z0-9]/u.test(prev))) continue;
            out.push({
              rule: 'latinPunctuation',
              side: 'target',
              sentence: s.index,
              start: at(i),
              end: at(i) + 1,
              message: `Latin "${m[0]}" in Arabic text; Arabic uses "${PUNCT[m[0]]}".`,
              suggestion: PUNCT[m[0]]!,
            });
          }
        }
        if (on('doubleSpaces') && text.includes('  ')) {
          for (const m of text.matchAll(/[ \u00A0]{2,}/gu)) {
            out.push({ rule: 'doubleSpaces', side: 'target', sentence: s.index, start: at(m.index), end: at(m.index) + m[0].length, message: 'Several spaces in a row.', suggestion: ' ' });
          }
        }
        if (on('missingSpaces') && /[\u0621-\u064A\u064B-\u0652\u0640]{18}/u.test(text)) {
          // No Arabic word is this long: the spaces between several words were lost.
          // One finding per sentence: a text that lost its spaces would otherwise flag every word.
          const runs = [...text.matchAll(/[\u0621-\u064A\u064B-\u0652\u0640]{18,}/gu)].filter((m) => foldArabicKey(m[0]).length >= GLUED);
          for (const m of runs.slice(0, 1)) {
            out.push({
              rule: 'missingSpaces',
              side: 'target',
              sentence: s.index,
              start: at(m.index),
              end: at(m.index) + m[0].length,
              message: `Several words run together here${runs.length > 1 ? ` (and in ${runs.length - 1} more place${runs.length > 2 ? 's' : ''} in this sentence)` : ''}: the spaces between them are missing.`,
            });
          }
        }
        if (on('tatweel') && text.includes('\u0640')) {
          // A tatweel between letters stretches a word (الخنـتة); after a lone clitic before a
          // quotation, a digit or Latin text (بـ"هل"، الـ2020) it is the accepted way to attach it.
          for (const m of text.matchAll(/(?<=[\u0621-\u064A])\u0640+(?=[\u0621-\u063F\u0641-\u064A])/gu)) {
            // Span the whole word so the reviewer sees it; the suggestion is the word without it.
            const ws = text.lastIndexOf(' ', m.index) + 1;
            const we = text.slice(m.index).search(/[\s،؛؟.,!?:]/u);
            const end = we < 0 ? text.length : m.index + we;
            const word = text.slice(ws, end);
            out.push({
              rule: 'tatweel',
              side: 'target',
              sentence: s.index,
              start: at(ws),
              end: at(end),
              category: 'Linguistic conventions/Spelling',
              message: 'Tatweel (kashida) stretches this word; body text does not use it.',
              suggestion: word.replace(/\u0640/gu, ''),
            });
          }
        }
        if (on('mixedScript') && /[A-Za-z\u06CC\u06A9]/u.test(text)) {
          for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
            const w = m[0];
            if (/[\p{Script=Arabic}]/u.test(w) && /[\p{Script=Latin}]/u.test(w)) {
              // One or two stray Latin letters inside an Arabic word (a typing slip); a whole Latin
              // word glued to Arabic is a missing space.
              const latinRuns = w.match(/[\p{Script=Latin}]+/gu) ?? [];
              const stray = latinRuns.some((r) => r.length <= 2);
              out.push({
                rule: 'mixedScript',
                side: 'target',
                sentence: s.index,
                start: at(m.index),
                end: at(m.index) + w.length,
                category: stray ? 'Linguistic conventions/Spelling' : 'Linguistic conventions/Punctuation',
                message: stray ? 'Stray Latin letters inside an Arabic word.' : 'A Latin word is glued to Arabic: a space is missing.',
              });
            } else if (on('persianLetters') && /[\u06CC\u06A9]/u.test(w) && /[\u0621-\u064A]/u.test(w)) {
              out.push({
                rule: 'persianLetters',
                side: 'target',
                sentence: s.index,
                start: at(m.index),
                end: at(m.index) + w.length,
                category: 'Linguistic conventions/Spelling',
                message: 'Persian ی or ک in an Arabic word; Arabic writes ي and ك.',
                suggestion: w.replace(/\u06CC/gu, 'ي').replace(/\u06A9/gu, 'ك'),
              });
            }
          }
        }
        if (on('doubledWords')) {
          const ws = sentenceWords(doc.target, s.index);
          for (let k = 1; k < ws.length; k++) {
            const a = ws[k - 1]!;
            const b = ws[k]!;
            if (a.folded !== b.folded || allowDoubled.has(b.folded) || LETTER_NAMES.has(b.folded) || !/^[\u0621-\u064A]+$/u.test(b.folded)) continue;
            // Only whitespace between the two: "في في", not "قال: قال".
            if (!/^\s+$/u.test(tgt.slice(a.end, b.start))) continue;
            out.push({
              rule: 'doubledWords',
              side: 'target',
              sentence: s.index,
              start: a.start,
              end: b.end,
              category: 'Linguistic conventions/Grammar',
              message: `"${b.text}" is written twice.`,
              suggestion: b.text,
            });
          }
        }
        for (const d of pairing.get(s.index) ?? []) out.push(d);
      }
      return out;
    };

    // Spacing damage is usually systematic (a text that lost its spaces, or got doubled ones,
    // in an export): from three places in a document on, one finding stands for them all.
    const all = doc.target.sentences.flatMap(sentenceDrafts);
    const bySentence = new Map<number, Draft[]>();
    const spacing = (d: Draft) => d.rule === 'doubleSpaces' || d.rule === 'missingSpaces' || (d.rule === 'mixedScript' && d.category === 'Linguistic conventions/Punctuation');
    const systematic = all.filter(spacing);
    const keep = (d: Draft) => !spacing(d) || systematic.length < SYSTEMATIC || d === systematic[0];
    for (const d of all) {
      if (!keep(d)) continue;
      if (spacing(d) && systematic.length >= SYSTEMATIC) {
        d.message += ` The spacing of this translation is damaged in ${systematic.length} places (missing or doubled spaces); only the first is listed.`;
      }
      bySentence.set(d.sentence, [...(bySentence.get(d.sentence) ?? []), d]);
    }
    return (bead: BeadView): FindingDraft[] =>
      bead.target.flatMap((s) => bySentence.get(s.index) ?? []).map(({ rule: _rule, ...d }) => d);
  },
});

/** From this many spacing problems in one document, they are reported as one. */
const SYSTEMATIC = 3;
