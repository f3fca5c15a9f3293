// Glossary terminology: a forbidden (deprecated or superseded) target term is an error wherever
// it appears; a source term whose glossary translation is missing from the aligned target is
// flagged on the source side; an admitted term is flagged where the same document also uses the
// preferred one (two words for one concept). Arabic matching folds letters and tolerates clitics
// (والخنتة، للخنتة); English matching tolerates plurals and possessives (juntas, Mali's).
import type { GlossaryEntry, Sentence, Term } from '../core/types.js';
import { foldArabic, foldArabicKey } from '../text/arabic.js';
import { arabicTermRegex, isSoundPlural } from '../text/clitics.js';
import { englishTermRegex } from '../text/english.js';
import { originalSpan, type Folded } from '../text/fold.js';
import { arabicSkeleton } from '../text/skeleton.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck, primaryLang, sentenceOf } from './types.js';

interface Occurrence {
  start: number;
  end: number;
  term: Term;
}

const ARABIC_SCRIPT = /[\p{Script=Arabic}]/u;

/**
 * A literal every match of the term contains, and how far after the match's start it can sit:
 * the first word less its article and last letter, or less a plural's ون/ين (Arabic, after a
 * proclitic chain of up to four letters: وبال), or the first word up to an apostrophe less its
 * last letter (English, at the start). Null when too short to help.
 */
function anchorOf(term: Term): { literal: string; lead: number } | null {
  if (ARABIC_SCRIPT.test(term.text)) {
    const w = foldArabicKey(term.text).trim().split(/\s+/u)[0] ?? '';
    const stem = w.startsWith('ال') && w.length > 2 ? w.slice(2) : w;
    // A sound plural's ن goes in the construct state (المتمردين → متمردو): the anchor stops before it.
    const literal = isSoundPlural(stem) ? stem.slice(0, -2) : stem.slice(0, -1);
    return literal.length >= 2 ? { literal, lead: 4 } : null;
  }
  const first = term.text.trim().split(/[\s-]+/u)[0] ?? '';
  const literal = (first.split(/['’]/u)[0] ?? '').slice(0, -1).toLowerCase();
  return literal.length >= 2 ? { literal, lead: 0 } : null;
}

/**
 * Every match of `re` in `text`, as String.matchAll gives them, but the regular expression is
 * only tried just before each occurrence of the anchor's literal in `haystack` (the same text,
 * folded or lower-cased, offset for offset). Term patterns open with a look-behind and optional
 * clitics, which the regex engine cannot skip ahead on; a substring search can.
 */
function matchesNear(text: string, haystack: string, anchor: { literal: string; lead: number } | null, re: RegExp): Array<{ index: number; length: number }> {
  if (!anchor || haystack.length !== text.length) return [...text.matchAll(re)].map((m) => ({ index: m.index, length: m[0].length }));
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
  const out: Array<{ index: number; length: number }> = [];
  let pos = 0;
  let hit = haystack.indexOf(anchor.literal, pos);
  while (hit >= 0) {
    let next = hit + 1;
    for (let st = Math.max(pos, hit - anchor.lead); st <= hit; st++) {
      sticky.lastIndex = st;
      const m = sticky.exec(text);
      if (m) {
        out.push({ index: st, length: m[0].length });
        pos = next = st + Math.max(1, m[0].length);
        break;
      }
    }
    hit = haystack.indexOf(anchor.literal, next);
  }
  return out;
}

/** Finds every occurrence of `terms` in `text`; Arabic terms are matched on a folded copy. */
function findAll(text: string, lower: () => string, folded: () => Folded, terms: Term[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const term of terms) {
    const anchor = anchorOf(term);
    if (ARABIC_SCRIPT.test(term.text)) {
      const f = folded();
      if (anchor && !f.text.includes(anchor.literal)) continue;
      for (const m of matchesNear(f.text, f.text, anchor, arabicTermRegex(term.text))) {
        out.push({ ...originalSpan(f, m.index, m.index + m.length), term });
      }
    } else {
      if (anchor && !lower().includes(anchor.literal)) continue;
      for (const m of matchesNear(text, lower(), anchor, englishTermRegex(term.text))) {
        out.push({ start: m.index, end: m.index + m.length, term });
      }
    }
  }
  // Longest first at the same place, so "military junta" wins over "junta".
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((o, i) => i === 0 || !(o.start >= out[i - 1]!.start && o.end <= out[i - 1]!.end));
}

/** Occurrences grouped by the sentence that holds them whole (one crossing a boundary is in none). */
function bySentence(occ: Occurrence[], sentences: readonly Sentence[]): Map<number, Occurrence[]> {
  const out = new Map<number, Occurrence[]>();
  for (const o of occ) {
    // Sentences are in text order: binary search for the last one starting at or before o.
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= o.start) lo = mid;
      else hi = mid - 1;
    }
    const s = sentences[lo];
    if (!s || o.start < s.start || o.end > s.end) continue;
    const list = out.get(s.index);
    if (list) list.push(o);
    else out.set(s.index, [o]);
  }
  return out;
}

const NONE: readonly Occurrence[] = [];

// Looking occurrences up by sentence keeps a bead's cost independent of the document's length.
// Most beads hold no term: they get the shared empty list, not new arrays per glossary entry.
function inSentences(occ: Map<number, Occurrence[]>, sentences: Sentence[]): readonly Occurrence[] {
  if (occ.size === 0) return NONE;
  return sentences.length === 1 ? (occ.get(sentences[0]!.index) ?? NONE) : sentences.flatMap((s) => occ.get(s.index) ?? []);
}

const isForbidden = (t: Term) => t.status === 'deprecated' || t.status === 'superseded';

/** A term's words as comparable keys: Arabic consonant skeletons without the article, else lower case. */
function wordKeys(text: string): string[] {
  return text
    .trim()
    .split(/\s+/u)
    .map((w) => (ARABIC_SCRIPT.test(w) ? arabicSkeleton(foldArabicKey(w).replace(/^ال(?=..)/u, '')) : w.toLowerCase().slice(0, 5)))
    .filter(Boolean);
}

/**
 * Whether two allowed terms are forms of one word rather than two words: the head of one is a
 * word of the other (قافلة/قوافل share ق ف ل; حفظة السلام/قوات حفظ السلام share حفظ). Glossaries
 * list plurals and phrasings as admitted; only a second head word (المجلس/الطغمة) is two terms.
 */
function variantOf(a: string, b: string): boolean {
  const ka = wordKeys(a);
  const kb = wordKeys(b);
  return (ka[0] !== undefined && kb.includes(ka[0])) || (kb[0] !== undefined && ka.includes(kb[0]));
}

export const terminology = defineCheck({
  id: 'terminology',
  category: 'Terminology',
  severity: 'major',
  description: 'Forbidden glossary terms in the target; glossary translations missing from the aligned target; an admitted term where the same document also uses the preferred one.',
  example: 'الخنتة is deprecated in the glossary for "junta": use المجلس العسكري.',
  prepare(doc: CheckDocument) {
    const entries: GlossaryEntry[] = doc.glossary?.entries ?? [];
    const srcLang = primaryLang(doc.source.lang);
    const tgtLang = primaryLang(doc.target.lang);
    let srcFold: Folded | undefined;
    let tgtFold: Folded | undefined;
    const srcFolded = () => (srcFold ??= foldArabic(doc.source.text));
    const tgtFolded = () => (tgtFold ??= foldArabic(doc.target.text));
    let srcLow: string | undefined;
    let tgtLow: string | undefined;
    const srcLower = () => (srcLow ??= doc.source.text.toLowerCase());
    const tgtLower = () => (tgtLow ??= doc.target.text.toLowerCase());

    // Scan the whole text once per term; beads then only filter by offset.
    const prepared = entries
      .map((entry) => {
        const src = entry.terms.filter((t) => primaryLang(t.lang) === srcLang);
        const tgt = entry.terms.filter((t) => primaryLang(t.lang) === tgtLang);
        if (tgt.length === 0) return null;
        const preferred = tgt.find((t) => t.status === 'preferred') ?? tgt.find((t) => !isForbidden(t));
        const tgtOcc = bySentence(findAll(doc.target.text, tgtLower, tgtFolded, tgt), doc.target.sentences);
        // Which preferred term the translation itself uses somewhere: an admitted one elsewhere in
        // the same document is then an inconsistency (one concept, two words for the reader).
        let used: Term | undefined;
        for (const list of tgtOcc.values()) used ??= list.find((o) => o.term.status === 'preferred')?.term;
        const concept = src[0]?.text;
        const mixed = used
          ? new Map(
              tgt
                .filter((t) => t.status === 'admitted' && !variantOf(t.text, used!.text))
                .map((t) => [t, `"${t.text}" (admitted) and "${used!.text}" (preferred) both translate ${concept ? `"${concept}"` : 'one glossary concept'} in this document: use one term throughout.`]),
            )
          : null;
        return {
          entry,
          preferred,
          usedPreferred: used,
          mixed,
          srcOcc: bySentence(findAll(doc.source.text, srcLower, srcFolded, src), doc.source.sentences),
          tgtOcc,
        };
      })
      .filter((p) => p !== null);

    return (bead: BeadView): FindingDraft[] => {
      const findings: FindingDraft[] = [];
      for (const p of prepared) {
        const tgtHere = inSentences(p.tgtOcc, bead.target);
        const forbidden = tgtHere.length ? tgtHere.filter((o) => isForbidden(o.term)) : NONE;
        for (const o of forbidden) {
          const suggestion = p.preferred?.text;
          findings.push({
            side: 'target',
            sentence: sentenceOf(bead.target, o.start),
            start: o.start,
            end: o.end,
            severity: o.term.status === 'deprecated' ? 'major' : 'minor',
            message:
              `"${o.term.text}" is ${o.term.status === 'deprecated' ? 'a forbidden' : 'an outdated'} term in the glossary` +
              (o.term.note ? ` (${o.term.note.trim().replace(/[.。]+$/u, '')})` : '') +
              (suggestion ? `; use "${suggestion}".` : '.'),
            ...(suggestion ? { suggestion } : {}),
          });
        }
        if (p.mixed?.size) {
          for (const o of tgtHere) {
            const message = p.mixed.get(o.term);
            if (!message) continue;
            findings.push({ side: 'target', sentence: sentenceOf(bead.target, o.start), start: o.start, end: o.end, severity: 'minor', message, suggestion: p.usedPreferred!.text });
          }
        }
        if (bead.target.length === 0 || forbidden.length > 0) continue;
        const srcHere = inSentences(p.srcOcc, bead.source);
        if (srcHere.length === 0 || !p.preferred) continue;
        if (tgtHere.some((o) => !isForbidden(o.term))) continue;
        const first = srcHere[0]!;
        const allowed = p.entry.terms.filter((t) => primaryLang(t.lang) === tgtLang && !isForbidden(t)).map((t) => `"${t.text}"`);
        findings.push({
          side: 'source',
          sentence: sentenceOf(bead.source, first.start),
          start: first.start,
          end: first.end,
          severity: 'minor',
          message: `"${doc.source.text.slice(first.start, first.end)}" should be translated as ${allowed.join(' or ')} (glossary); none of them is in the aligned translation.`,
          suggestion: p.preferred.text,
        });
      }
      return findings;
    };
  },
});
