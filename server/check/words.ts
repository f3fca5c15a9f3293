// The words of each sentence with their folded keys, computed once per document side and
// shared by every check (each used to tokenise and fold the same sentences again).
import type { SegmentedText } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { words, type Token } from '../text/tokens.js';

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
    all = side.sentences.map((s) => words(side.text, s.start, s.end).map((w, k) => ({ ...w, folded: foldArabicKey(w.text), sentence: s.index, k })));
    cache.set(side, all);
  }
  return all[sentence] ?? [];
}
