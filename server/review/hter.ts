// HTER: the TER of the MT against reviewers' post-edits (Snover et al., 2006), computed with the
// sacreBLEU 2.6.0 TER port, one segment per bead that has a post-edit. Lower is better: it is
// the share of the post-edited words a reviewer had to insert, delete, substitute or shift.
import { TER } from '../score/metrics/index.js';

export interface HterSegment {
  mt: string;
  postEdit: string;
}

export interface HterScore {
  /** 100 × edits / post-edit words, over all segments. */
  score: number;
  edits: number;
  words: number;
  segments: number;
  signature: string;
}

export function hterSignature(terSignature: string): string {
  return `hter|ref:post-edits|${terSignature}`;
}

/** Corpus-level HTER over the segments, or undefined when there is no post-edit yet. */
export function documentHter(segments: HterSegment[]): HterScore | undefined {
  if (segments.length === 0) return undefined;
  const ter = new TER();
  const s = ter.corpusScore(
    segments.map((x) => x.mt),
    [segments.map((x) => x.postEdit)],
  );
  return { score: s.score, edits: s.numEdits, words: s.refLength, segments: segments.length, signature: hterSignature(ter.signature().format()) };
}

/** One bead's TER against its post-edit. */
export function segmentHter(seg: HterSegment): { score: number; edits: number; words: number } {
  const s = new TER().sentenceScore(seg.mt, [seg.postEdit]);
  return { score: s.score, edits: s.numEdits, words: s.refLength };
}
