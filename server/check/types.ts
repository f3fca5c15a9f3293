// The contract every automatic check follows: one module, one id, one MQM category, a default
// severity, the languages it applies to, and its options (a zod schema, so a manifest typo is a
// clear error naming the field). A check is prepared once per document (compile patterns, scan
// the whole text, measure the document's own distributions) and then asked about each aligned
// bead; a check about the document as a whole answers once through `document`.
import type { z } from 'zod';
import type { Bead, Finding, Glossary, SegmentedText, Sentence, Severity, Side } from '../core/types.js';

export interface CheckDocument {
  source: SegmentedText;
  target: SegmentedText;
  alignment: Bead[];
  glossary?: Glossary;
}

/** One aligned bead with its sentences, as a check sees it. */
export interface BeadView {
  index: number;
  bead: Bead;
  source: Sentence[];
  target: Sentence[];
}

/** What a check returns; the engine fills in check id, category, severity and text. */
export type FindingDraft = Omit<Finding, 'check' | 'category' | 'severity' | 'text'> & {
  category?: string;
  severity?: Severity;
};

export interface Check<O = Record<string, unknown>> {
  id: string;
  /** MQM category the check proposes, e.g. "Terminology" or "Accuracy/Omission". */
  category: string;
  severity: Severity;
  /** Primary language subtags it applies to; absent means any. */
  languages?: { source?: string[]; target?: string[] };
  description: string;
  /** One example a reviewer recognises, for the README and the check list in the UI. */
  example?: string;
  /** Options with their defaults; `parse({})` must succeed. */
  options?: z.ZodType<O>;
  /** Bead-level findings. */
  prepare?(doc: CheckDocument, options: O): (bead: BeadView) => FindingDraft[];
  /**
   * Document-level findings (scope "document"). When such a check reports a problem, the
   * engine runs no bead-level check: their findings would only repeat it sentence by sentence.
   */
  document?(doc: CheckDocument, options: O): FindingDraft[];
}

/** Erases a check's option type so checks with different options share one registry. */
export function defineCheck<O>(check: Check<O>): Check {
  return check as unknown as Check;
}

export function primaryLang(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function sideText(doc: CheckDocument, side: Side): SegmentedText {
  return side === 'source' ? doc.source : doc.target;
}

/** The sentence of `sentences` that holds offset `start` (the first one when none does). */
export function sentenceOf(sentences: Sentence[], start: number): number {
  return sentences.find((s) => start >= s.start && start < s.end)?.index ?? sentences[0]!.index;
}

/** A draft's place: `length` characters at `at` in target sentence `s` (offsets into its text). */
export function inTarget(s: Sentence, at: number, length: number): Pick<FindingDraft, 'side' | 'sentence' | 'start' | 'end'> {
  return { side: 'target', sentence: s.index, start: s.start + at, end: s.start + at + length };
}
