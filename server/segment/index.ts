// Segmentation stage: original text → paragraphs → sentences, all with offsets into the original.
import type { SegmentedText, Sentence } from '../core/types.js';
import { splitParagraphs, trimSpan, type ParagraphMode } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export interface SegmentOptions {
  paragraphs?: ParagraphMode;
  /** One sentence per paragraph (pre-segmented input). */
  preSegmented?: boolean;
  /** One sentence per non-empty line inside each paragraph (imported segments, one a line). */
  lines?: boolean;
}

function lineSpans(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      const span = trimSpan(text, from, i);
      if (span) out.push(span);
      from = i + 1;
    }
  }
  return out;
}

export function segment(text: string, lang: string, options: SegmentOptions = {}): SegmentedText {
  const paragraphs = splitParagraphs(text, options.paragraphs ?? 'auto');
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    const spans = options.lines ? lineSpans(text, p.start, p.end) : options.preSegmented ? [p] : splitSentences(text, p.start, p.end, lang);
    for (const s of spans) {
      sentences.push({ index: sentences.length, paragraph: p.index, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
  }
  return { lang, text, paragraphs, sentences };
}
