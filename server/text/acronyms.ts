// English acronyms spelled out letter by letter in Arabic script: BBC → بي بي سي, FBI → إف بي
// آي. Returns a pattern over FOLDED Arabic text (arabic.ts) with optional spaces between letters.
import { WORD_END, WORD_START } from './arabic.js';
import { memo } from './memo.js';

const LETTER_NAMES: Record<string, string[]> = {
  A: ['اي', 'ايه', 'ا'], B: ['بي'], C: ['سي'], D: ['دي'], E: ['اي', 'ي'], F: ['اف'], G: ['جي'],
  H: ['اتش', 'اش', 'ايتش'], I: ['اي', 'اى'], J: ['جي', 'جيه', 'جاي'], K: ['كي', 'كيه', 'كاي'],
  L: ['ال', 'ل'], M: ['ام', 'م'], N: ['ان', 'ن'], O: ['او', 'و'], P: ['بي'], Q: ['كيو'], R: ['ار', 'ر'],
  S: ['اس', 'س'], T: ['تي'], U: ['يو'], V: ['في'], W: ['دبليو', 'دبل يو'], X: ['اكس'], Y: ['واي'], Z: ['زد', 'زي'],
};

/** Pattern (flags u) for the letter-by-letter spelling of an acronym, or null if it has no letters. */
export const spelledAcronymPattern: (acronym: string) => RegExp | null = memo(pattern, 10_000);

function pattern(acronym: string): RegExp | null {
  const letters = acronym.toUpperCase().replace(/[^A-Z]/g, '');
  if (letters.length < 2) return null;
  const parts = [...letters].map((l) => `(?:${LETTER_NAMES[l]!.join('|')})`);
  return new RegExp(`${WORD_START}(?:[وبل]|ال|لل)?${parts.join('\\s*')}${WORD_END}`, 'u');
}
