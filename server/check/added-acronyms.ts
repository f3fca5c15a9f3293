// A Latin acronym in the translation that the source never writes: "بنك التنمية الآسيوي (ADB)"
// where the English has the Asian Infrastructure Investment Bank (AIIB). MT systems swap one
// organisation for a better-known one and keep its acronym. An acronym of the names beside it
// (Consumer Energy Alliance → CEA) is the same name, so it is let through. Part of the names check.
import type { SegmentedText, Sentence } from '../core/types.js';
import { wholeWordPattern } from '../text/english.js';
import { inTarget, type FindingDraft } from './types.js';

const ACRONYM = /(?<![\p{L}\p{N}])[\p{Lu}][\p{Lu}\p{N}]*[\p{Lu}](?![\p{L}\p{N}])/gu;
const FUNCTION_WORDS = /^(?:of|and|for|the|on|in|de|du|des|la|le|et|al)$/u;

/** First letters of the capitalised words of `text`, function words left out. */
function initials(text: string): string {
  return (text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .filter((w) => !FUNCTION_WORDS.test(w))
    .map((w) => (/^[\p{Lu}]/u.test(w) ? w[0]! : ' '))
    .join('');
}

/**
 * Findings for acronyms in the `target` sentences that occur nowhere in the source document
 * (`sourceText`, with its full stops removed so U.N. reads UN; any case, so Covid is COVID) and
 * are not the initials of capitalised words in the aligned `source` sentences.
 */
export function addedAcronyms(sourceText: string, source: Sentence[], target: SegmentedText, sentences: Sentence[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const s of sentences) {
    if (!/[A-Z]{2}/u.test(s.text)) continue;
    for (const m of s.text.matchAll(ACRONYM)) {
      const acronym = m[0];
      if (wholeWordPattern(acronym).test(sourceText)) continue;
      if (source.some((x) => initials(x.text).includes(acronym))) continue;
      out.push({
        ...inTarget(s, m.index, acronym.length),
        message: `"${acronym}" is not in the source, nor the initials of a name there: check that this is the organisation or name the source means.`,
      });
    }
  }
  return out;
}
