// The words of each sentence with their folded keys, computed once per document side and
// shared by every check (each used to tokenise and fold the same sentences again).
import type { SegmentedText } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { memo } from '../text/memo.js';
import { eachWord, type Token } from '../text/tokens.js';

/**
 * What the checks have worked out about a word as written, shared by every occurrence of it in
 * every document: one cache lookup per word, then plain property reads (each check fills its own).
 */
export interface EnglishInfo {
  lower: string;
  nameSkeleton: string;
  skeletons: string[];
}

export interface WordInfo {
  folded: string;
  english?: EnglishInfo | null;
  calque?: { skeletons: string[] };
  /** English singular candidates (calque): juntas → juntas, junta. */
  forms?: string[];
  nameSkeletons?: string[];
  negation?: boolean;
  numberWord?: boolean;
}

// Keyed by the word as written, so a word costs one cache lookup (its fold included).
const infoOf = memo((text: string): WordInfo => ({ folded: foldArabicKey(text) }));

export interface Word extends Token {
  /** Folded match key (arabic.ts): no marks or tatweel, unified letters, Latin lower-cased. */
  folded: string;
  info: WordInfo;
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
        const info = infoOf(w);
        out.push({ text: w, start, end, folded: info.folded, info, sentence: s.index, k: out.length });
      });
      return out;
    });
    cache.set(side, all);
  }
  return all[sentence] ?? [];
}
