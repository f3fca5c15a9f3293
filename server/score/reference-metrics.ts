// chrF and BLEU of the MT against reference translations, computed with the sacreBLEU port on
// sentence-level segments: the reference is aligned to the source like the MT is, and each
// segment pairs the MT and reference sentences of the same source sentences (segments.ts).
import { align } from '../align/index.js';
import type { SegmentedText } from '../core/types.js';
import type { ProcessedDocument } from '../pipeline.js';
import { segment } from '../segment/index.js';
import { BLEU, CHRF, type MetricResult } from './metrics/index.js';
import { scoringSegments } from './segments.js';

export type { MetricResult };

export interface ReferenceMetrics {
  chrf: MetricResult & { segments: number };
  bleu: MetricResult & { segments: number };
}

const join = (t: SegmentedText, idx: number[]) => idx.map((i) => t.sentences[i]!.text).join(' ');

export function referenceMetrics(p: ProcessedDocument, references: string[]): ReferenceMetrics {
  // One segmentation for all references: the first reference's alignment decides the cuts,
  // and further references follow the same source sentences.
  const refs = references.map((text) => segment(text, p.target.lang));
  const refAlignments = refs.map((r) => align(p.source, r));
  const segments = scoringSegments(p.alignment, refAlignments[0]!, p.source.sentences.length);
  const hyps = segments.map((s) => join(p.target, s.hypothesis));
  const refStreams = refs.map((r, k) => {
    if (k === 0) return segments.map((s) => join(r, s.reference));
    const extra = scoringSegments(p.alignment, refAlignments[k]!, p.source.sentences.length);
    // Map every first-reference segment to the text of this reference over the same source sentences.
    return segments.map((s) => {
      const covered = extra.filter((e) => e.source.some((i) => s.source.includes(i)));
      return join(r, covered.flatMap((e) => e.reference));
    });
  });
  const chrf = new CHRF();
  const chrfScore = chrf.corpusScore(hyps, refStreams);
  const bleu = new BLEU();
  const bleuScore = bleu.corpusScore(hyps, refStreams);
  return {
    chrf: { ...chrf.result(chrfScore), segments: segments.length },
    bleu: { ...bleu.result(bleuScore), segments: segments.length },
  };
}
