// The pipeline in one call: segment → align → check. Scoring and reports take its result.
import { align } from './align/index.js';
import { alignLines } from './align/lines.js';
import { runChecks } from './check/index.js';
import type { Bead, DocumentPair, Finding, SegmentedText } from './core/types.js';
import { segment } from './segment/index.js';

export interface ProcessedDocument {
  pair: DocumentPair;
  source: SegmentedText;
  target: SegmentedText;
  alignment: Bead[];
  findings: Finding[];
}

export interface ProcessOptions {
  /** A reviewer-corrected alignment to use instead of the automatic one. */
  alignment?: Bead[];
}

export function processDocument(pair: DocumentPair, options: ProcessOptions = {}): ProcessedDocument {
  // Imported segment-level formats are already segmented and aligned, one segment a line.
  const lines = pair.segmentation === 'lines';
  const opts = lines ? { paragraphs: 'blank-line' as const, lines: true } : {};
  const source = segment(pair.sourceText, pair.sourceLang, opts);
  const target = segment(pair.targetText, pair.targetLang, opts);
  const alignment =
    options.alignment ?? (lines ? alignLines(source, target) : align(source, target, pair.glossary ? { glossary: pair.glossary } : {}));
  const findings = runChecks({ source, target, alignment, ...(pair.glossary ? { glossary: pair.glossary } : {}) }, pair.checks ?? {});
  return { pair, source, target, alignment, findings };
}

/** Index of the sentence containing `offset` on a side, or the nearest one before it. */
export function sentenceAt(text: SegmentedText, offset: number): number {
  const s = text.sentences;
  let lo = 0;
  let hi = s.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Index of the bead that holds sentence `sentence` of `side`. */
export function beadOf(alignment: Bead[], side: 'source' | 'target', sentence: number): number {
  return alignment.findIndex((b) => b[side].includes(sentence));
}
