// Paragraphs: blocks separated by blank lines; or, for text with no blank line at all (one
// segment per line, as exported from CAT tools), one paragraph per line.
import type { Paragraph } from '../core/types.js';

export type ParagraphMode = 'auto' | 'blank-line' | 'line';

const BLANK_LINE = /\r?\n[ \t\u00A0\u200E\u200F]*\r?\n/u;

export function splitParagraphs(text: string, mode: ParagraphMode = 'auto'): Paragraph[] {
  const byBlank = mode === 'blank-line' || (mode === 'auto' && BLANK_LINE.test(text));
  const separator = byBlank ? /(?:\r?\n[ \t\u00A0\u200E\u200F]*){2,}/gu : /\r?\n/gu;
  const out: Paragraph[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const span = trimSpan(text, start, end);
    if (span) out.push({ index: out.length, ...span });
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Shrinks [start, end) to exclude surrounding whitespace and invisible marks; null if empty. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  const invisible = /[\s\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u;
  while (start < end && invisible.test(text[start]!)) start++;
  while (end > start && invisible.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
