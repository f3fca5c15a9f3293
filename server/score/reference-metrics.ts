// Reference metrics (chrF, BLEU, chrF++, TER) of the MT with the sacreBLEU port, on
// sentence-level segments: the reference is aligned to the source like the MT is, and each
// segment pairs the MT and reference sentences of the same source sentences (segments.ts).
// Documents imported one segment a line pair reference line i with segment i instead.
import { align } from '../align/index.js';
import { alignLines } from '../align/lines.js';
import type { Bead, SegmentedText } from '../core/types.js';
import { InputError } from '../core/types.js';
import type { ProcessedDocument } from '../pipeline.js';
import { segment } from '../segment/index.js';
import { ARABIC_NORMALIZATION, normalizeArabic } from './arabic-normalize.js';
import { BLEU, CHRF, TER, TOKENIZER_NAMES, type Metric, type MetricResult, type Score } from './metrics/index.js';
import { commonSegments, type CommonSegment } from './segments.js';

export type { MetricResult };

export const METRIC_IDS = ['chrf', 'bleu', 'chrfpp', 'ter'] as const;
export type MetricId = (typeof METRIC_IDS)[number];
export const DEFAULT_METRICS: readonly MetricId[] = ['chrf', 'bleu'];

export interface MetricOptions {
  /** Which metrics (default chrF and BLEU); keys of the scores object. */
  metrics?: readonly MetricId[];
  /** BLEU's tokenizer (default 13a, sacreBLEU's default also for Arabic). */
  tokenize?: string;
  /** Light Arabic normalisation of MT and references first (not part of sacreBLEU). */
  arabicNormalize?: boolean;
}

export interface MetricScore extends MetricResult {
  segments: number;
  /** Set when the texts were normalised before scoring (ARABIC_NORMALIZATION). */
  normalization?: string;
  /** Bootstrap confidence interval, when one was computed (statistics.ts). */
  ci?: { low: number; high: number; level: number; mean?: number; resamples?: number; seed?: number };
}

export type ReferenceScores = Partial<Record<MetricId, MetricScore>>;
/** The shape before chrF++/TER were added: both present whenever there is a reference. */
export interface ReferenceMetrics {
  chrf: MetricScore;
  bleu: MetricScore;
}

/** Parses `--metrics chrf,bleu,chrf++,ter`. */
export function parseMetrics(list: string): MetricId[] {
  const out: MetricId[] = [];
  for (const raw of list.split(/[\s,]+/).filter(Boolean)) {
    const id = raw.toLowerCase().replace('chrf++', 'chrfpp') as MetricId;
    if (!METRIC_IDS.includes(id)) throw new InputError(`unknown metric "${raw}" (chrf, bleu, chrf++, ter)`, { field: '--metrics' });
    if (!out.includes(id)) out.push(id);
  }
  if (!out.length) throw new InputError('name at least one metric', { field: '--metrics' });
  return out;
}

export function checkTokenizer(name: string): void {
  if (!(TOKENIZER_NAMES as readonly string[]).includes(name)) throw new InputError(`unknown tokenizer "${name}" (${TOKENIZER_NAMES.join(', ')})`, { field: '--tokenize' });
}

/** A fresh metric object with sacreBLEU's defaults and the options' tokenizer. */
export function metricFor(id: MetricId, options: MetricOptions = {}): Metric<unknown, Score> {
  switch (id) {
    case 'chrf':
      return new CHRF() as unknown as Metric<unknown, Score>;
    case 'chrfpp':
      return new CHRF({ wordOrder: 2 }) as unknown as Metric<unknown, Score>;
    case 'bleu':
      return new BLEU(options.tokenize ? { tokenize: options.tokenize } : {}) as unknown as Metric<unknown, Score>;
    case 'ter':
      return new TER() as unknown as Metric<unknown, Score>;
  }
}

/** Segments a reference like the document: line by line for imported segments, else sentences + aligner. */
function referenceSide(p: ProcessedDocument, text: string): { ref: SegmentedText; alignment: Bead[] } {
  if (p.pair.segmentation === 'lines') {
    const ref = segment(text, p.target.lang, { paragraphs: 'blank-line', lines: true });
    return { ref, alignment: alignLines(p.source, ref) };
  }
  const ref = segment(text, p.target.lang);
  return { ref, alignment: align(p.source, ref) };
}

const join = (t: SegmentedText, idx: number[]) => idx.map((i) => t.sentences[i]!.text).join(' ');

export interface ReferenceSegments {
  segments: CommonSegment[];
  /** hyps[s][i]: the MT text of segment i for system s (one system unless several were given). */
  hyps: string[][];
  /** refs[k][i]: reference k of segment i. */
  refs: string[][];
}

/**
 * Scoring segments shared by the MT of one or more systems (same source document) and every
 * reference: a segment ends only where every alignment cuts between the same source sentences.
 */
export function referenceSegments(docs: ProcessedDocument[], references: string[]): ReferenceSegments {
  const first = docs[0]!;
  const sides = references.map((r) => referenceSide(first, r));
  const segments = commonSegments([...docs.map((d) => d.alignment), ...sides.map((s) => s.alignment)], first.source.sentences.length);
  return {
    segments,
    hyps: docs.map((d, k) => segments.map((s) => join(d.target, s.targets[k]!))),
    refs: sides.map((side, k) => segments.map((s) => join(side.ref, s.targets[docs.length + k]!))),
  };
}

export interface MetricRun {
  id: MetricId;
  metric: Metric<unknown, Score>;
  /** Per-segment sufficient statistics, for resampling. */
  stats: number[][];
  score: MetricScore;
}

/** Runs the metrics over prepared segments; the statistics stay available for CIs and tests. */
export function runMetrics(hyps: string[], refs: string[][], options: MetricOptions = {}): MetricRun[] {
  const norm = options.arabicNormalize ? normalizeArabic : (s: string) => s;
  const h = options.arabicNormalize ? hyps.map(norm) : hyps;
  const r = options.arabicNormalize ? refs.map((stream) => stream.map(norm)) : refs;
  return (options.metrics ?? DEFAULT_METRICS).map((id) => {
    const metric = metricFor(id, options);
    const stats = metric.extractCorpusStatistics(h, r);
    const score = metric.aggregateAndCompute(stats);
    return {
      id,
      metric,
      stats,
      score: { ...metric.result(score), segments: hyps.length, ...(options.arabicNormalize ? { normalization: ARABIC_NORMALIZATION } : {}) },
    };
  });
}

export function referenceMetrics(p: ProcessedDocument, references: string[], options: MetricOptions = {}): ReferenceScores {
  const { hyps, refs } = referenceSegments([p], references);
  const out: ReferenceScores = {};
  for (const run of runMetrics(hyps[0]!, refs, options)) out[run.id] = run.score;
  return out;
}
