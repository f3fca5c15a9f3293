// Is this an ordinary English word? The word-list package (SCOWL, ~275,000 lower-case words, no
// proper names) tells a capitalised common word in a headline or a title ("Chambers", "Game of
// Thrones") from a name (Pelosi, Kavanaugh). Loaded once, on first use (about 0.1 s).
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { memo } from './memo.js';

let words: Set<string> | undefined;

export const isEnglishWord: (word: string) => boolean = memo(lookup, 50_000);

function lookup(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
    } catch {
      words = new Set();
    }
  }
  const w = word.toLowerCase().replace(/['’]s?$/u, '');
  return words.has(w) || (w.endsWith('s') && words.has(w.slice(0, -1)));
}
