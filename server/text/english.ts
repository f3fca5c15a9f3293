// English term patterns: word boundaries, flexible hyphens and spaces, plural and possessive
// on the last word (junta → juntas, Mali → Mali's, device → devices, party → parties).

import { memo } from './memo.js';

const BOUNDARY_START = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}])';

/** Escapes a word for a pattern; a straight or curly apostrophe matches either. */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
}

/** Acronyms (MINUSMA, JNIM, U.N., UN) must match case-sensitively; other terms ignore case. */
export function isAcronym(term: string): boolean {
  const letters = term.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /^[\p{Lu}.\-&]+$/u.test(term);
}

function lastWordPattern(word: string): string {
  const inflect = "(?:['’]s|s['’]?|es)?";
  if (/[^aeiou]y$/i.test(word)) {
    return `${escapeRegex(word.slice(0, -1))}(?:y(?:['’]s)?|ies['’]?)`;
  }
  if (/\.$/.test(word)) return `${escapeRegex(word)}(?:['’]s)?`; // U.N.'s
  return `${escapeRegex(word)}${inflect}`;
}

/** A regular expression (flags gu, plus i unless an acronym) finding `term` in English text. */
export function englishTermRegex(term: string): RegExp {
  const words = term
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean);
  if (words.length === 0) throw new Error('empty term');
  const parts = words.map((w, i) => (i === words.length - 1 ? lastWordPattern(w) : escapeRegex(w)));
  const flags = isAcronym(term) ? 'gu' : 'giu';
  // The last word may end in a dot (U.N.): no boundary is needed after punctuation.
  const end = /[\p{L}\p{N}]$/u.test(words[words.length - 1]!) ? BOUNDARY_END : '';
  return new RegExp(`${BOUNDARY_START}${parts.join('[\\s\\-]+')}${end}`, flags);
}

/** A word or phrase as a whole word in any case ("spoiled", "ADB"), built once per text. */
export const wholeWordPattern = memo((text: string) => new RegExp(`${BOUNDARY_START}${escapeRegex(text)}${BOUNDARY_END}`, 'iu'));
