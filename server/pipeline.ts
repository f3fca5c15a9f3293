// The pipeline in one call: segment → align → check. Scoring and reports take its result.
import { align } from './align/index.js';
import { restoreAlignment, type StoredAlignment } from './align/corrections.js';
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
  /**
   * Set when a reviewer-corrected alignment is in force: 'exact' when it was made for these very
   * sentences, 'rebased' when a text changed since (corrections whose sentences survived are kept,
   * `dropped` counts the others, which the reviewer is told about).
   */
  corrections?: { status: 'exact' | 'rebased'; kept: number; dropped: number };
}

export interface ProcessOptions {
  /** A reviewer-corrected alignment to use instead of the automatic one. */
  alignment?: Bead[];
  /** A stored corrected alignment (serializeAlignment's form), restored onto the current texts. */
  stored?: StoredAlignment | null;
}

export function processDocument(pair: DocumentPair, options: ProcessOptions = {}): ProcessedDocument {
  // Imported segment-level formats are already segmented and aligned, one segment a line.
  const lines = pair.segmentation === 'lines';
  const opts = lines ? { paragraphs: 'blank-line' as const, lines: true } : {};
  const source = segment(pair.sourceText, pair.sourceLang, opts);
  const target = segment(pair.targetText, pair.targetLang, opts);
  const auto = (s: SegmentedText, t: SegmentedText) => (lines ? alignLines(s, t) : align(s, t, pair.glossary ? { glossary: pair.glossary } : {}));
  let alignment: Bead[];
  let corrections: ProcessedDocument['corrections'];
  if (options.alignment) alignment = options.alignment;
  else if (options.stored) {
    const r = restoreAlignment(options.stored, source, target, auto);
    alignment = r.beads;
    corrections = { status: r.status, kept: r.kept, dropped: r.dropped };
  } else alignment = auto(source, target);
  const findings = runChecks({ source, target, alignment, ...(pair.glossary ? { glossary: pair.glossary } : {}) }, pair.checks ?? {});
  return { pair, source, target, alignment, findings, ...(corrections ? { corrections } : {}) };
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
