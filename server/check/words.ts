// The words of each sentence with their folded keys, computed once per document side and
// shared by every check (each used to tokenise and fold the same sentences again).
import type { SegmentedText } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { eachWord, type Token } from '../text/tokens.js';

export interface Word extends Token {
  /** Folded match key (arabic.ts): no marks or tatweel, unified letters, Latin lower-cased. */
  folded: string;
  /** Index of its sentence. */
  sentence: number;
  /** Its position among the sentence's words. */
  k: number;
}

const cache = new WeakMap<SegmentedText, Word[][]>();

export function sentenceWords(side: SegmentedText, sentence: number): Word[] {
  let all = cache.get(side);
  if (!all) {
    const text = side.text;
    all = side.sentences.map((s) => {
      const out: Word[] = [];
      eachWord(text, s.start, s.end, (start, end) => {
        const w = text.slice(start, end);
        out.push({ text: w, start, end, folded: foldArabicKey(w), sentence: s.index, k: out.length });
      });
      return out;
    });
    cache.set(side, all);
  }
  return all[sentence] ?? [];
}
