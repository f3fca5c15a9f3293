// Sentences inside one paragraph: Intl.Segmenter, then a merge pass that undoes its known
// false splits (titles, initials, dotted acronyms, quotes followed by a reporting verb).
import type { Span } from '../core/types.js';
import { ARABIC_REPORTING_VERBS, ENGLISH_INLINE, ENGLISH_TITLES, SENTENCE_STARTERS } from './abbreviations.js';
import { trimSpan } from './paragraphs.js';

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

const LAST_WORD = /([\p{L}\p{N}.'’-]+)\.\s*[)\]"”’»]*\s*$/u;
const FIRST_WORD = /^\s*["“«(\[]?\s*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;

/** True when the break between `before` and `after` is a false split to undo. */
function shouldMerge(before: string, after: string): boolean {
  const tail = before.trimEnd();
  const firstMatch = FIRST_WORD.exec(after);
  const first = firstMatch?.[1] ?? '';
  const startsLower = /^\s*["“«(]?\s*\p{Ll}/u.test(after);
  const startsArabic = /^\s*["“«(]?\s*\p{Script=Arabic}/u.test(after);

  // A closing quote after ? or ! followed by a lower-case word or a verb of saying: "Why?" she asked.
  if (/[?!؟]\s*["”’»]$/u.test(tail) && (startsLower || ARABIC_REPORTING_VERBS.has(first))) return true;

  const m = LAST_WORD.exec(tail);
  if (!m || !tail.endsWith('.') && !/\.\s*[)\]"”’»]+$/u.test(tail)) return false;
  const word = m[1]!;
  const bare = word.replace(/^[-'’]+/u, '');

  if (ENGLISH_TITLES.has(bare)) return true;
  if (ENGLISH_INLINE.has(bare.toLowerCase())) return true;
  // A single capital initial: "George W. Bush", "J. R. R. Tolkien".
  if (/^\p{Lu}$/u.test(bare) && /^\s*\p{Lu}/u.test(after)) return true;
  // A lone Arabic letter abbreviation: د. (doctor), م. (engineer / AD), ص. (page).
  if (/^\p{Script=Arabic}$/u.test(bare)) return true;
  // Dotted acronyms (U.N., U.S., a.m.): merge unless the next word typically starts a sentence.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    if (startsArabic || startsLower) return true;
    return !SENTENCE_STARTERS.has(first);
  }
  return false;
}

/** Sentence spans (offsets into `text`) inside [start, end). */
export function splitSentences(text: string, start: number, end: number, lang: string): Span[] {
  const slice = text.slice(start, end);
  const raw: Span[] = [];
  for (const seg of segmenterFor(lang).segment(slice)) {
    const span = trimSpan(text, start + seg.index, start + seg.index + seg.segment.length);
    if (span) raw.push(span);
  }
  const out: Span[] = [];
  for (const span of raw) {
    const prev = out[out.length - 1];
    if (prev && shouldMerge(text.slice(prev.start, prev.end), text.slice(span.start, span.end))) {
      prev.end = span.end;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}
