// Segmentation stage: original text → paragraphs → sentences, all with offsets into the original.
import type { SegmentedText, Sentence } from '../core/types.js';
import { splitParagraphs, type ParagraphMode } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export interface SegmentOptions {
  paragraphs?: ParagraphMode;
  /** One sentence per paragraph (pre-segmented input). */
  preSegmented?: boolean;
}

export function segment(text: string, lang: string, options: SegmentOptions = {}): SegmentedText {
  const paragraphs = splitParagraphs(text, options.paragraphs ?? 'auto');
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    const spans = options.preSegmented ? [p] : splitSentences(text, p.start, p.end, lang);
    for (const s of spans) {
      sentences.push({ index: sentences.length, paragraph: p.index, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
  }
  return { lang, text, paragraphs, sentences };
}
